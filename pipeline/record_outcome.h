#pragma once
// What became of one record. Expected per-record results are data, not exceptions: a sink
// reports every row it handled as one RecordOutcome, and the run report counts them.

#include <string>
#include <string_view>

namespace wmsbridge::pipeline {

enum class OutcomeKind {
  kSent,       // applied / written to the far side
  kUnchanged,  // nothing to do: the far side already has this version
  kRejected,   // bad record: a person must fix the data; retrying will not help
  kFailed,     // could not be done now (e.g. the far side was down); retried next run
  kSkipped,    // not ours / out of scope for this job
};

/// Stable lower-case name ("sent", "unchanged", "rejected", "failed", "skipped"); used in
/// reports and written to the database, so never rename. Does not throw.
std::string_view ToString(OutcomeKind kind);

/// True for the kinds that need attention (rejected, failed). Does not throw.
constexpr bool IsProblem(OutcomeKind kind) {
  return kind == OutcomeKind::kRejected || kind == OutcomeKind::kFailed;
}

struct RecordOutcome {
  std::string key;  // the record's business key, as the operator knows it
  OutcomeKind kind = OutcomeKind::kSent;
  std::string reason;  // why, for rejected/failed/skipped; may be empty for sent/unchanged
};

}  // namespace wmsbridge::pipeline
