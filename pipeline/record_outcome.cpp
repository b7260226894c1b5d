#include "pipeline/record_outcome.h"

namespace wmsbridge::pipeline {

std::string_view ToString(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::kSent:
      return "sent";
    case OutcomeKind::kUnchanged:
      return "unchanged";
    case OutcomeKind::kRejected:
      return "rejected";
    case OutcomeKind::kFailed:
      return "failed";
    case OutcomeKind::kSkipped:
      return "skipped";
  }
  return "unknown";  // unreachable for valid values; keeps -Wreturn-type quiet
}

}  // namespace wmsbridge::pipeline
