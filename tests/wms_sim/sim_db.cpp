#include "tests/wms_sim/sim_db.h"

#include <Poco/Data/SQLite/Connector.h>

namespace wmsbridge::sim {

using namespace Poco::Data::Keywords;

namespace {

void RegisterSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
}

bool IsMemory(const std::string& path) {
  return path == ":memory:" || path.empty();
}

}  // namespace

SessionPool::Lease::Lease(SessionPool& pool, std::unique_ptr<Poco::Data::Session> session)
    : pool_(&pool), session_(std::move(session)) {}

SessionPool::Lease::~Lease() {
  if (session_) {
    pool_->Release(std::move(session_));
  }
}

SessionPool::SessionPool(std::string path, std::size_t max_sessions)
    : path_(IsMemory(path) ? ":memory:" : std::move(path)),
      max_sessions_(IsMemory(path_) ? 1 : std::max<std::size_t>(1, max_sessions)) {
  RegisterSqliteOnce();
  idle_.push_back(Open());
  open_ = 1;
}

SessionPool::Lease SessionPool::Acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty() || open_ < max_sessions_; });
  if (!idle_.empty()) {
    auto session = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(session));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(*this, Open());
  } catch (...) {
    std::lock_guard relock(mutex_);
    --open_;
    available_.notify_one();
    throw;
  }
}

std::unique_ptr<Poco::Data::Session> SessionPool::Open() {
  auto session = std::make_unique<Poco::Data::Session>("SQLite", path_);
  // WAL lets the CLI change the state while the server reads; the busy time-out makes
  // writers from other processes wait instead of failing.
  *session << "PRAGMA busy_timeout = 15000", now;
  if (!IsMemory(path_)) {
    *session << "PRAGMA journal_mode = WAL", now;
    *session << "PRAGMA synchronous = NORMAL", now;
  }
  *session << "PRAGMA foreign_keys = ON", now;
  return session;
}

void SessionPool::Release(std::unique_ptr<Poco::Data::Session> session) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(session));
  available_.notify_one();
}

DbTransaction::DbTransaction(Poco::Data::Session& session, Mode mode) : session_(session) {
  session_ << (mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN"), now;
}

DbTransaction::~DbTransaction() {
  if (open_) {
    try {
      session_ << "ROLLBACK", now;
    } catch (...) {
      // Nothing to do: SQLite rolls back on its own when a statement failed the transaction.
    }
  }
}

void DbTransaction::Commit() {
  session_ << "COMMIT", now;
  open_ = false;
}

bool IsNullAt(const Poco::Data::RecordSet& rows, std::size_t row, const std::string& column) {
  return rows.value(column, row).isEmpty();
}

std::string TextAt(const Poco::Data::RecordSet& rows, std::size_t row, const std::string& column) {
  const Poco::Dynamic::Var value = rows.value(column, row);
  return value.isEmpty() ? std::string() : value.convert<std::string>();
}

std::int64_t IntAt(const Poco::Data::RecordSet& rows, std::size_t row, const std::string& column) {
  const Poco::Dynamic::Var value = rows.value(column, row);
  return value.isEmpty() ? 0 : value.convert<Poco::Int64>();
}

bool BoolAt(const Poco::Data::RecordSet& rows, std::size_t row, const std::string& column) {
  return IntAt(rows, row, column) != 0;
}

}  // namespace wmsbridge::sim
