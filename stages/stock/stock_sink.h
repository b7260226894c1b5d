#pragma once
// The stock job's sink (R25). An adjustment sets stock_balance to Ongoing's figure and writes
// its journal row, its report line and the applied mark of the pair's feed changes in one
// transaction of its own. Every other decision (equal, flagged, report-only, one side only)
// changes nothing in stock_balance: its report line and applied mark are written with the
// others of the batch, up to kLinesPerTransaction in one transaction, committed before the
// sink returns (docs/stock-job.md "Transactions and a killed run"). A dry run writes nothing.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "pipeline/stage.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/stock_store.h"
#include "stages/stock/stock_transform.h"

namespace wmsbridge::stock {

class StockSink : public pipeline::Sink<StockWork> {
 public:
  /// Report lines that change nothing, at most, in one ERP transaction.
  static constexpr std::size_t kLinesPerTransaction = 500;

  /// `feed`: Ongoing's change feed is in use, so each pair's changes are marked applied.
  StockSink(erp::ErpDatabase& db, erp::StockStore& store, std::int64_t run_id, bool dry_run,
            bool feed)
      : db_(db), store_(store), run_id_(run_id), dry_run_(dry_run), feed_(feed) {}

  /// Applies and records every decision (adjusted: sent; equal: unchanged; flagged: rejected,
  /// so the run says a person is needed; report-only and a side missing: skipped). Each row is
  /// recorded once its transaction committed. Throws Poco::Data::DataException when the ERP
  /// database fails (the transaction in hand is rolled back: an adjustment, or the batch's lines
  /// that change nothing not yet committed).
  void Consume(pipeline::Batch<StockWork> batch, pipeline::RunContext& context) override;

 private:
  void Adjust(const StockWork& work, pipeline::RunContext& context);
  void WriteQuiet(std::vector<const StockWork*>& quiet, pipeline::RunContext& context);
  void StoreLine(const StockWork& work);

  erp::ErpDatabase& db_;
  erp::StockStore& store_;
  std::int64_t run_id_;
  bool dry_run_;
  bool feed_;
};

}  // namespace wmsbridge::stock
