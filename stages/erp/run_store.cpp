#include "stages/erp/run_store.h"
#include "pipeline/clock.h"

#include <Poco/Data/Statement.h>
#include <Poco/Environment.h>
#include <Poco/Process.h>

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

std::int64_t RunStore::Start(const std::string& connection_name, const std::string& job,
                             const std::string& mode, const std::string& parameters) {
  std::string c = connection_name, j = job, m = mode, started = pipeline::UtcNowText();
  Poco::UTF16String p = LongText(parameters);
  std::string host = Poco::Environment::nodeName();
  int pid = static_cast<int>(Poco::Process::id());
  db_.session() << db_.Query("insert_run"), use(c), use(j), use(m), use(started), use(host),
      use(pid), use(p), now;
  Poco::Int64 run_id = 0;
  db_.session() << db_.Query("select_last_run_id"), use(c), use(j), use(started), use(host),
      use(pid), into(run_id), now;
  return run_id;
}

void RunStore::Finish(std::int64_t run_id, const RunTotals& totals) {
  std::string finished = pipeline::UtcNowText(), status = totals.status;
  Poco::UTF16String message = LongText(totals.message);
  Poco::Int64 sent = totals.sent, unchanged = totals.unchanged, rejected = totals.rejected,
              failed = totals.failed, skipped = totals.skipped, id = run_id;
  db_.session() << db_.Query("finish_run"), use(finished), use(status), use(sent), use(unchanged),
      use(rejected), use(failed), use(skipped), use(message), use(id), now;
}

std::size_t RunStore::CloseDeadRuns(const std::string& connection_name, const std::string& job,
                                    const std::string& message) {
  std::string c = connection_name, j = job, finished = pipeline::UtcNowText();
  Poco::UTF16String m = LongText(message);
  Poco::Int64 running = 0;
  db_.session() << db_.Query("count_running_runs"), use(c), use(j), into(running), now;
  if (running == 0)
    return 0;
  db_.session() << db_.Query("close_dead_runs"), use(finished), use(m), use(c), use(j), now;
  return static_cast<std::size_t>(running);
}

// One row per document of a run: prepared once per store and re-executed with new values (see
// SyncStateStore::SentStatement).
struct RunStore::RecordStatement {
  explicit RecordStatement(ErpDatabase& db) : statement(db.session()) {
    statement << db.Query("insert_run_record"), use(id), use(t), use(n), use(o), use(r), use(at);
  }
  Poco::Int64 id = 0;
  std::string t, n, o, at;
  Poco::UTF16String r;
  Poco::Data::Statement statement;
};

void RunStore::Record(std::int64_t run_id, const std::string& doc_type, const std::string& doc_no,
                      const std::string& outcome, const std::string& reason) {
  if (!record_)
    record_ = std::make_shared<RecordStatement>(db_);
  RecordStatement& q = *record_;
  q.id = run_id;
  q.t = doc_type;
  q.n = doc_no;
  q.o = outcome;
  q.r = LongText(reason);
  q.at = pipeline::UtcNowText();
  try {
    q.statement.execute();
  } catch (...) {
    // A statement whose execution failed is not reused: dropped at once, as a one-off
    // statement was, before the transaction rolls back.
    record_.reset();
    throw;
  }
}

std::vector<RunRow> RunStore::Recent(int how_many) {
  std::vector<RunRow> rows;
  db_.session() << db_.Query("select_recent_runs"), use(how_many), into(rows), now;
  return rows;
}

std::optional<RunRow> RunStore::Run(std::int64_t run_id) {
  std::vector<RunRow> rows;
  Poco::Int64 id = run_id;
  db_.session() << db_.Query("select_run"), use(id), into(rows), now;
  if (rows.empty())
    return std::nullopt;
  return rows.front();
}

std::vector<RunRecordRow> RunStore::Records(std::int64_t run_id) {
  std::vector<RunRecordRow> rows;
  Poco::Int64 id = run_id;
  db_.session() << db_.Query("select_run_records"), use(id), into(rows), now;
  return rows;
}

std::optional<RunRow> RunStore::LastRun(const std::string& connection_name, const std::string& job,
                                        const std::string& mode) {
  std::vector<RunRow> rows;
  std::string c = connection_name, j = job, m = mode, m2 = mode;
  db_.session() << db_.Query("select_job_last_run"), use(c), use(j), use(m), use(m2), into(rows),
      now;
  if (rows.empty())
    return std::nullopt;
  return rows.front();
}

std::optional<std::string> RunStore::LastSuccessStart(const std::string& connection_name,
                                                      const std::string& job,
                                                      const std::string& mode) {
  Text started;
  std::string c = connection_name, j = job, m = mode, m2 = mode;
  db_.session() << db_.Query("select_job_last_success"), use(c), use(j), use(m), use(m2),
      into(started), now;
  return Optional(started);
}

}  // namespace wmsbridge::erp
