#pragma once
// The stock job's source (R25): first stages Ongoing's stock per article and connected
// warehouse (GetInventoryPerWarehouse, paged by Ongoing's article id, one transaction per page)
// into wms_stock_snapshot, then yields the comparison with stock_balance warehouse by warehouse
// in article order, one page at a time. Ongoing pages by its own article id, not by article
// number, so the two sides cannot be merged as they stream; the staging table lets the database
// do the ordered join, and memory stays at one page whatever the article count.
// With the change feed in use, every run first takes up Ongoing's unreported changes
// (GetInventoryChanges, paged) in wms_stock_change; the sink marks them applied with the pair's
// adjustment. A full run then stages everything; an intra-day run (changes only) stages only the
// articles the feed named, each read again in full (docs/stock-job.md "Intra-day runs").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/stage.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/stock_store.h"
#include "stages/wms/wms_client.h"

namespace wmsbridge::stock {

/// A connected warehouse: the ERP's id and code and the code Ongoing gives it.
struct StockPlace {
  erp::StockWarehouse erp;
  std::string wms_code;
};

/// How a run uses Ongoing's change feed.
enum class StockFeed {
  kUnused,       // stock.full_comparison_hours = 0: every run full, the feed is not read
  kTakenUp,      // a full run: the feed's changes are covered by it and acknowledged after
  kChangesOnly,  // an intra-day run: only the articles the feed names are compared
};

/// One row to decide, with the warehouse it belongs to.
struct StockRow {
  StockPlace place;
  erp::StockComparisonRow row;
};

class StockSource : public pipeline::Source<StockRow> {
 public:
  StockSource(erp::ErpDatabase& db, erp::StockStore& store, wms::WmsClient& client,
              std::vector<StockPlace> places, std::int64_t run_id, int wms_page_size,
              StockFeed feed = StockFeed::kUnused)
      : db_(db),
        store_(store),
        client_(client),
        places_(std::move(places)),
        run_id_(run_id),
        wms_page_size_(wms_page_size),
        feed_(feed) {}

  /// The first call stages Ongoing's stock (every page); each call then returns up to
  /// `max_rows` compared rows (possibly none, when a page had only rows with no stock on either
  /// side). Throws wms::WmsError when Ongoing cannot be read (after the client's retries) and
  /// Poco::Data::DataException when the ERP database fails.
  std::optional<pipeline::Batch<StockRow>> Next(std::size_t max_rows) override;

  /// Ongoing's articles read (after the first Next). Never throws.
  std::size_t wms_articles() const { return wms_articles_; }
  /// Changes of the feed taken up by this run. Never throws.
  std::size_t changes() const { return changes_; }

 private:
  void Stage();
  void ReadFeed(bool read_again);

  erp::ErpDatabase& db_;
  erp::StockStore& store_;
  wms::WmsClient& client_;
  std::vector<StockPlace> places_;
  std::int64_t run_id_;
  int wms_page_size_;
  StockFeed feed_;
  bool staged_ = false;
  std::size_t place_ = 0;  // the warehouse being compared
  std::string after_;      // the last article compared in it
  std::size_t wms_articles_ = 0;
  std::size_t changes_ = 0;
};

}  // namespace wmsbridge::stock
