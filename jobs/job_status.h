#pragma once
// What `wmsbridge status` knows of each job of each connection (R29, issue 13 point 6): its last
// run (when, outcome, counts, parameters), its next due slot, the documents in ERROR waiting for
// a person, the stock differences flagged for one, and whether the job is stale.
//
// The stale rule: a job is stale when a slot of its schedule lies more than kStaleGrace in the
// past and no run of the job has completed (COMPLETED or COMPLETED_WITH_REJECTS) that started
// at or after that slot. So one failed run is not stale yet (the next slot may succeed); a job
// whose runs have all failed, or that has not run at all, for a slot and the hour after it is.
// A schedule that is off, and the articles of a connection whose automatic export is off, are
// never stale. docs/job-runner.md, "Status".

#include <Poco/Timestamp.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jobs/connection_config.h"
#include "jobs/schedule.h"
#include "stages/erp/run_store.h"

namespace wmsbridge::jobs {

/// How long after a slot its run may take to complete before the job is stale.
inline constexpr std::chrono::minutes kStaleGrace{60};

enum class JobState {
  kOk,       // completed since its latest slot (older than the grace), or none due yet
  kStale,    // see the rule above
  kOff,      // never due: schedule off, or the automatic export off
  kUnknown,  // the connection's ERP database could not be read
};

/// "ok", "STALE", "off", "unknown". Never throws.
const char* JobStateText(JobState state);

/// The stale rule (above) for a job whose latest completed run started at `last_success` (nullopt:
/// never). Does not throw but std::bad_alloc.
bool IsStale(const Schedule& schedule, const stages::TimeZone& zone, const Poco::Timestamp& now,
             const std::optional<Poco::Timestamp>& last_success);

struct JobStatus {
  std::string connection;
  std::string job;  // the schedule's name: a job's name, or NAME-full for its full comparison
  std::optional<erp::RunRow> last_run;
  std::string last_success;                     // UTC text of its start, "" when never
  std::optional<Poco::Timestamp> next_due;      // nullopt: off, or no slot in the next 8 days
  std::optional<std::int64_t> error_documents;  // for the export jobs: documents in ERROR
  std::optional<std::int64_t> flagged;          // for stock: flagged in its latest run
  JobState state = JobState::kOk;
  std::string problem;  // why kUnknown
};

/// The status of every scheduled job (jobs/job_definitions.h, with the connection's schedule.NAME
/// overrides) of each of `connections`, as at `now`. A connection whose ERP database fails gives
/// one kUnknown row per job with the reason; never throws anything derived from std::exception
/// but std::bad_alloc.
std::vector<JobStatus> CollectStatus(const AppConfig& app,
                                     const std::vector<const ConnectionConfig*>& connections,
                                     const Poco::Timestamp& now);

/// The exit code of `status` for `rows`: kExitStale when a job is stale, else 74 when a
/// connection's ERP database could not be read, else 0. Never throws.
int StatusExitCode(const std::vector<JobStatus>& rows);

}  // namespace wmsbridge::jobs
