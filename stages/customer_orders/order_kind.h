#pragma once
// Customer orders as a kind of order document: sent to Ongoing as outbound orders.

#include "stages/documents/document_kind.h"

namespace wmsbridge::customer_orders {

inline constexpr const char* kDocType = "customer_order";

/// doc_type customer_order, "order" in messages, `wmsbridge send customer-order NO`.
documents::DocumentKind CustomerOrderKind();

}  // namespace wmsbridge::customer_orders
