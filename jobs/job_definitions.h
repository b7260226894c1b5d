#pragma once
// The one list of wmsbridge's jobs: their command-line names, what runs them, their automatic
// switch (R2), the line of help text and their default schedules (R7, R12, R20, R25; the
// others documented in docs/job-runner.md). Dispatch, help and run-due come from this list only.

#include <Poco/Logger.h>

#include <optional>
#include <string>
#include <vector>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"
#include "jobs/schedule.h"

namespace wmsbridge::jobs {

struct JobDefinition {
  std::string name;  // command-line name, also wms_run.job's stem ("customer-orders")
  JobResult (*run)(const ConnectionConfig&, const JobOptions&, Poco::Logger&);
  /// The connection's automatic-export switch (R2), or nullptr when the job has none.
  bool ConnectionConfig::*automatic = nullptr;
  std::string help;  // one line for --help
  /// When run-due runs it, unless the connection says otherwise (schedule.NAME).
  Schedule schedule;
  /// When run-due runs it with --full (the nightly full comparison of articles), if ever
  /// (schedule.NAME-full).
  std::optional<Schedule> full_schedule;
  /// Its default schedule instead of `schedule` when the connection's webhooks are on (R34):
  /// the read-backs' safety net, less often. schedule.NAME still wins.
  std::optional<Schedule> webhook_schedule = std::nullopt;
};

/// Every job, in the order help shows them. Never throws.
const std::vector<JobDefinition>& JobDefinitions();

/// The job named `name` (its command-line name), or nullptr. Never throws.
const JobDefinition* FindJob(const std::string& name);

}  // namespace wmsbridge::jobs
