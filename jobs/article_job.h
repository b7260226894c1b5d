#pragma once
// The article export job (R7-R9) for one connection: extract -> diff/transform -> load.

#include <Poco/Logger.h>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"

namespace wmsbridge::jobs {

inline constexpr const char* kArticleJob = "articles";

/// Runs the job once. Throws erp::JobAlreadyRunning when another run holds the job, and
/// Poco::Exception when the ERP database fails (the run is then marked ABORTED if possible).
JobResult RunArticleJob(const ConnectionConfig& connection, const JobOptions& options,
                        Poco::Logger& logger);

}  // namespace wmsbridge::jobs
