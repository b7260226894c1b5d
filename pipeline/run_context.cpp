#include "pipeline/run_context.h"

#include <Poco/Logger.h>

#include "pipeline/progress.h"
#include "pipeline/stop_signal.h"

namespace wmsbridge::pipeline {

RunContext::RunContext(std::int64_t run_id, std::string job, Poco::Logger& logger,
                       RunOptions options)
    : run_id_(run_id),
      job_(std::move(job)),
      logger_(logger),
      retry_(options.retry),
      stop_signal_(options.stop_signal),
      progress_(options.progress),
      report_(options.kept_problems) {
  Validate(retry_);  // configuration errors surface before any work
}

void RunContext::Record(RecordOutcome outcome) {
  if (IsProblem(outcome.kind) && logger_.warning()) {
    logger_.warning(job_ + " run " + std::to_string(run_id_) + ": " +
                    std::string(ToString(outcome.kind)) + " " + outcome.key + ": " +
                    outcome.reason);
  }
  report_.Add(std::move(outcome));
  if (progress_ != nullptr)
    progress_->Advance(1);
}

bool RunContext::StopRequested() const {
  return aborted_.load(std::memory_order_acquire) ||
         stop_requested_.load(std::memory_order_acquire) ||
         (stop_signal_ != nullptr && stop_signal_->Requested());
}

void RunContext::Abort(std::string reason) {
  const bool first = !aborted_.exchange(true, std::memory_order_acq_rel);
  if (first && logger_.error()) {
    logger_.error(job_ + " run " + std::to_string(run_id_) + " aborted: " + reason);
  }
  report_.SetAbortReason(std::move(reason));
}

void RunContext::LogRetry(int attempt, const std::exception& error,
                          std::chrono::milliseconds delay) {
  if (!logger_.warning())
    return;
  logger_.warning(job_ + " run " + std::to_string(run_id_) + ": attempt " +
                  std::to_string(attempt) + " of " + std::to_string(retry_.max_attempts) +
                  " failed (" + error.what() + "), retrying in " + std::to_string(delay.count()) +
                  " ms");
}

}  // namespace wmsbridge::pipeline
