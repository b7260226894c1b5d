#pragma once
// `wmsbridge reload JOB [--from DATE] [--connection C] [--dry-run]` (R28, issue 13 point 5): a
// person (a DBA) has the job do again what it did from a date on. The export jobs send every
// document the ERP updated at or after DATE again (all without --from), whatever its stored
// payload hash or Ongoing's last refusal, with CreateOrUpdate: Ongoing updates what it has and
// nothing is created twice. The read-back jobs read Ongoing's reports updated from DATE on again
// and apply them absolutely, so nothing is booked twice. Each reload is a run (wms_run, mode
// "reload") with its parameters; it never moves the job's watermark.

#include <Poco/Logger.h>

#include <optional>
#include <string>
#include <vector>

#include "jobs/connection_config.h"
#include "jobs/job_definitions.h"
#include "jobs/job_options.h"

namespace wmsbridge::jobs {

/// DATE as the reload takes it: "YYYY-MM-DD" (midnight) or "YYYY-MM-DD HH:MM[:SS]", returned as
/// "YYYY-MM-DD HH:MM:SS"; nullopt when it is not a date and time of the calendar. Never throws
/// but std::bad_alloc.
std::optional<std::string> ParseReloadFrom(const std::string& text);

/// Whether `job` can be reloaded: articles, customer and purchase orders (exports) and deliveries
/// and receipts (read-backs). Not internal orders (sent only when a person names one, R23: use
/// `send internal-order NO`) nor stock (every run compares all of it). Never throws.
bool Reloadable(const JobDefinition& job);

/// Runs the reload of job `job_name` for each of `connections`, isolated as `run` is
/// (connection_run.h); `from` is the --from text as given (nullopt: everything). `options`
/// carries the command's dry-run, progress, SQL folder and stop signal. An unknown or
/// unreloadable job or a DATE that is not one is logged and gives 64 (EXIT_USAGE) before any
/// work. A connection whose automatic switch of the job is off is skipped (logged): its
/// documents go only when a person names one (`send`). Returns the worst exit code. Never throws
/// anything derived from std::exception.
int RunReload(const std::string& job_name, const std::optional<std::string>& from,
              JobOptions options, const std::vector<const ConnectionConfig*>& connections,
              Poco::Logger& log);

}  // namespace wmsbridge::jobs
