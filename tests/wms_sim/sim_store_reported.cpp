// SimStore: report-back (UpdateOrderLines, UpdateInOrderLines; reference notes 6c). The
// integration sets each line's ReportedNumberOfItems to what it has taken; a document whose
// picked (received) quantities all equal their reported ones is no longer "to report".
#include <Poco/Data/Statement.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tests/wms_sim/sim_db.h"
#include "tests/wms_sim/sim_store.h"
#include "tests/wms_sim/sim_store_rows.h"

namespace wmsbridge::sim {

using namespace Poco::Data::Keywords;

namespace {

ProcessResult Refused(std::string message) {
  ProcessResult result;
  result.success = false;
  result.message = message;
  result.error_message = std::move(message);
  return result;
}

// The line each input names, by id or external line code; nullopt when one is unknown.
template <class Line>
std::optional<std::vector<std::pair<int, std::optional<std::string>>>> Resolve(
    const std::vector<Line>& lines, const ReportedLinesInput& input, std::string& problem) {
  std::vector<std::pair<int, std::optional<std::string>>> updates;
  for (const ReportedLineInput& wanted : input.lines) {
    const Line* found = nullptr;
    for (const Line& line : lines) {
      const bool match = wanted.line_id ? line.line_id == *wanted.line_id
                                        : !wanted.external_line_code.empty() &&
                                              line.external_line_code == wanted.external_line_code;
      if (match) {
        found = &line;
        break;
      }
    }
    if (found == nullptr) {
      problem = wanted.line_id ? "line id " + std::to_string(*wanted.line_id)
                               : "line '" + wanted.external_line_code + "'";
      problem += " does not exist on the order";
      return std::nullopt;
    }
    std::optional<std::string> value;
    if (wanted.reported) {
      const auto qty = detail::ParseSimDecimal(*wanted.reported);
      if (!qty || qty->IsNegative()) {
        problem = "ReportedNumberOfItems '" + *wanted.reported + "' is not a quantity";
        return std::nullopt;
      }
      value = qty->ToString();
    }
    updates.emplace_back(found->line_id, value);
  }
  return updates;
}

std::string DocumentName(const ReportedLinesInput& input) {
  return input.document_id ? "id " + std::to_string(*input.document_id)
                           : "'" + input.document_number + "'";
}

}  // namespace

ProcessResult SimStore::UpdateOrderLines(int goods_owner_id, const ReportedLinesInput& input) {
  std::lock_guard write_lock(WriteMutex(goods_owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  std::vector<Order> found =
      input.document_id
          ? detail::LoadOrders(*session, "o.goods_owner_id = ? AND o.order_id = ?",
                               {bind(goods_owner_id), bind(*input.document_id)})
          : detail::LoadOrders(*session, "o.goods_owner_id = ? AND o.order_number = ?",
                               {bind(goods_owner_id), bind(input.document_number)});
  if (found.empty())
    return Refused("Order " + DocumentName(input) + " does not exist");
  std::string problem;
  const auto updates = Resolve(found.front().lines, input, problem);
  if (!updates)
    return Refused("Order " + found.front().order_number + ": " + problem);
  for (const auto& [line_id, value] : *updates) {
    if (value) {
      *session << "UPDATE sim_order_lines SET reported_qty = ? WHERE line_id = ?", bind(*value),
          bind(line_id), now;
    } else {
      *session << "UPDATE sim_order_lines SET reported_qty = NULL WHERE line_id = ?", bind(line_id),
          now;
    }
  }
  transaction.Commit();
  ProcessResult result;
  result.success = true;
  result.message = std::to_string(updates->size()) + " line(s) updated";
  result.order_number = found.front().order_number;
  result.order_id = found.front().order_id;
  return result;
}

ProcessResult SimStore::UpdateInOrderLines(int goods_owner_id, const ReportedLinesInput& input) {
  std::lock_guard write_lock(WriteMutex(goods_owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  std::vector<InOrder> found =
      input.document_id
          ? detail::LoadInOrders(*session, "i.goods_owner_id = ? AND i.in_order_id = ?",
                                 {bind(goods_owner_id), bind(*input.document_id)})
          : detail::LoadInOrders(*session, "i.goods_owner_id = ? AND i.order_number = ?",
                                 {bind(goods_owner_id), bind(input.document_number)});
  if (found.empty())
    return Refused("InOrder " + DocumentName(input) + " does not exist");
  std::string problem;
  const auto updates = Resolve(found.front().lines, input, problem);
  if (!updates)
    return Refused("InOrder " + found.front().order_number + ": " + problem);
  for (const auto& [line_id, value] : *updates) {
    if (value) {
      *session << "UPDATE sim_in_order_lines SET reported_qty = ? WHERE line_id = ?", bind(*value),
          bind(line_id), now;
    } else {
      *session << "UPDATE sim_in_order_lines SET reported_qty = NULL WHERE line_id = ?",
          bind(line_id), now;
    }
  }
  transaction.Commit();
  ProcessResult result;
  result.success = true;
  result.message = std::to_string(updates->size()) + " line(s) updated";
  result.order_number = found.front().order_number;
  result.in_order_id = found.front().in_order_id;
  return result;
}

}  // namespace wmsbridge::sim
