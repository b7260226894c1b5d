#include "stages/internal_orders/internal_order_source.h"

namespace wmsbridge::internal_orders {

std::optional<pipeline::Batch<erp::InternalOrderRow>> InternalOrderSource::Next(
    std::size_t max_rows) {
  if (!vanished_done_) {
    vanished_done_ = true;
    if (settings_.removals) {
      auto vanished = documents::VanishedDocuments<erp::InternalOrderRow>(
          store_.Vanished("extract_vanished_internal_orders", settings_.connection_name),
          settings_.requested);
      if (!vanished.empty())
        return pipeline::Batch<erp::InternalOrderRow>{std::move(vanished)};
    }
  }
  while (next_ < settings_.only_numbers.size()) {
    const std::string& only = settings_.only_numbers[next_++];
    auto rows = store_.InternalOrder(settings_.connection_name, erp::CodeList(settings_.warehouses),
                                     only, max_rows);
    if (rows.empty()) {
      // Gone from the ERP, still in Ongoing: its cancel, asked for again (R32). In a run that
      // cancels the deleted ones it came with them.
      if (settings_.removals)
        continue;
      auto deleted = store_.Vanished("extract_vanished_internal_orders", settings_.connection_name);
      std::erase_if(deleted, [&](const erp::VanishedRow& v) { return v.number != only; });
      if (deleted.empty())
        continue;
      return pipeline::Batch<erp::InternalOrderRow>{
          documents::VanishedDocuments<erp::InternalOrderRow>(deleted, {only})};
    }
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
