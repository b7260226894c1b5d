#pragma once
// How Boost.Test prints the pipeline's enums in failure messages (found by ADL, also for
// std::optional<RunStatus>, whose template argument lives in this namespace).

#include <optional>
#include <ostream>

#include "pipeline/record_outcome.h"
#include "pipeline/run_report.h"

namespace wmsbridge::pipeline {

inline std::ostream& boost_test_print_type(std::ostream& out, OutcomeKind kind) {
  return out << ToString(kind);
}

inline std::ostream& boost_test_print_type(std::ostream& out, RunStatus status) {
  return out << ToString(status);
}

inline std::ostream& boost_test_print_type(std::ostream& out,
                                           const std::optional<RunStatus>& status) {
  return status ? out << ToString(*status) : out << "(open)";
}

}  // namespace wmsbridge::pipeline
