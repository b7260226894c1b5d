#include "jobs/status_command.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Object.h>
#include <Poco/NumberParser.h>

#include <fstream>

#include "jobs/exit_codes.h"
#include "jobs/job_status.h"
#include "jobs/status_table.h"
#include "jobs/webhook_status.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/run_store.h"

namespace wmsbridge::jobs {
namespace {

constexpr const char* kUtcFormat = "%Y-%m-%d %H:%M:%S";
constexpr int kExitUsage = 64, kExitDataErr = 65;

// A time of the tables (UTC text) as the installation's wall clock, "" left "".
std::string Local(const std::string& utc, const stages::TimeZone& zone) {
  int tz = 0;
  Poco::DateTime at;
  if (utc.empty() || !Poco::DateTimeParser::tryParse(kUtcFormat, utc, at, tz))
    return utc;
  return Poco::DateTimeFormatter::format(zone.ToLocal(at.timestamp()), "%Y-%m-%d %H:%M");
}

std::string Utc(const std::optional<Poco::Timestamp>& at) {
  return at ? Poco::DateTimeFormatter::format(*at, kUtcFormat) : "";
}

std::string Count(const std::optional<std::int64_t>& n) {
  return n ? std::to_string(*n) : "";
}

void Write(const StatusTable& table, StatusFormat format, std::ostream& out,
           Poco::JSON::Object::Ptr json_head, const std::string& json_key) {
  switch (format) {
    case StatusFormat::kTable:
      WriteAligned(table, out);
      return;
    case StatusFormat::kCsv:
      WriteCsv(table, out);
      return;
    case StatusFormat::kJson:
      json_head->set(json_key, JsonRows(table));
      json_head->stringify(out, 2);
      out << "\n";
      return;
  }
}

Poco::JSON::Object::Ptr JsonHead() {
  return Poco::makeShared<Poco::JSON::Object>(Poco::JSON_PRESERVE_KEY_ORDER);
}

// --- status: per connection and job --------------------------------------------------------------

StatusTable JobTable(const std::vector<JobStatus>& rows, bool for_person,
                     const stages::TimeZone& zone) {
  StatusTable table;
  if (for_person) {
    table.columns = {
        {"connection"},           {"job"},      {"state"},  {"last run"}, {"started"}, {"outcome"},
        {"sent/unch/rej/failed"}, {"next due"}, {"errors"}, {"flagged"}};
  } else {
    table.columns = {{"connection"},
                     {"job"},
                     {"state"},
                     {"last_run", true},
                     {"mode"},
                     {"started_at"},
                     {"finished_at"},
                     {"outcome"},
                     {"sent", true},
                     {"unchanged", true},
                     {"rejected", true},
                     {"failed", true},
                     {"skipped", true},
                     {"parameters"},
                     {"message"},
                     {"last_success_started_at"},
                     {"next_due_at"},
                     {"error_documents", true},
                     {"flagged_differences", true}};
  }
  for (const JobStatus& s : rows) {
    const erp::RunRow run = s.last_run.value_or(erp::RunRow{});
    const std::string message = s.problem.empty() ? run.message : s.problem;
    if (for_person) {
      const std::string counts =
          s.last_run ? run.sent + "/" + run.unchanged + "/" + run.rejected + "/" + run.failed : "";
      const std::string next =
          s.next_due ? Poco::DateTimeFormatter::format(zone.ToLocal(*s.next_due), "%Y-%m-%d %H:%M")
                     : "";
      table.rows.push_back({s.connection, s.job, JobStateText(s.state), run.run_id,
                            Local(run.started_at, zone), run.status, counts, next,
                            Count(s.error_documents), Count(s.flagged)});
    } else {
      table.rows.push_back({s.connection, s.job, JobStateText(s.state), run.run_id, run.mode,
                            run.started_at, run.finished_at, run.status, run.sent, run.unchanged,
                            run.rejected, run.failed, run.skipped, run.parameters, message,
                            s.last_success, Utc(s.next_due), Count(s.error_documents),
                            Count(s.flagged)});
    }
  }
  return table;
}

int JobsView(const StatusRequest& request, StatusFormat format, const AppConfig& app,
             const std::vector<const ConnectionConfig*>& connections, std::ostream& out,
             Poco::Logger& log) {
  const std::vector<JobStatus> rows = CollectStatus(app, connections, request.now);
  for (const JobStatus& s : rows) {
    if (s.state == JobState::kStale) {
      log.warning(
          "connection %s: %s is stale: no run has completed since its slot more than "
          "%d minutes ago (%s)",
          s.connection, s.job, static_cast<int>(kStaleGrace.count()),
          s.last_success.empty() ? std::string("none ever has")
                                 : "the last completed one started " + s.last_success + " UTC");
    } else if (s.state == JobState::kUnknown) {
      log.error("connection %s: %s: %s", s.connection, s.job, s.problem);
    }
  }
  const int code = StatusExitCode(rows);
  if (format == StatusFormat::kTable) {
    out << "status at "
        << Poco::DateTimeFormatter::format(app.time_zone.ToLocal(request.now), "%Y-%m-%d %H:%M")
        << " " << app.time_zone.name() << " (times in that zone; counts of the last run)\n";
  }
  auto head = JsonHead();
  head->set("generated_at", Utc(request.now));
  head->set("time_zone", app.time_zone.name());
  head->set("stale", code == kExitStale);
  head->set("exit_code", code);
  // Webhooks (R34): a block of its own, only when a connection has them on.
  const StatusTable webhooks = WebhookTable(app, connections, format == StatusFormat::kTable);
  if (format == StatusFormat::kJson && !webhooks.rows.empty())
    head->set("webhooks", JsonRows(webhooks));
  Write(JobTable(rows, format == StatusFormat::kTable, app.time_zone), format, out, head, "jobs");
  if (format != StatusFormat::kJson && !webhooks.rows.empty()) {
    out << (format == StatusFormat::kTable ? "\nwebhooks\n" : "\r\n");
    Write(webhooks, format, out, head, "webhooks");
  }
  return code;
}

// --- status --run N / --runs N ------------------------------------------------------------------

StatusTable RunsTable(const std::vector<erp::RunRow>& runs) {
  StatusTable table;
  table.columns = {{"run", true},       {"connection"},     {"job"},          {"mode"},
                   {"started_at"},      {"finished_at"},    {"outcome"},      {"sent", true},
                   {"unchanged", true}, {"rejected", true}, {"failed", true}, {"skipped", true},
                   {"parameters"},      {"message"}};
  for (const erp::RunRow& r : runs) {
    table.rows.push_back({r.run_id, r.connection_name, r.job, r.mode, r.started_at, r.finished_at,
                          r.status, r.sent, r.unchanged, r.rejected, r.failed, r.skipped,
                          r.parameters, r.message});
  }
  return table;
}

StatusTable RecordsTable(const std::vector<erp::RunRecordRow>& records) {
  StatusTable table;
  table.columns = {{"doc_type"}, {"doc_no"}, {"outcome"}, {"reason"}, {"recorded_at"}};
  for (const erp::RunRecordRow& r : records)
    table.rows.push_back({r.doc_type, r.doc_no, r.outcome, r.reason, r.recorded_at});
  return table;
}

std::optional<std::int64_t> Positive(const std::string& text) {
  Poco::Int64 n = 0;
  if (!Poco::NumberParser::tryParse64(text, n) || n <= 0)
    return std::nullopt;
  return n;
}

int RunView(std::int64_t run_id, StatusFormat format, const AppConfig& app,
            const std::vector<const ConnectionConfig*>& connections, std::ostream& out,
            Poco::Logger& log) {
  // Run ids are the ERP database's: look in each selected connection's database for the run of
  // that connection (several connections may share one database).
  for (const ConnectionConfig* c : connections) {
    erp::ErpDatabase db(c->erp_odbc, app.sql_dir);
    erp::RunStore store(db);
    const auto run = store.Run(run_id);
    if (!run || run->connection_name != c->name)
      continue;
    const auto records = store.Records(run_id);
    if (format == StatusFormat::kCsv) {
      // One CSV table: the run's columns on every per-document row (one row without a document
      // when the run recorded none), so that the parameters travel with the records.
      StatusTable runs = RunsTable({*run});
      StatusTable recs = RecordsTable(records);
      StatusTable table;
      table.columns = runs.columns;
      table.columns.insert(table.columns.end(), recs.columns.begin(), recs.columns.end());
      if (recs.rows.empty())
        recs.rows.push_back(std::vector<std::string>(recs.columns.size()));
      for (const auto& rec : recs.rows) {
        std::vector<std::string> row = runs.rows.front();
        row.insert(row.end(), rec.begin(), rec.end());
        table.rows.push_back(std::move(row));
      }
      WriteCsv(table, out);
    } else if (format == StatusFormat::kJson) {
      auto head = JsonHead();
      head->set("run", JsonRows(RunsTable({*run}))->getObject(0));
      Write(RecordsTable(records), format, out, head, "records");
    } else {
      WriteAligned(RunsTable({*run}), out);
      out << "\n" << records.size() << " document row(s):\n";
      WriteAligned(RecordsTable(records), out);
    }
    return 0;
  }
  log.error("status: no run %Ld of %s", static_cast<Poco::Int64>(run_id),
            connections.size() == 1 ? "connection " + connections.front()->name
                                    : std::string("the selected connections"));
  return kExitDataErr;
}

int Dispatch(const StatusRequest& request, StatusFormat format, std::optional<std::int64_t> run_id,
             std::optional<std::int64_t> how_many, const AppConfig& app,
             const std::vector<const ConnectionConfig*>& connections, std::ostream& out,
             Poco::Logger& log);

}  // namespace

int RunStatus(const StatusRequest& request, const AppConfig& app,
              const std::vector<const ConnectionConfig*>& connections, std::ostream& out,
              Poco::Logger& log) {
  const auto format = ParseStatusFormat(request.format);
  if (!format) {
    log.error("status: --format must be table, csv or json, not '%s'", request.format);
    return kExitUsage;
  }
  std::optional<std::int64_t> run_id, how_many;
  if (request.run && !(run_id = Positive(*request.run))) {
    log.error("status: --run must be a run number, not '%s'", *request.run);
    return kExitUsage;
  }
  if (request.runs && !(how_many = Positive(*request.runs))) {
    log.error("status: --runs must be a positive number, not '%s'", *request.runs);
    return kExitUsage;
  }
  std::ofstream file;
  if (!request.output.empty()) {
    file.open(request.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      log.error("status: cannot write %s", request.output);
      return 74;  // EXIT_IOERR
    }
  }
  std::ostream& target = request.output.empty() ? out : file;
  return Dispatch(request, *format, run_id, how_many, app, connections, target, log);
}

namespace {

int Dispatch(const StatusRequest& request, StatusFormat format, std::optional<std::int64_t> run_id,
             std::optional<std::int64_t> how_many, const AppConfig& app,
             const std::vector<const ConnectionConfig*>& connections, std::ostream& out,
             Poco::Logger& log) {
  try {
    if (run_id)
      return RunView(*run_id, format, app, connections, out, log);
    if (how_many) {
      erp::ErpDatabase db(connections.front()->erp_odbc, app.sql_dir);
      Write(RunsTable(erp::RunStore(db).Recent(static_cast<int>(*how_many))), format, out,
            JsonHead(), "runs");
      return 0;
    }
    return JobsView(request, format, app, connections, out, log);
  } catch (const std::exception& e) {
    const CommandFailure failure = FailureOf(e);
    log.error("status: %s", failure.message);
    return failure.code;
  }
}

}  // namespace

}  // namespace wmsbridge::jobs
