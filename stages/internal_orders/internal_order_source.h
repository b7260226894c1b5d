#pragma once
// Internal orders are sent manually only (R23): this source reads the ones named for sending,
// and (in a run of the internal-order job) the ones the connection sent that are gone from the
// ERP, to cancel them in Ongoing.

#include <optional>
#include <string>
#include <vector>

#include "pipeline/stage.h"
#include "stages/customer_orders/order_row.h"
#include "stages/customer_orders/order_source.h"
#include "stages/erp/erp_database.h"

namespace wmsbridge::internal_orders {

class InternalOrderSource final : public customer_orders::DocumentSource {
 public:
  /// Uses connection_name, warehouses, only_order_nos (the orders named for sending) and
  /// removals (also cancel the deleted ones).
  InternalOrderSource(erp::ErpDatabase& db, customer_orders::OrderSourceSettings settings)
      : db_(db), settings_(std::move(settings)) {}

  /// Next batch; throws Poco::Data::DataException when a query fails.
  std::optional<pipeline::Batch<customer_orders::ErpOrder>> Next(std::size_t max_rows) override;
  /// Internal orders are sent on request only: no watermark.
  const std::string& max_updated_at() const override { return none_; }

 private:
  erp::ErpDatabase& db_;
  customer_orders::OrderSourceSettings settings_;
  bool vanished_done_ = false;
  std::size_t next_ = 0;
  std::string none_;
};

}  // namespace wmsbridge::internal_orders
