#pragma once
// Group commit of a sink's outcomes (issue 15): what a sink records of its documents (sync
// state, run record) is kept in memory and written to the ERP in ONE transaction per group,
// instead of one durable commit per document. A group is committed when it holds
// `max_records`, when its first record is `max_age` old (checked at every record and before
// every WMS call, see CommitIfDue), and whenever the sink commits it: at the end of each batch,
// on a stop, before it ends with an error, and before any read of the recorded state.
//
// Record-after-success is unchanged: a sink adds a document's record only after Ongoing
// answered. A crash (SIGKILL) loses at most the records of the group not yet committed; those
// documents are sent again by the next run as CreateOrUpdate / Remove, which Ongoing treats
// idempotently (docs/architecture.md, "Group commit"). No ERP transaction is open while a group
// fills, so no lock is held during a WMS call.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "stages/erp/erp_database.h"

namespace wmsbridge::erp {

struct RecordGroupLimits {
  std::size_t max_records = 200;           // commit_group_size
  std::chrono::milliseconds max_age{250};  // commit_group_ms
};

class RecordGroup {
 public:
  RecordGroup(ErpDatabase& db, RecordGroupLimits limits) : db_(db), limits_(limits) {}
  RecordGroup(const RecordGroup&) = delete;
  RecordGroup& operator=(const RecordGroup&) = delete;

  /// Adds the writes of one document's record (`doc_no` names it in an error); commits the
  /// group when it is full or old enough. Throws what Commit throws.
  void Add(const std::string& doc_no, std::function<void()> write);
  /// Commits the group if its first record is older than the time bound. Call before a WMS
  /// call, so no record waits on the wire. Throws what Commit throws.
  void CommitIfDue();
  /// Writes every pending record in one ERP transaction; nothing when the group is empty. On a
  /// database error the whole group is rolled back and dropped (never tried again in this run)
  /// and Poco::Data::DataException is thrown naming how many documents and which were not
  /// recorded: they are sent again by the next run, so the run must end (abort) on it.
  void Commit();
  /// Records waiting for the next commit. Does not throw.
  std::size_t Pending() const { return writes_.size(); }

 private:
  ErpDatabase& db_;
  RecordGroupLimits limits_;
  std::vector<std::function<void()>> writes_;
  std::string first_no_;
  std::string last_no_;
  std::chrono::steady_clock::time_point opened_;
};

}  // namespace wmsbridge::erp
