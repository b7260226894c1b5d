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

class OrderSource final : public DocumentSource {
 public:
  OrderSource(erp::ErpDatabase& db, OrderSourceSettings settings)
      : db_(db), settings_(std::move(settings)) {}

  /// Next batch; throws Poco::Data::DataException when a query fails.
  std::optional<pipeline::Batch<ErpOrder>> Next(std::size_t max_rows) override;

  const std::string& max_updated_at() const override { return max_updated_at_; }

 private:
  pipeline::Batch<ErpOrder> Vanished();

  erp::ErpDatabase& db_;
  OrderSourceSettings settings_;
  std::optional<pipeline::Batch<ErpOrder>> Page(const std::string& only, std::size_t max_rows);

  bool vanished_done_ = false;
  std::size_t next_only_ = 0;
  std::int64_t last_id_ = 0;
  bool done_ = false;
  std::string max_updated_at_;
};

}  // namespace wmsbridge::customer_orders
