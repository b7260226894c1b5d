#pragma once
// Streams the customer orders to consider: first those the connection sent that are gone from
// the ERP (deleted: to be cancelled in Ongoing), then keyset pages of orders of the connected
// warehouses from the start date on, each with its lines (one query per page, not per order).

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/stage.h"
#include "stages/customer_orders/order_row.h"
#include "stages/erp/erp_database.h"

namespace wmsbridge::customer_orders {

struct OrderSourceSettings {
  std::string connection_name;
  std::vector<std::string> warehouses;  // connected warehouse codes (R3)
  std::string start_date;               // R4
  bool full = false;
  std::optional<std::string> changed_since;  // watermark of incremental runs
  std::vector<std::string> only_order_nos;   // manual send of these orders only (R14)
  std::set<std::string> requested;           // numbers named by pending send requests
  bool removals = true;                      // cancel documents deleted in the ERP (R16)
};

/// A source of order-like documents that reports the highest ERP updated_at it read.
class DocumentSource : public pipeline::Source<ErpOrder> {
 public:
  /// Highest ERP updated_at among the documents read ("" if it keeps no watermark).
  virtual const std::string& max_updated_at() const = 0;
};

/// The paging every order-like source shares: the documents named for a manual send (one short
/// query each), or else first the deleted ones (to cancel) and then keyset pages. A subclass
/// reads one page.
class PagedDocumentSource : public DocumentSource {
 public:
  PagedDocumentSource(erp::ErpDatabase& db, OrderSourceSettings settings,
                      std::string vanished_query)
      : db_(db), settings_(std::move(settings)), vanished_query_(std::move(vanished_query)) {}

  /// Next batch; throws Poco::Data::DataException when a query fails.
  std::optional<pipeline::Batch<ErpOrder>> Next(std::size_t max_rows) final;
  const std::string& max_updated_at() const final { return max_updated_at_; }

 protected:
  /// Up to max_rows documents with ids above after_id (only the number `only` when not empty),
  /// ascending by id, with their lines. Throws Poco::Data::DataException.
  virtual std::vector<ErpOrder> ReadPage(std::int64_t after_id, const std::string& only,
                                         std::size_t max_rows) = 0;

  /// The `full` parameter of the extract queries: a manual send or a run without watermark
  /// compares everything.
  int FullComparison(const std::string& only) const {
    return settings_.full || !settings_.changed_since || !only.empty() ? 1 : 0;
  }
  std::string Since() const { return settings_.changed_since.value_or("1900-01-01 00:00:00"); }
  bool Manual(const std::string& only, const std::string& number) const {
    return !only.empty() || settings_.requested.count(number) > 0;
  }

  erp::ErpDatabase& db_;
  OrderSourceSettings settings_;

 private:
  std::optional<pipeline::Batch<ErpOrder>> Page(const std::string& only, std::size_t max_rows);

  std::string vanished_query_;
  bool vanished_done_ = false;
  std::size_t next_only_ = 0;
  std::int64_t last_id_ = 0;
  bool done_ = false;
  std::string max_updated_at_;
};

/// Customer orders of the connected warehouses from the start date on
/// (sql/queries/extract_customer_orders.sql and extract_customer_order_lines.sql).
class OrderSource final : public PagedDocumentSource {
 public:
  OrderSource(erp::ErpDatabase& db, OrderSourceSettings settings)
      : PagedDocumentSource(db, std::move(settings), "extract_vanished_customer_orders") {}

 protected:
  std::vector<ErpOrder> ReadPage(std::int64_t after_id, const std::string& only,
                                 std::size_t max_rows) override;
};

}  // namespace wmsbridge::customer_orders
