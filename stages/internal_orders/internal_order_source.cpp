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
    // The rows are every internal order with the number: those this connection would send
    // (from a connected warehouse, not cancelled) must not share it (issue 11, point 3).
    std::vector<std::int64_t> live;
    for (const auto& io : rows) {
      if (io.from_connected && io.status != "CANCELLED")
        live.push_back(io.id);
    }
    for (auto& io : rows) {
      io.manual = true;
      if (live.size() > 1)
        io.same_number_ids = live;
    }
    return pipeline::Batch<erp::InternalOrderRow>{std::move(rows)};
  }
  return std::nullopt;
}

}  // namespace wmsbridge::internal_orders
