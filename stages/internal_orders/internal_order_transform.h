#pragma once
// ERP internal order (a transfer between warehouses) -> an Ongoing outbound order from the
// from-warehouse to the to-warehouse's address (R23, R24). It is told apart from customer
// orders by its number ("IO-" + the ERP's number, so the two number series never meet in
// Ongoing) and its order type INTERNAL. docs/purchase-and-internal-orders.md.

#include "pipeline/stage.h"
#include "stages/customer_orders/order_row.h"
#include "stages/customer_orders/order_transform.h"

namespace wmsbridge::internal_orders {

inline constexpr const char* kDocType = "internal_order";
inline constexpr const char* kNumberPrefix = "IO-";
inline constexpr const char* kOrderType = "INTERNAL";

/// How internal orders are named in messages.
customer_orders::DocumentKind InternalOrderKind();

class InternalOrderTransform final
    : public pipeline::Transform<customer_orders::ErpOrder, customer_orders::OrderWork> {
 public:
  /// Never throws for a bad internal order: it becomes kReject with the reason.
  pipeline::Batch<customer_orders::OrderWork> Process(
      pipeline::Batch<customer_orders::ErpOrder> batch) override;

  /// One internal order; public for unit tests.
  static customer_orders::OrderWork Map(const customer_orders::ErpOrder& io);
};

}  // namespace wmsbridge::internal_orders
