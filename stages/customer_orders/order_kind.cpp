#include "stages/customer_orders/order_kind.h"

namespace wmsbridge::customer_orders {

documents::DocumentKind CustomerOrderKind() {
  return documents::OutboundKind(kDocType, "order", "customer-order");
}

}  // namespace wmsbridge::customer_orders
