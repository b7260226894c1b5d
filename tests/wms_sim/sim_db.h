#pragma once
// SQLite plumbing of the state store: a small pool of Poco sessions (one per concurrent
// caller; a single shared one for ":memory:"), transactions that roll back unless committed,
// and typed column reads that map NULL to an empty value.

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace wmsbridge::sim {

class SessionPool {
 public:
  /// A borrowed session; goes back to the pool when destroyed.
  class Lease {
   public:
    /// Made by Acquire() only. Never throws.
    Lease(SessionPool& pool, std::unique_ptr<Poco::Data::Session> session);
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    /// Gives the session back. Never throws.
    ~Lease();
    /// The borrowed session; valid while the lease lives.
    Poco::Data::Session& operator*() { return *session_; }
    Poco::Data::Session* operator->() { return session_.get(); }

   private:
    SessionPool* pool_;
    std::unique_ptr<Poco::Data::Session> session_;
  };

  /// Opens the first session at once (so a bad path fails here). ":memory:" allows one session
  /// only, because every SQLite connection to ":memory:" is a database of its own.
  /// Throws Poco::Exception when the database cannot be opened.
  explicit SessionPool(std::string path, std::size_t max_sessions = 16);

  /// Borrows a session, opening one or waiting for one. Throws Poco::Exception on open errors.
  /// Never borrow a second lease while holding one: with ":memory:" that would wait forever.
  Lease Acquire();

  /// The database path (":memory:" for an in-memory state).
  const std::string& path() const { return path_; }

 private:
  std::unique_ptr<Poco::Data::Session> Open();
  void Release(std::unique_ptr<Poco::Data::Session> session);

  const std::string path_;
  const std::size_t max_sessions_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Poco::Data::Session>> idle_;
  std::size_t open_ = 0;
};

/// BEGIN on construction, ROLLBACK on destruction unless Commit() ran. Writes take the SQLite
/// write lock up front (BEGIN IMMEDIATE), so a read-then-write never dead-ends in SQLITE_BUSY.
class DbTransaction {
 public:
  enum class Mode { kRead, kWrite };
  /// Throws Poco::Exception when the lock is not granted within the busy time-out.
  DbTransaction(Poco::Data::Session& session, Mode mode);
  DbTransaction(const DbTransaction&) = delete;
  DbTransaction& operator=(const DbTransaction&) = delete;
  /// Rolls back unless committed. Never throws.
  ~DbTransaction();
  /// Throws Poco::Exception if COMMIT fails (the destructor then rolls back).
  void Commit();

 private:
  Poco::Data::Session& session_;
  bool open_ = true;
};

/// True when the column is NULL in that row.
bool IsNullAt(const Poco::Data::RecordSet& rows, std::size_t row, const std::string& column);
/// Column value as text; NULL gives "". Throws Poco::Exception for an unknown column.
std::string TextAt(const Poco::Data::RecordSet& rows, std::size_t row, const std::string& column);
/// Column value as an integer; NULL gives 0.
std::int64_t IntAt(const Poco::Data::RecordSet& rows, std::size_t row, const std::string& column);
/// Column value as a boolean (non-zero); NULL gives false.
bool BoolAt(const Poco::Data::RecordSet& rows, std::size_t row, const std::string& column);

}  // namespace wmsbridge::sim
