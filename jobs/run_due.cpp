#include "jobs/run_due.h"

#include "jobs/erp_readiness.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Environment.h>
#include <Poco/Process.h>
#include <Poco/Util/Application.h>

#include "jobs/connection_run.h"
#include "jobs/exit_codes.h"
#include "jobs/job_definitions.h"
#include "jobs/parallel_connections.h"
#include "jobs/schedule.h"
#include "jobs/scheduled_jobs.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/schedule_store.h"

namespace wmsbridge::jobs {
namespace {

constexpr const char* kUtcFormat = "%Y-%m-%d %H:%M:%S";

std::optional<Poco::Timestamp> ParseUtc(const std::optional<std::string>& text) {
  if (!text)
    return std::nullopt;
  int tz = 0;
  Poco::DateTime at;
  if (!Poco::DateTimeParser::tryParse(kUtcFormat, *text, at, tz))
    return std::nullopt;  // unreadable: as if never run, so the latest slot runs
  return at.timestamp();
}

// The due jobs of one connection, in the order of the job list, on the calling thread.
int RunDueForConnection(const AppConfig& app, const ConnectionConfig& connection,
                        const JobOptions& options, const Poco::Timestamp& now,
                        const std::string& claimant, Poco::Logger& log) {
  const ConnectionConfig* c = &connection;
  int exit_code = 0;
  RequireSqliteFile(c->name, c->file, c->erp_odbc);  // never create the ERP's database
  erp::ErpDatabase db(c->erp_odbc, options.sql_dir);
  RequireCurrentSchema(db);
  erp::ScheduleStore store(db);
  for (const ScheduledJob& s : ScheduledJobs(*c)) {
    if (options.stop_signal != nullptr && options.stop_signal->Requested())
      return WorseExitCode(exit_code, kExitStopped);
    const auto last_due = store.LastDue(c->name, s.key);
    const auto due = DueSlot(s.schedule, app.time_zone, now, ParseUtc(last_due));
    if (!due)
      continue;
    const std::string due_text = Poco::DateTimeFormatter::format(*due, kUtcFormat);
    const std::string local =
        Poco::DateTimeFormatter::format(app.time_zone.ToLocal(*due), "%Y-%m-%d %H:%M");
    if (options.dry_run) {
      log.information("connection %s: %s is due (slot %s %s)", c->name, s.key, local,
                      app.time_zone.name());
      continue;
    }
    // Articles have no send requests: with the switch off there is nothing to do. Orders
    // still process the ERP's send requests (R14) on their schedule with their switch off.
    if (s.job->automatic == &ConnectionConfig::export_articles && !(c->*s.job->automatic)) {
      store.Claim(c->name, s.key, due_text, claimant);
      continue;
    }
    if (!store.Claim(c->name, s.key, due_text, claimant)) {
      log.information("connection %s: %s slot %s taken by another runner", c->name, s.key, local);
      continue;
    }
    log.information("connection %s: %s due (slot %s %s)", c->name, s.key, local,
                    app.time_zone.name());
    JobOptions run = options;
    run.full = s.full;
    const int code = RunJobForConnection(*s.job, *c, run, s.key, log);
    if (code == Poco::Util::Application::EXIT_TEMPFAIL) {
      // Another runner holds the job's lease (its run of another slot, or the full comparison
      // of the same job): this slot did not run, so the next look runs it, not the next slot.
      store.Release(c->name, s.key, due_text, claimant, last_due);
      log.information("connection %s: %s slot %s given back for the next look", c->name, s.key,
                      local);
    }
    exit_code = WorseExitCode(exit_code, code);
    if (EndsCommand(exit_code))
      return exit_code;
  }
  return exit_code;
}

}  // namespace

int RunDue(const AppConfig& app, const std::vector<const ConnectionConfig*>& connections,
           const JobOptions& options, const Poco::Timestamp& now, Poco::Logger& log) {
  const std::string claimant =
      Poco::Environment::nodeName() + ":" + std::to_string(Poco::Process::id());
  // Each connection on a thread of its own (up to the limit), its jobs in order on it.
  return RunConnectionsInParallel(
      connections, app.max_parallel_connections, options.stop_signal, "run-due",
      [&](const ConnectionConfig& c) {
        return RunDueForConnection(app, c, options, now, claimant, log);
      },
      log);
}

}  // namespace wmsbridge::jobs
