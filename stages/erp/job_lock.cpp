#include "stages/erp/job_lock.h"

#include <Poco/Data/DataException.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Environment.h>
#include <Poco/Process.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <signal.h>

#include <cerrno>

#include "pipeline/clock.h"
#include "stages/erp/row_columns.h"
#include "stages/erp/run_store.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

/// Who holds a job's lease (select_job_lock.sql).
struct LockHolderRow {
  std::string host, pid, locked_at, expires_at;
};

template <typename V>
void MapColumns(LockHolderRow& r, V& c) {
  c.Text(r.host);
  c.Text(r.pid);
  c.Text(r.locked_at);
  c.Text(r.expires_at);
}

}  // namespace wmsbridge::erp

namespace Poco::Data {

template <>
class TypeHandler<wmsbridge::erp::LockHolderRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::LockHolderRow> {};

}  // namespace Poco::Data

namespace wmsbridge::erp {
namespace {

bool ProcessAlive(int pid) {
  return ::kill(pid, 0) == 0 || errno != ESRCH;
}

std::vector<LockHolderRow> SelectHolder(ErpDatabase& db, const LeaseHolder& me) {
  std::string c = me.connection_name, j = me.job;
  std::vector<LockHolderRow> holder;
  db.session() << db.Query("select_job_lock"), use(c), use(j), into(holder), now;
  return holder;
}

bool IsMe(const LockHolderRow& row, const LeaseHolder& me) {
  return row.host == me.host && row.pid == std::to_string(me.pid) && row.locked_at == me.locked_at;
}

}  // namespace

std::string UtcTextIn(std::chrono::seconds offset) {
  Poco::Timestamp at;
  at += Poco::Timespan(static_cast<long>(offset.count()), 0);
  return Poco::DateTimeFormatter::format(at, "%Y-%m-%d %H:%M:%S");
}

JobLock::JobLock(ErpDatabase& db, std::string connection_name, std::string job, LeaseTiming timing)
    : db_(db), timing_(timing) {
  holder_.connection_name = std::move(connection_name);
  holder_.job = std::move(job);
  holder_.host = Poco::Environment::nodeName();
  holder_.pid = static_cast<int>(Poco::Process::id());
  for (int attempt = 0; attempt < 3; ++attempt) {
    // Look first: a failed INSERT is the rare race, not the way to find the holder (an
    // ODBC statement that fails costs more than a query and leaves drivers less at ease).
    const std::vector<LockHolderRow> holder = SelectHolder(db_, holder_);
    holder_.locked_at = pipeline::UtcNowText();
    std::string expires = UtcTextIn(timing_.duration);
    if (holder.empty()) {
      try {
        db_.session() << db_.Query("lock_job"), use(holder_.connection_name), use(holder_.job),
            use(holder_.host), use(holder_.pid), use(holder_.locked_at), use(expires), now;
        break;
      } catch (const Poco::Data::DataException&) {
        continue;  // another run took it between our look and our insert
      }
    }
    const LockHolderRow& old = holder.front();
    const int old_pid = std::stoi(old.pid);
    // Text order is time order for "YYYY-MM-DD HH:MM:SS".
    const bool expired = old.expires_at < pipeline::UtcNowText();
    const bool dead_here = old.host == holder_.host && !ProcessAlive(old_pid);
    if (expired || dead_here) {
      // Compare and swap on the old holder: of two runners taking it over at once, one wins.
      std::string old_host = old.host, old_at = old.locked_at;
      int old_p = old_pid;
      db_.session() << db_.Query("take_over_job_lock"), use(holder_.host), use(holder_.pid),
          use(holder_.locked_at), use(expires), use(holder_.connection_name), use(holder_.job),
          use(old_host), use(old_p), use(old_at), now;
      const std::vector<LockHolderRow> now_held = SelectHolder(db_, holder_);
      if (!now_held.empty() && IsMe(now_held.front(), holder_))
        break;
      continue;  // another runner was quicker: look again
    }
    throw JobAlreadyRunning("job " + holder_.job + " of connection " + holder_.connection_name +
                            " is already running (host " + old.host + ", pid " + old.pid +
                            ", since " + old.locked_at + ", lease until " + old.expires_at + ")");
  }
  const std::vector<LockHolderRow> held = SelectHolder(db_, holder_);
  if (held.empty() || !IsMe(held.front(), holder_)) {
    throw JobAlreadyRunning("job " + holder_.job + " of connection " + holder_.connection_name +
                            ": could not take its lease");
  }
  // We hold the lease: any run of this job still RUNNING has no live runner.
  closed_dead_runs_ = RunStore(db_).CloseDeadRuns(
      holder_.connection_name, holder_.job,
      "its runner died (lease expired or process gone); closed by host " + holder_.host + ", pid " +
          std::to_string(holder_.pid) + " with the counts of its recorded documents");
}

void JobLock::SetRun(std::int64_t run_id) {
  Poco::Int64 id = run_id;
  db_.session() << db_.Query("set_job_lock_run"), use(id), use(holder_.connection_name),
      use(holder_.job), use(holder_.host), use(holder_.pid), use(holder_.locked_at), now;
}

JobLock::~JobLock() {
  try {
    db_.session() << db_.Query("unlock_job"), use(holder_.connection_name), use(holder_.job),
        use(holder_.host), use(holder_.pid), now;
  } catch (...) {
  }
}

bool RenewLease(ErpDatabase& db, const LeaseHolder& holder, std::chrono::seconds duration) {
  std::string expires = UtcTextIn(duration);
  LeaseHolder h = holder;
  db.session() << db.Query("renew_job_lock"), use(expires), use(h.connection_name), use(h.job),
      use(h.host), use(h.pid), use(h.locked_at), now;
  const std::vector<LockHolderRow> held = SelectHolder(db, holder);
  return !held.empty() && IsMe(held.front(), holder);
}

}  // namespace wmsbridge::erp
