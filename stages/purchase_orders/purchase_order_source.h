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

class PurchaseOrderSource final : public customer_orders::PagedDocumentSource {
 public:
  /// Same settings as the customer-order source (warehouses, start date, watermark, manual).
  PurchaseOrderSource(erp::ErpDatabase& db, customer_orders::OrderSourceSettings settings)
      : PagedDocumentSource(db, std::move(settings), "extract_vanished_purchase_orders") {}

 protected:
  std::vector<customer_orders::ErpOrder> ReadPage(std::int64_t after_id, const std::string& only,
                                                  std::size_t max_rows) override;
};

}  // namespace wmsbridge::purchase_orders
