#pragma once
// `wmsbridge status` (R29, issue 13 point 6), in three views, each as a table, CSV or JSON
// (--format):
//   status            per connection and job: last run, next due slot, documents in ERROR,
//                     flagged stock differences, and whether the job is stale (jobs/job_status.h)
//   status --run N    one run with its parameters and its per-document rows
//   status --runs N   the latest N runs with their parameters
// The table shows times in the installation's zone; CSV and JSON in UTC, as the tables hold them.

#include <Poco/Logger.h>
#include <Poco/Timestamp.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "jobs/connection_config.h"

namespace wmsbridge::jobs {

struct StatusRequest {
  std::string format = "table";     // --format
  std::optional<std::string> run;   // --run N, as given
  std::optional<std::string> runs;  // --runs N, as given
  Poco::Timestamp now;              // the stale check's "now" (--now in tests)
  std::string output;               // -o FILE; "" for `out`
};

/// Writes the view `request` asks for to `out` (or to request.output). Returns 74 when that file
/// cannot be written; 64 (logged) for a format other than
/// table, csv or json, or a --run / --runs that is not a positive number; 65 when run N is not
/// one of `connections`' runs; for the per-job view kExitStale when a job is stale, else 74 when a
/// connection's ERP database could not be read, else 0; for the others 74 when the database
/// fails, else 0. Never throws anything derived from std::exception.
int RunStatus(const StatusRequest& request, const AppConfig& app,
              const std::vector<const ConnectionConfig*>& connections, std::ostream& out,
              Poco::Logger& log);

}  // namespace wmsbridge::jobs
