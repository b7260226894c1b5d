#pragma once
// Group commit of a sink's outcomes (issue 15): what a sink records of its documents (sync
// state, run record) is kept in memory and written to the ERP in one transaction per group,
// instead of one durable commit per document.
//
// Overlap (issue 15 point 2): the groups are committed by a writer thread on a connection of
// its own (opened at the first commit; a session is never shared between threads), so that one
// group is committed while the sink sends the next documents. `max_records` bounds the records
// not yet committed — the group being committed and the one filling together — so a group is
// handed to the writer when it holds half of it (or when its first record is `max_age` old, or
// whenever the sink commits); when the next record would pass the bound, Add waits for the
// writer first. The sink commits (and waits for the writer) at the end of each batch, on a
// stop, before it ends with an error and before any read of the recorded state: the caller's
// connection reads nothing while the writer writes (SQLite, in its default rollback journal,
// lets only one connection write and none read during the commit; docs/benchmarks.md).
//
// Record-after-success is unchanged: a sink adds a document's record only after Ongoing
// answered. A crash (SIGKILL) loses at most `max_records` records plus the call in flight;
// those documents are sent again by the next run as CreateOrUpdate / Remove, which Ongoing
// treats idempotently (docs/operations.md, "Crash safety"). No ERP transaction is open while a
// group fills, so no lock is held during a WMS call.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "stages/erp/erp_database.h"
#include "stages/erp/run_store.h"
#include "stages/erp/sync_state_store.h"

namespace wmsbridge::erp {

struct RecordGroupLimits {
  std::size_t max_records = 200;           // commit_group_size
  std::chrono::milliseconds max_age{250};  // commit_group_ms
  /// False: groups are committed on the caller's thread and connection, nothing overlaps.
  bool writer_thread = true;
};

/// Where records are written: one connection and its stores (their prepared statements belong
/// to that connection). Used by the one thread that owns the connection.
class RecordTarget {
 public:
  explicit RecordTarget(ErpDatabase& db) : db_(db), runs_(db) {}
  RecordTarget(const RecordTarget&) = delete;
  RecordTarget& operator=(const RecordTarget&) = delete;

  ErpDatabase& db() { return db_; }
  RunStore& runs() { return runs_; }
  /// The sync state store of `connection_name` on this connection (made once). Does not throw
  /// beyond allocation.
  SyncStateStore& Sync(const std::string& connection_name);

 private:
  ErpDatabase& db_;
  RunStore runs_;
  std::map<std::string, std::unique_ptr<SyncStateStore>> syncs_;
};

/// The writes of one document's record, on the connection it is given.
using RecordWrite = std::function<void(RecordTarget&)>;

class RecordGroup {
 public:
  RecordGroup(ErpDatabase& db, RecordGroupLimits limits);
  /// Waits for the commit in flight and ends the writer; records not yet handed to it are not
  /// committed (the sink commits before it ends). Does not throw.
  ~RecordGroup();
  RecordGroup(const RecordGroup&) = delete;
  RecordGroup& operator=(const RecordGroup&) = delete;

  /// Adds the writes of one document's record (`doc_no` names it in an error); hands the group
  /// to the writer when it is half the bound or old enough and the writer is free, and waits
  /// for the writer when the records not committed would pass the bound. Throws what Commit
  /// throws, also the failure of a group the writer committed earlier.
  void Add(const std::string& doc_no, RecordWrite write);
  /// Hands the group to the writer if its first record is older than the time bound and the
  /// writer is free. Call before a WMS call, so no record waits on the wire. Throws the failure
  /// of a group the writer committed earlier.
  void CommitIfDue();
  /// Commits every pending record and waits until they are committed; nothing when there are
  /// none. On a database error the failed group is rolled back and dropped (never tried again
  /// in this run) and Poco::Data::DataException is thrown naming how many documents and which
  /// were not recorded: they are sent again by the next run, so the run must end (abort) on it.
  void Commit();
  /// Runs `batch` (a sink's sends of one batch) and commits after it, also when it throws:
  /// what Ongoing answered before an error is recorded (a failed group was dropped already).
  /// Throws what `batch` throws, else what Commit throws.
  void CommitAfter(const std::function<void()>& batch);
  /// Records not yet committed (filling and in the writer's hands). Does not throw.
  std::size_t Pending() const;

 private:
  struct Part {
    std::vector<RecordWrite> writes;
    std::string first_no;
    std::string last_no;
  };

  /// Writes `part` in one transaction on `target`; throws the DataException described at
  /// Commit.
  static void Write(RecordTarget& target, const Part& part);
  /// Gives the filling part to the writer (starting it at the first call); the writer is free.
  void HandOff();
  /// Waits until the writer is free; rethrows (once) what its last commit threw.
  void WaitForWriter();
  /// Rethrows (once) what the writer's last commit threw, without waiting.
  void ThrowWriterFailure();
  void WriterLoop();

  ErpDatabase& db_;
  RecordGroupLimits limits_;
  Part filling_;
  std::chrono::steady_clock::time_point opened_;
  std::optional<RecordTarget> own_target_;  // without a writer thread

  std::unique_ptr<ErpDatabase> writer_db_;  // the writer's own connection
  std::thread writer_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<Part> handed_;  // in the writer's hands
  std::size_t handed_count_ = 0;
  std::exception_ptr failure_;
  bool stopping_ = false;
};

}  // namespace wmsbridge::erp
