#include "stages/erp/document_recorder.h"
#include "pipeline/clock.h"

#include "stages/erp/erp_transaction.h"
#include "stages/erp/record_group.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

void DocumentRecorder::Write(const std::string& doc_no, RecordWrite write) {
  if (group_ != nullptr) {
    group_->Add(doc_no, std::move(write));
    return;
  }
  ErpTransaction transaction(db_.session());
  write(own_);
  transaction.Commit();
}

void DocumentRecorder::Accepted(const std::string& doc_no, const std::string& erp_id,
                                std::int64_t wms_id, const std::string& payload_hash,
                                DocStatus status, const std::optional<std::string>& note,
                                const std::string& outcome) {
  Write(doc_no, [this,
                 accepted = AcceptedDocument{doc_type_, doc_no, erp_id, wms_id, payload_hash,
                                             status, note},
                 outcome](RecordTarget& to) {
    to.Sync(connection_name_).MarkAccepted(accepted, run_id_);
    to.runs().Record(run_id_, doc_type_, accepted.doc_no, outcome, accepted.warning.value_or(""));
  });
}

void DocumentRecorder::Refused(const std::string& doc_no, const std::string& erp_id,
                               const std::string& reason, DocStatus status,
                               const std::string& outcome) {
  Write(doc_no, [this, doc_no, erp_id, reason, status, outcome](RecordTarget& to) {
    to.Sync(connection_name_).MarkError(doc_type_, doc_no, erp_id, reason, run_id_, status);
    to.runs().Record(run_id_, doc_type_, doc_no, outcome, reason);
  });
}

void DocumentRecorder::RefusedByWms(const std::string& doc_no, const std::string& erp_id,
                                    const std::string& reason, const std::string& request) {
  Write(doc_no, [this, doc_no, erp_id, reason, request](RecordTarget& to) {
    to.Sync(connection_name_)
        .MarkError(doc_type_, doc_no, erp_id, reason, run_id_, DocStatus::kError,
                   request.empty() ? std::nullopt : std::optional<std::string>(request));
    to.runs().Record(run_id_, doc_type_, doc_no, "rejected", reason);
  });
}

void DocumentRecorder::RefusedOnceHandled(const std::string& doc_no, const std::string& erp_id,
                                          const std::string& reason, DocStatus status,
                                          const std::string& request) {
  Write(doc_no, [this, doc_no, erp_id, reason, status, request](RecordTarget& to) {
    to.Sync(connection_name_)
        .MarkError(doc_type_, doc_no, erp_id, reason, run_id_, status,
                   request.empty() ? std::nullopt : std::optional<std::string>(request));
    to.Sync(connection_name_).MarkHandlingStarted(doc_type_, doc_no);
    to.runs().Record(run_id_, doc_type_, doc_no, "rejected", reason);
  });
}

void DocumentRecorder::Held(const std::string& doc_no, const std::string& reason) {
  Write(doc_no, [this, doc_no, reason](RecordTarget& to) {
    to.runs().Record(run_id_, doc_type_, doc_no, "held", reason);
  });
}

void DocumentRecorder::Failed(const std::string& doc_no, const std::string& erp_id,
                              const std::string& reason) {
  Write(doc_no, [this, doc_no, erp_id, reason](RecordTarget& to) {
    to.Sync(connection_name_)
        .MarkFailed(
            doc_type_, doc_no, erp_id,
            "not sent, the WMS was unavailable (" + reason + "); the next run sends it again",
            run_id_);
    to.runs().Record(run_id_, doc_type_, doc_no, "failed", reason);
  });
}

void DocumentRecorder::Retired(const std::string& doc_no, const std::string& erp_id,
                               std::int64_t wms_id, const std::string& outcome,
                               const std::string& reason) {
  Write(doc_no, [this, doc_no, erp_id, wms_id, outcome, reason](RecordTarget& to) {
    std::string c = connection_name_, t = doc_type_, n = doc_no, e = erp_id,
                at = pipeline::UtcNowText();
    Poco::Int64 w = wms_id;
    to.db().session() << to.db().Query("retire_document"), use(c), use(t), use(n), use(e), use(w),
        use(at), now;
    to.db().session() << to.db().Query("delete_sync_state"), use(c), use(t), use(n), now;
    to.runs().Record(run_id_, doc_type_, doc_no, outcome, reason);
  });
}

bool DocumentRecorder::NumberRetired(const std::string& doc_no) {
  if (group_ != nullptr)
    group_->Commit();  // reads what was recorded
  std::string c = connection_name_, t = doc_type_, n = doc_no;
  std::vector<std::string> ids;
  db_.session() << db_.Query("select_retired_numbers"), use(c), use(t), use(n), into(ids), now;
  return !ids.empty();
}

void DocumentRecorder::ClearRetired(const std::string& doc_no) {
  Write(doc_no, [this, doc_no](RecordTarget& to) {
    std::string c = connection_name_, t = doc_type_, n = doc_no;
    to.db().session() << to.db().Query("clear_retired_number"), use(c), use(t), use(n), now;
  });
}

}  // namespace wmsbridge::erp
