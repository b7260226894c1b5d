#pragma once
// `wmsbridge run-due` (issue 13, points 1 and 2): runs, for each connection, every job whose
// schedule (jobs/job_definitions.h, overridden by schedule.NAME) has a slot due now that no
// runner has claimed yet. Safe to call every minute from cron or a systemd timer, by any number
// of runners on any hosts: each slot is claimed once in the ERP database (wms_job_schedule) and
// each run holds its job's lease. After downtime the missed slots of a job make one run.

#include <Poco/Logger.h>
#include <Poco/Timestamp.h>

#include <vector>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"

namespace wmsbridge::jobs {

/// Runs what is due at `now` for `connections`: up to app.max_parallel_connections connections
/// at once, each on a thread of its own with its jobs one after the other
/// (parallel_connections.h), each isolated (connection_run.h). `run-due` calls it once; `daemon`
/// (daemon.h) calls it every daemon_poll_s. A dry run claims nothing and runs nothing: it logs what
/// is due. Returns the worst exit code (0 when nothing was due). Never throws anything derived from
/// std::exception.
int RunDue(const AppConfig& app, const std::vector<const ConnectionConfig*>& connections,
           const JobOptions& options, const Poco::Timestamp& now, Poco::Logger& log);

}  // namespace wmsbridge::jobs
