#include "pipeline/runner.h"

#include <stdexcept>
#include <string>

#include <Poco/Logger.h>

#include "pipeline/progress.h"

namespace wmsbridge::pipeline::detail {
namespace {

std::string RunName(const RunContext& context) {
  return context.Job() + " run " + std::to_string(context.RunId());
}

}  // namespace

void BeginRun(RunContext& context, std::size_t batch_size) {
  if (batch_size == 0)
    throw std::invalid_argument("RunPipeline: batch_size must be > 0");
  if (context.Log().information()) {
    context.Log().information(RunName(context) + " started, batches of " +
                              std::to_string(batch_size));
  }
}

bool WantsTotal(const RunContext& context) {
  return context.ProgressMeter() != nullptr;
}

void AnnounceTotal(RunContext& context, std::optional<std::size_t> total) {
  if (Progress* meter = context.ProgressMeter())
    meter->SetTotal(total);
}

void CheckTransformed(RunContext& context, std::size_t rows_in, std::size_t rows_out) {
  if (rows_in == rows_out)
    return;
  throw std::logic_error(RunName(context) + ": transform turned " + std::to_string(rows_in) +
                         " rows into " + std::to_string(rows_out) +
                         " (must be one out per row in)");
}

void CheckConsumed(RunContext& context, std::size_t rows, std::size_t recorded) {
  // Fewer outcomes than rows are fine only when the sink returned early on a stop or abort;
  // otherwise records would vanish from the report unaccounted.
  if (recorded == rows || (recorded < rows && context.StopRequested()))
    return;
  throw std::logic_error(RunName(context) + ": sink recorded " + std::to_string(recorded) +
                         " outcomes for " + std::to_string(rows) + " rows");
}

RunStatus FinishRun(RunContext& context, bool exhausted) {
  RunReport& report = context.Report();
  RunStatus status = RunStatus::kCompleted;
  if (context.Aborted()) {
    status = RunStatus::kAborted;
  } else if (!exhausted) {
    status = RunStatus::kStopped;
  } else if (report.Problems() > 0) {
    status = RunStatus::kCompletedWithRejects;
  }
  report.Finish(status);
  Poco::Logger& log = context.Log();
  const std::string line =
      RunName(context) + " " + std::string(ToString(status)) + ": " + report.Summary();
  if (status == RunStatus::kCompleted) {
    log.information(line);
  } else if (status == RunStatus::kAborted) {
    log.error(line);
  } else {
    log.warning(line);
  }
  return status;
}

void FailRun(RunContext& context, std::string_view what) {
  context.Abort(std::string(what));
  context.Report().Finish(RunStatus::kAborted);
}

}  // namespace wmsbridge::pipeline::detail
