#include "pipeline/run_report.h"

#include <charconv>
#include <utility>

namespace wmsbridge::pipeline {

std::string_view ToString(RunStatus status) {
  switch (status) {
    case RunStatus::kCompleted:
      return "completed";
    case RunStatus::kCompletedWithRejects:
      return "completed_with_rejects";
    case RunStatus::kStopped:
      return "stopped";
    case RunStatus::kAborted:
      return "aborted";
  }
  return "unknown";
}

RunReport::RunReport(std::size_t kept_problems)
    : kept_limit_(kept_problems), started_(std::chrono::steady_clock::now()) {}

void RunReport::Add(RecordOutcome outcome) {
  ++counts_[Index(outcome.kind)];
  ++total_;
  if (IsProblem(outcome.kind) && kept_.size() < kept_limit_)
    kept_.push_back(std::move(outcome));
}

void RunReport::SetAbortReason(std::string reason) {
  if (abort_reason_.empty())
    abort_reason_ = std::move(reason);
}

void RunReport::Finish(RunStatus status) {
  status_ = status;
  finished_at_ = Poco::Timestamp();
  finished_ = std::chrono::steady_clock::now();
}

std::chrono::steady_clock::duration RunReport::Elapsed() const {
  return finished_.value_or(std::chrono::steady_clock::now()) - started_;
}

std::string RunReport::Summary() const {
  std::string text;
  for (auto kind : {OutcomeKind::kSent, OutcomeKind::kUnchanged, OutcomeKind::kRejected,
                    OutcomeKind::kFailed, OutcomeKind::kSkipped}) {
    if (!text.empty())
      text += ", ";
    text += ToString(kind);
    text += ' ';
    text += std::to_string(Count(kind));
  }
  // to_chars, not printf: independent of the process locale ("1.2", never "1,2").
  const double seconds = std::chrono::duration<double>(Elapsed()).count();
  char buffer[32];
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, seconds, std::chars_format::fixed, 1).ptr;
  text += " in ";
  text.append(buffer, end);
  text += " s";
  if (status_ == RunStatus::kStopped)
    text += " (stopped)";
  if (status_ == RunStatus::kAborted)
    text += " (aborted: " + abort_reason_ + ")";
  return text;
}

}  // namespace wmsbridge::pipeline
