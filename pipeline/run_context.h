#pragma once
// Everything that changes during one run, created when the run opens and dropped when it ends:
// the report, the stop and abort state, progress. Stages keep their settings; the context is
// what they share with the runner. One thread drives a run; only RequestStop() and the
// StopSignal may be used from elsewhere.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <string>
#include <utility>

#include "pipeline/record_outcome.h"
#include "pipeline/retry.h"
#include "pipeline/run_report.h"

namespace Poco {
class Logger;
}

namespace wmsbridge::pipeline {

class Progress;
class StopSignal;

struct RunOptions {
  RetryPolicy retry{};
  const StopSignal* stop_signal = nullptr;  // null: only RequestStop() stops the run
  Progress* progress = nullptr;             // null: no progress output
  std::size_t kept_problems = RunReport::kDefaultKeptProblems;
};

class RunContext {
 public:
  /// Opens a run: starts the report clock. The logger, stop signal and progress must outlive
  /// the context. Throws std::invalid_argument for an invalid retry policy.
  RunContext(std::int64_t run_id, std::string job, Poco::Logger& logger, RunOptions options = {});
  RunContext(const RunContext&) = delete;
  RunContext& operator=(const RunContext&) = delete;

  /// Called by a sink once per row handled: counts it in the report, advances progress, logs
  /// rejected/failed at warning level with key and reason. Throws only std::bad_alloc or what
  /// the logger throws.
  void Record(RecordOutcome outcome);

  /// True once a stop was requested (signal or RequestStop()) or the run was aborted: stages
  /// finish the row in flight and return. Any thread. Does not throw.
  bool StopRequested() const;
  /// Asks the run to stop at the next row boundary; status becomes kStopped. Any thread.
  void RequestStop() { stop_requested_.store(true, std::memory_order_release); }

  /// Ends the run early because going on is pointless (e.g. the far side is down): the runner
  /// pulls no further batch and the status becomes kAborted. The first reason is kept. Logs at
  /// error level. Throws only std::bad_alloc or what the logger throws.
  void Abort(std::string reason);
  /// True once Abort() was called. Any thread. Does not throw.
  bool Aborted() const { return aborted_.load(std::memory_order_acquire); }

  /// Calls f with the run's retry policy (see WithRetry): waits end early on a stop, and each
  /// retry is logged at warning level.
  template <typename F>
  auto Retry(const std::function<bool(const std::exception&)>& is_retryable, F&& f) {
    return WithRetry(
        retry_, is_retryable, [this] { return StopRequested(); },
        [this](int attempt, const std::exception& error, std::chrono::milliseconds delay) {
          LogRetry(attempt, error, delay);
        },
        std::forward<F>(f));
  }

  // Accessors; none throws.
  std::int64_t RunId() const { return run_id_; }
  const std::string& Job() const { return job_; }
  RunReport& Report() { return report_; }
  const RunReport& Report() const { return report_; }
  const RetryPolicy& RetrySettings() const { return retry_; }
  /// May be null.
  const StopSignal* Signal() const { return stop_signal_; }
  /// May be null.
  Progress* ProgressMeter() const { return progress_; }
  Poco::Logger& Log() const { return logger_; }

 private:
  void LogRetry(int attempt, const std::exception& error, std::chrono::milliseconds delay);

  std::int64_t run_id_;
  std::string job_;
  Poco::Logger& logger_;
  RetryPolicy retry_;
  const StopSignal* stop_signal_;
  Progress* progress_;
  RunReport report_;
  std::atomic<bool> stop_requested_{false};
  std::atomic<bool> aborted_{false};
};

}  // namespace wmsbridge::pipeline
