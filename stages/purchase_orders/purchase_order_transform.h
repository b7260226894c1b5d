#pragma once
// ERP purchase order -> Ongoing in-order (R20, R21): supplier, expected delivery date, lines
// each with its own line code; updates refused once fully received; deleted -> cancelled;
// reused numbers refused with the remedy (R17). docs/purchase-and-internal-orders.md.

#include "pipeline/stage.h"
#include "stages/customer_orders/order_row.h"
#include "stages/customer_orders/order_transform.h"

namespace wmsbridge::purchase_orders {

/// How purchase orders are named in messages.
customer_orders::DocumentKind PurchaseOrderKind();

class PurchaseOrderTransform final
    : public pipeline::Transform<customer_orders::ErpOrder, customer_orders::OrderWork> {
 public:
  /// Never throws for a bad purchase order: it becomes kReject with the reason.
  pipeline::Batch<customer_orders::OrderWork> Process(
      pipeline::Batch<customer_orders::ErpOrder> batch) override;

  /// One purchase order; public for unit tests.
  static customer_orders::OrderWork Map(const customer_orders::ErpOrder& po);
};

/// Hash of everything in an in-order that Ongoing would see (hex SHA-1).
std::string PayloadHash(const wms::InOrder& order);

}  // namespace wmsbridge::purchase_orders
