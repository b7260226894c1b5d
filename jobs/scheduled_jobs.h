#pragma once
// The scheduled variants of a connection's jobs: each job of the job list (jobs/job_definitions.h)
// with its plain run and, where it has one, its full comparison (NAME-full), each on the
// connection's schedule.NAME override or the job's default. run-due runs them in this order and
// `wmsbridge status` reports them, so both see the same list.

#include <string>
#include <vector>

#include "jobs/connection_config.h"
#include "jobs/job_definitions.h"
#include "jobs/schedule.h"

namespace wmsbridge::jobs {

/// One scheduled variant of a job.
struct ScheduledJob {
  const JobDefinition* job;  // in JobDefinitions(), which lives as long as the process
  std::string key;           // wms_job_schedule.job and the schedule.KEY override
  bool full;                 // the full comparison
  Schedule schedule;
};

/// The variants of `connection`'s jobs, in the order of the job list, each plain run before its
/// full comparison. Does not throw but std::bad_alloc.
std::vector<ScheduledJob> ScheduledJobs(const ConnectionConfig& connection);

}  // namespace wmsbridge::jobs
