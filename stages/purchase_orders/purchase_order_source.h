#pragma once
// Streams the purchase orders to consider (R20, R21): first those the connection sent that are
// gone from the ERP (to be cancelled in Ongoing), then keyset pages of purchase orders of the
// connected warehouses from the start date on, each with its lines.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/stage.h"
#include "stages/customer_orders/order_row.h"
#include "stages/customer_orders/order_source.h"
#include "stages/erp/erp_database.h"

namespace wmsbridge::purchase_orders {

inline constexpr const char* kDocType = "purchase_order";

class PurchaseOrderSource final : public customer_orders::DocumentSource {
 public:
  /// Same settings as the customer-order source (warehouses, start date, watermark, manual).
  PurchaseOrderSource(erp::ErpDatabase& db, customer_orders::OrderSourceSettings settings)
      : db_(db), settings_(std::move(settings)) {}

  /// Next batch; throws Poco::Data::DataException when a query fails.
  std::optional<pipeline::Batch<customer_orders::ErpOrder>> Next(std::size_t max_rows) override;

  const std::string& max_updated_at() const override { return max_updated_at_; }

 private:
  std::optional<pipeline::Batch<customer_orders::ErpOrder>> Page(const std::string& only,
                                                                 std::size_t max_rows);

  erp::ErpDatabase& db_;
  customer_orders::OrderSourceSettings settings_;
  bool vanished_done_ = false;
  std::size_t next_only_ = 0;
  std::int64_t last_id_ = 0;
  bool done_ = false;
  std::string max_updated_at_;
};

}  // namespace wmsbridge::purchase_orders
