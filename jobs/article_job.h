#pragma once
// The article export job (R7-R9) for one connection: extract -> diff/transform -> load, with
// the run logged in wms_run and the job locked against a second copy (R27).

#include <Poco/Logger.h>

#include <cstdint>
#include <optional>
#include <string>

#include "jobs/connection_config.h"
#include "pipeline/retry.h"
#include "pipeline/run_report.h"
#include "pipeline/stop_signal.h"
#include "stages/wms/wms_error.h"

namespace wmsbridge::jobs {

struct JobOptions {
  bool dry_run = false;  // say what would be sent; send and write nothing
  bool full = false;     // compare every article, not only those changed since the last run
  bool progress = true;  // progress bar / periodic progress lines
  std::string sql_dir;
  const pipeline::StopSignal* stop_signal = nullptr;
  pipeline::RetryPolicy retry;
};

struct JobResult {
  std::int64_t run_id = 0;  // 0 for a dry run (nothing is written)
  pipeline::RunStatus status = pipeline::RunStatus::kCompleted;
  std::string summary;
  std::string abort_reason;
  std::optional<wms::WmsErrorKind> wms_error;  // why the run was aborted, if the WMS was the cause
};

inline constexpr const char* kArticleJob = "articles";

/// Runs the job once. Throws erp::JobAlreadyRunning when another run holds the job, and
/// Poco::Exception when the ERP database fails (the run is then marked ABORTED if possible).
JobResult RunArticleJob(const ConnectionConfig& connection, const JobOptions& options,
                        Poco::Logger& logger);

/// The watermark to store after a completed run: the highest ERP updated_at seen, less an
/// overlap that covers rows committed late with an earlier time stamp.
std::string NextWatermark(const std::string& max_updated_at, std::chrono::minutes overlap);

}  // namespace wmsbridge::jobs
