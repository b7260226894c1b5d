#pragma once
// Runs and per-document outcomes in the ERP database (wms_run, wms_run_record), so the ERP and
// its DBAs can see what each run did (R29).

#include <cstdint>
#include <string>
#include <vector>

#include "stages/erp/erp_database.h"
#include "stages/erp/row_columns.h"

namespace wmsbridge::erp {

/// Counts and status a run ends with (filled from the pipeline's report by the job).
struct RunTotals {
  std::string status;  // COMPLETED, COMPLETED_WITH_REJECTS, STOPPED, ABORTED
  std::int64_t sent = 0, unchanged = 0, rejected = 0, failed = 0, skipped = 0;
  std::string message;
};

/// One run as `wmsbridge status` shows it (select_recent_runs.sql); counts as text.
struct RunRow {
  std::string run_id, connection_name, job, mode, started_at, finished_at, status;
  std::string sent, unchanged, rejected, failed, skipped, message;
};

class RunStore {
 public:
  explicit RunStore(ErpDatabase& db) : db_(db) {}

  /// Inserts a RUNNING row and returns its id. Throws Poco::Data::DataException.
  std::int64_t Start(const std::string& connection_name, const std::string& job,
                     const std::string& mode);
  /// Writes the end state of a run. Throws Poco::Data::DataException.
  void Finish(std::int64_t run_id, const RunTotals& totals);
  /// Records one document's outcome (not for unchanged ones). Throws Poco::Data::DataException.
  void Record(std::int64_t run_id, const std::string& doc_type, const std::string& doc_no,
              const std::string& outcome, const std::string& reason);
  /// Closes every run of `job` of `connection_name` still RUNNING as ABORTED with `message` and
  /// its counts from its wms_run_record rows (close_dead_runs.sql); called by the holder of the
  /// job's lease only, when no such run can be alive. Returns how many were closed. Throws
  /// Poco::Data::DataException.
  std::size_t CloseDeadRuns(const std::string& connection_name, const std::string& job,
                            const std::string& message);
  /// The latest runs, newest first. Throws Poco::Data::DataException.
  std::vector<RunRow> Recent(int how_many);

 private:
  ErpDatabase& db_;
};

template <typename V>
void MapColumns(RunRow& r, V& c) {
  c.Text(r.run_id);
  c.Text(r.connection_name);
  c.Text(r.job);
  c.Text(r.mode);
  c.Text(r.started_at);
  c.Text(r.finished_at);
  c.Text(r.status);
  c.Text(r.sent);
  c.Text(r.unchanged);
  c.Text(r.rejected);
  c.Text(r.failed);
  c.Text(r.skipped);
  c.Text(r.message);
}

}  // namespace wmsbridge::erp

namespace Poco::Data {

template <>
class TypeHandler<wmsbridge::erp::RunRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::RunRow> {};

}  // namespace Poco::Data
