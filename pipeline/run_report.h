#pragma once
// The account of one run: how many records ended how, the first problems in detail, when it
// ran and how it ended. Problems beyond the kept limit are only counted, so a run over millions
// of bad rows cannot exhaust memory.

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Poco/Timestamp.h>

#include "pipeline/record_outcome.h"

namespace wmsbridge::pipeline {

enum class RunStatus {
  kCompleted,             // source exhausted, every record sent/unchanged/skipped
  kCompletedWithRejects,  // source exhausted, some records rejected or failed
  kStopped,               // stop requested (signal or programmatic) before the source ran dry
  kAborted,               // a stage aborted the run or threw
};

/// Stable lower-case name ("completed", "completed_with_rejects", "stopped", "aborted").
/// Does not throw.
std::string_view ToString(RunStatus status);

class RunReport {
 public:
  static constexpr std::size_t kDefaultKeptProblems = 1000;

  /// Starts the run clock now. kept_problems: how many rejected/failed outcomes keep their key
  /// and reason.
  explicit RunReport(std::size_t kept_problems = kDefaultKeptProblems);

  /// Counts one outcome; keeps it in detail if it is a problem and the limit is not reached.
  /// Throws only std::bad_alloc.
  void Add(RecordOutcome outcome);
  /// Notes why the run is being aborted. The first reason wins (it is the cause; later ones are
  /// usually consequences). Does not change the status: Finish() does.
  void SetAbortReason(std::string reason);
  /// Stops the clock and sets the final status. Called once by the runner at the end of a run.
  void Finish(RunStatus status);

  // Accessors; none throws.
  /// Outcomes of one kind so far.
  std::size_t Count(OutcomeKind kind) const { return counts_[Index(kind)]; }
  /// All outcomes so far.
  std::size_t Total() const { return total_; }
  /// Rejected + failed.
  std::size_t Problems() const {
    return Count(OutcomeKind::kRejected) + Count(OutcomeKind::kFailed);
  }
  /// The first rejected/failed outcomes, in the order they were recorded.
  const std::vector<RecordOutcome>& KeptProblems() const { return kept_; }
  /// Problems counted but not kept in detail.
  std::size_t UnkeptProblems() const { return Problems() - kept_.size(); }

  Poco::Timestamp StartedAt() const { return started_at_; }
  /// Empty while the run is open.
  std::optional<Poco::Timestamp> FinishedAt() const { return finished_at_; }
  /// Run time so far, or of the whole run once finished (monotonic clock).
  std::chrono::steady_clock::duration Elapsed() const;
  /// Empty while the run is open.
  std::optional<RunStatus> Status() const { return status_; }
  /// Empty unless the run was aborted.
  const std::string& AbortReason() const { return abort_reason_; }

  /// One line for people, e.g. "sent 12, unchanged 3, rejected 1, failed 0, skipped 0 in 1.2 s",
  /// followed by " (stopped)" or " (aborted: <reason>)" when the run ended so.
  std::string Summary() const;

 private:
  static std::size_t Index(OutcomeKind kind) { return static_cast<std::size_t>(kind); }

  std::size_t kept_limit_;
  std::array<std::size_t, 5> counts_{};
  std::size_t total_ = 0;
  std::vector<RecordOutcome> kept_;
  Poco::Timestamp started_at_;
  std::chrono::steady_clock::time_point started_;
  std::optional<Poco::Timestamp> finished_at_;
  std::optional<std::chrono::steady_clock::time_point> finished_;
  std::optional<RunStatus> status_;
  std::string abort_reason_;
};

}  // namespace wmsbridge::pipeline
