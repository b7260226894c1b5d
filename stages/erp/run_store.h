#pragma once
// Runs and per-document outcomes in the ERP database (wms_run, wms_run_record), so the ERP and
// its DBAs can see what each run did (R29).

#include <cstdint>
#include <memory>
#include <optional>
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

/// One run as `wmsbridge status` shows it (select_recent_runs.sql, select_run.sql); counts as
/// text; parameters "" for runs made before migration 010.
struct RunRow {
  std::string run_id, connection_name, job, mode, started_at, finished_at, status;
  std::string sent, unchanged, rejected, failed, skipped, message, parameters;
};

/// One document's row of a run (select_run_records.sql).
struct RunRecordRow {
  std::string doc_type, doc_no, outcome, reason, recorded_at;
};

class RunStore {
 public:
  explicit RunStore(ErpDatabase& db) : db_(db) {}

  /// Inserts a RUNNING row with what the run was asked to do (`parameters`, e.g.
  /// "connection=demo; from=2026-11-01 00:00:00") and returns its id. Throws
  /// Poco::Data::DataException.
  std::int64_t Start(const std::string& connection_name, const std::string& job,
                     const std::string& mode, const std::string& parameters = "");
  /// Writes the end state of a run. Throws Poco::Data::DataException.
  void Finish(std::int64_t run_id, const RunTotals& totals);
  /// Records one document's outcome (not for unchanged ones). The statement is prepared on the
  /// first call and re-executed with new values after (issue 15 point 3). Throws
  /// Poco::Data::DataException.
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
  /// Run `run_id`, or nullopt. Throws Poco::Data::DataException.
  std::optional<RunRow> Run(std::int64_t run_id);
  /// The per-document rows of run `run_id`, in recorded order. Throws Poco::Data::DataException.
  std::vector<RunRecordRow> Records(std::int64_t run_id);
  /// The latest run of `job` (wms_run.job) of `connection_name`: with `mode` "" any run but a
  /// manual send, with "full" only full comparisons; nullopt when none. Throws
  /// Poco::Data::DataException.
  std::optional<RunRow> LastRun(const std::string& connection_name, const std::string& job,
                                const std::string& mode);
  /// When the latest COMPLETED or COMPLETED_WITH_REJECTS run of `job` (as LastRun) started (UTC
  /// text), or nullopt. Throws Poco::Data::DataException.
  std::optional<std::string> LastSuccessStart(const std::string& connection_name,
                                              const std::string& job, const std::string& mode);

 private:
  struct RecordStatement;

  ErpDatabase& db_;
  std::shared_ptr<RecordStatement> record_;  // insert_run_record, once prepared
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
  c.Text(r.parameters);
}

template <typename V>
void MapColumns(RunRecordRow& r, V& c) {
  c.Text(r.doc_type);
  c.Text(r.doc_no);
  c.Text(r.outcome);
  c.Text(r.reason);
  c.Text(r.recorded_at);
}

}  // namespace wmsbridge::erp

namespace Poco::Data {

template <>
class TypeHandler<wmsbridge::erp::RunRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::RunRow> {};

template <>
class TypeHandler<wmsbridge::erp::RunRecordRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::RunRecordRow> {};

}  // namespace Poco::Data
