#include "stages/erp/document_recorder.h"
#include "pipeline/clock.h"

#include "stages/erp/erp_transaction.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

void DocumentRecorder::Accepted(const std::string& doc_no, const std::string& erp_id,
                                std::int64_t wms_id, const std::string& payload_hash,
                                DocStatus status, const std::optional<std::string>& note,
                                const std::string& outcome) {
  ErpTransaction transaction(db_.session());
  sync_.MarkAccepted({doc_type_, doc_no, erp_id, wms_id, payload_hash, status, note}, run_id_);
  runs_.Record(run_id_, doc_type_, doc_no, outcome, note.value_or(""));
  transaction.Commit();
}

void DocumentRecorder::Refused(const std::string& doc_no, const std::string& erp_id,
                               const std::string& reason, DocStatus status,
                               const std::string& outcome) {
  ErpTransaction transaction(db_.session());
  sync_.MarkError(doc_type_, doc_no, erp_id, reason, run_id_, status);
  runs_.Record(run_id_, doc_type_, doc_no, outcome, reason);
  transaction.Commit();
}

void DocumentRecorder::RefusedByWms(const std::string& doc_no, const std::string& erp_id,
                                    const std::string& reason, const std::string& request) {
  ErpTransaction transaction(db_.session());
  sync_.MarkError(doc_type_, doc_no, erp_id, reason, run_id_, DocStatus::kError,
                  request.empty() ? std::nullopt : std::optional<std::string>(request));
  runs_.Record(run_id_, doc_type_, doc_no, "rejected", reason);
  transaction.Commit();
}

void DocumentRecorder::RefusedOnceHandled(const std::string& doc_no, const std::string& erp_id,
                                          const std::string& reason, DocStatus status,
                                          const std::string& request) {
  ErpTransaction transaction(db_.session());
  sync_.MarkError(doc_type_, doc_no, erp_id, reason, run_id_, status,
                  request.empty() ? std::nullopt : std::optional<std::string>(request));
  sync_.MarkHandlingStarted(doc_type_, doc_no);
  runs_.Record(run_id_, doc_type_, doc_no, "rejected", reason);
  transaction.Commit();
}

void DocumentRecorder::Held(const std::string& doc_no, const std::string& reason) {
  runs_.Record(run_id_, doc_type_, doc_no, "held", reason);
}

void DocumentRecorder::Failed(const std::string& doc_no, const std::string& erp_id,
                              const std::string& reason) {
  ErpTransaction transaction(db_.session());
  sync_.MarkFailed(
      doc_type_, doc_no, erp_id,
      "not sent, the WMS was unavailable (" + reason + "); the next run sends it again", run_id_);
  runs_.Record(run_id_, doc_type_, doc_no, "failed", reason);
  transaction.Commit();
}

void DocumentRecorder::Retired(const std::string& doc_no, const std::string& erp_id,
                               std::int64_t wms_id, const std::string& outcome,
                               const std::string& reason) {
  ErpTransaction transaction(db_.session());
  std::string c = sync_.connection_name(), t = doc_type_, n = doc_no, e = erp_id,
              at = pipeline::UtcNowText();
  Poco::Int64 w = wms_id;
  db_.session() << db_.Query("retire_document"), use(c), use(t), use(n), use(e), use(w), use(at),
      now;
  db_.session() << db_.Query("delete_sync_state"), use(c), use(t), use(n), now;
  runs_.Record(run_id_, doc_type_, doc_no, outcome, reason);
  transaction.Commit();
}

bool DocumentRecorder::NumberRetired(const std::string& doc_no) {
  std::string c = sync_.connection_name(), t = doc_type_, n = doc_no;
  std::vector<std::string> ids;
  db_.session() << db_.Query("select_retired_numbers"), use(c), use(t), use(n), into(ids), now;
  return !ids.empty();
}

void DocumentRecorder::ClearRetired(const std::string& doc_no) {
  std::string c = sync_.connection_name(), t = doc_type_, n = doc_no;
  db_.session() << db_.Query("clear_retired_number"), use(c), use(t), use(n), now;
}

}  // namespace wmsbridge::erp
