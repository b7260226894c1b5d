#include "stages/documents/dry_run_line.h"

namespace wmsbridge::documents {
namespace {

std::string OperationName(wms::OrderOperation operation) {
  switch (operation) {
    case wms::OrderOperation::kCreate:
      return "Create";
    case wms::OrderOperation::kCreateOrUpdate:
      return "CreateOrUpdate";
    case wms::OrderOperation::kUpdate:
      return "Update";
    case wms::OrderOperation::kRemove:
      return "Remove";
  }
  return "CreateOrUpdate";
}

std::string OperationName(wms::InOrderOperation operation) {
  switch (operation) {
    case wms::InOrderOperation::kCreate:
      return "Create";
    case wms::InOrderOperation::kCreateOrUpdate:
      return "CreateOrUpdate";
    case wms::InOrderOperation::kRemove:
      return "Remove";
  }
  return "CreateOrUpdate";
}

std::string Lines(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " line" : " lines");
}

}  // namespace

bool MakesCall(const DocumentWork& work) {
  return work.action == DocumentAction::kSend || work.action == DocumentAction::kCancel ||
         work.action == DocumentAction::kRetire;
}

std::string DryRunLine(const DocumentKind& kind, const DocumentWork& work) {
  const std::string& no = work.number;
  switch (work.action) {
    case DocumentAction::kUnchanged:
      return "skip " + no + ": unchanged";
    case DocumentAction::kNotSent:
    case DocumentAction::kRetireHere:
      return "skip " + no + ": " + work.reason;
    case DocumentAction::kReject:
    case DocumentAction::kHeld:
      return "refuse " + no + ": " + work.reason;
    case DocumentAction::kSend:
    case DocumentAction::kCancel:
    case DocumentAction::kRetire:
      break;
  }
  const auto [operation, lines] = std::visit(
      [](const auto& document) {
        return std::pair{OperationName(document.operation), document.lines.size()};
      },
      work.document);
  std::string line = kind.call + " " + operation + " " + no;
  if (work.action == DocumentAction::kSend)
    line += " (" + Lines(lines) + ")";
  else if (work.action == DocumentAction::kCancel)
    line += " (cancelled in the ERP)";
  else
    line += " (deleted in the ERP)";
  return line;
}

}  // namespace wmsbridge::documents
