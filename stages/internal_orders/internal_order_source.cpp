#include "stages/internal_orders/internal_order_source.h"

namespace wmsbridge::internal_orders {

std::optional<pipeline::Batch<erp::InternalOrderRow>> InternalOrderSource::Next(
    std::size_t max_rows) {
  if (!vanished_done_) {
    vanished_done_ = true;
    if (settings_.removals) {
      auto vanished = documents::VanishedDocuments<erp::InternalOrderRow>(
          store_.Vanished("extract_vanished_internal_orders", settings_.connection_name));
      if (!vanished.empty())
        return pipeline::Batch<erp::InternalOrderRow>{std::move(vanished)};
    }
  }
  while (next_ < settings_.only_numbers.size()) {
    auto rows = store_.InternalOrder(settings_.connection_name, erp::CodeList(settings_.warehouses),
                                     settings_.only_numbers[next_++], max_rows);
    if (rows.empty())
      continue;
    for (auto& io : rows)
      io.manual = true;
    return pipeline::Batch<erp::InternalOrderRow>{std::move(rows)};
  }
  return std::nullopt;
}

}  // namespace wmsbridge::internal_orders
