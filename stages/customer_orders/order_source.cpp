#include "stages/customer_orders/order_source.h"

#include <algorithm>

namespace wmsbridge::customer_orders {

bool NeedsTransporters(const erp::CustomerOrderRow& o) {
  return !o.vanished && o.status != "CANCELLED" && !o.dm_code.empty() &&
         !o.dm_carrier_code.empty() && !o.dm_carrier_service_code.empty();
}

std::vector<erp::CustomerOrderRow> OrderSource::ReadPage(const erp::ExtractPage& page) {
  auto rows = store_.Page<erp::CustomerOrderRow>("extract_customer_orders",
                                                 "extract_customer_order_lines", page);
  if (std::any_of(rows.begin(), rows.end(), NeedsTransporters))
    transporters_.LoadOnce(client_);
  return rows;
}

}  // namespace wmsbridge::customer_orders
