#include "stages/erp/job_lock.h"
#include "pipeline/clock.h"

#include <Poco/Data/DataException.h>
#include <Poco/Environment.h>
#include <Poco/Process.h>
#include <signal.h>

#include <cerrno>

#include "stages/erp/row_columns.h"
#include "stages/erp/run_store.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

/// Who holds a job's lock (select_job_lock.sql).
struct LockHolderRow {
  std::string host, pid, locked_at;
};

template <typename V>
void MapColumns(LockHolderRow& r, V& c) {
  c.Text(r.host);
  c.Text(r.pid);
  c.Text(r.locked_at);
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

}  // namespace

JobLock::JobLock(ErpDatabase& db, std::string connection_name, std::string job)
    : db_(db),
      connection_name_(std::move(connection_name)),
      job_(std::move(job)),
      host_(Poco::Environment::nodeName()),
      pid_(static_cast<int>(Poco::Process::id())) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    // Look first: a failed INSERT is the rare race, not the way to find the holder (an
    // ODBC statement that fails costs more than a query and leaves drivers less at ease).
    std::vector<LockHolderRow> holder;
    db_.session() << db_.Query("select_job_lock"), use(connection_name_), use(job_), into(holder),
        now;
    if (holder.empty()) {
      try {
        std::string at = pipeline::UtcNowText();
        db_.session() << db_.Query("lock_job"), use(connection_name_), use(job_), use(host_),
            use(pid_), use(at), now;
        return;
      } catch (const Poco::Data::DataException&) {
        continue;  // another run took it between our look and our insert
      }
    }
    const std::string host = holder.front().host;
    const std::string pid_text = holder.front().pid;
    const std::string since = holder.front().locked_at;
    const int pid = std::stoi(pid_text);
    if (host == host_ && !ProcessAlive(pid)) {
      std::string h = host;
      int p = pid;
      db_.session() << db_.Query("unlock_job"), use(connection_name_), use(job_), use(h), use(p),
          now;
      continue;  // a dead run's lock: take it over
    }
    throw JobAlreadyRunning("job " + job_ + " of connection " + connection_name_ +
                            " is already running (host " + host + ", pid " + pid_text + ", since " +
                            since + ")");
  }
  throw JobAlreadyRunning("job " + job_ + " of connection " + connection_name_ +
                          ": could not take its lock");
}

JobLock::~JobLock() {
  try {
    db_.session() << db_.Query("unlock_job"), use(connection_name_), use(job_), use(host_),
        use(pid_), now;
  } catch (...) {
  }
}

}  // namespace wmsbridge::erp
