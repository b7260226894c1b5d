#include "stages/erp/sync_state_store.h"
#include "pipeline/clock.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include "stages/erp/run_store.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

// The hot write of an export: prepared once per store, its parameters bound to these members,
// and re-executed with new values per document instead of parsed and prepared again (the
// driver keeps the statement handle; Poco re-binds the members at each execution).
struct SyncStateStore::SentStatement {
  explicit SentStatement(ErpDatabase& db) : statement(db.session()) {
    statement << db.Query("upsert_sync_state_sent"), use(c), use(t), use(n), use(e), use(wms_id),
        use(h), use(s), use(at), use(at), use(at), use(warning), use(id);
  }
  std::string c, t, n, e, h, s, at;
  Poco::Int64 wms_id = 0, id = 0;
  Poco::Nullable<Poco::UTF16String> warning;
  Poco::Data::Statement statement;
};

void SyncStateStore::MarkAccepted(const AcceptedDocument& doc, std::int64_t run_id) {
  if (!sent_)
    sent_ = std::make_shared<SentStatement>(db_);
  SentStatement& q = *sent_;
  q.c = connection_name_;
  q.t = doc.doc_type;
  q.n = doc.doc_no;
  q.e = doc.erp_id;
  q.h = doc.payload_hash;
  q.s = std::string(ToString(doc.status));
  q.at = pipeline::UtcNowText();
  q.wms_id = doc.wms_id;
  q.id = run_id;
  q.warning.clear();
  if (doc.warning)
    q.warning = LongText(*doc.warning);
  try {
    q.statement.execute();
  } catch (...) {
    // A statement whose execution failed is not reused: dropped at once, as a one-off
    // statement was, before the transaction rolls back.
    sent_.reset();
    throw;
  }
}

void SyncStateStore::MarkError(const std::string& doc_type, const std::string& doc_no,
                               const std::string& erp_id, const std::string& message,
                               std::int64_t run_id, DocStatus status,
                               const std::optional<std::string>& refused_payload_hash) {
  std::string c = connection_name_, t = doc_type, n = doc_no, e = erp_id;
  std::string s(ToString(status)), at = pipeline::UtcNowText();
  Poco::UTF16String m = LongText(message);
  Poco::Int64 id = run_id;
  Poco::Nullable<std::string> refused;
  if (refused_payload_hash)
    refused = *refused_payload_hash;
  db_.session() << db_.Query("upsert_sync_state_error"), use(c), use(t), use(n), use(e), use(s),
      use(at), use(m), use(id), use(refused), now;
}

void SyncStateStore::MarkHandlingStarted(const std::string& doc_type, const std::string& doc_no) {
  std::string at = pipeline::UtcNowText(), c = connection_name_, t = doc_type, n = doc_no;
  db_.session() << db_.Query("mark_sync_state_handling_started"), use(at), use(c), use(t), use(n),
      now;
}

void SyncStateStore::MarkFailed(const std::string& doc_type, const std::string& doc_no,
                                const std::string& erp_id, const std::string& message,
                                std::int64_t run_id) {
  std::string c = connection_name_, t = doc_type, n = doc_no, e = erp_id,
              at = pipeline::UtcNowText();
  Poco::UTF16String m = LongText(message);
  Poco::Int64 id = run_id;
  db_.session() << db_.Query("upsert_sync_state_failure"), use(c), use(t), use(n), use(e), use(at),
      use(m), use(id), now;
}

void SyncStateStore::MarkReported(const std::string& doc_type, const std::string& doc_no,
                                  DocStatus status, const std::string& message,
                                  std::int64_t run_id) {
  std::string s(ToString(status)), c = connection_name_, t = doc_type, n = doc_no;
  Poco::UTF16String m = LongText(message);
  Poco::Int64 id = run_id;
  db_.session() << db_.Query("update_sync_status"), use(s), use(m), use(id), use(c), use(t), use(n),
      now;
}

std::optional<SentDocumentRow> SyncStateStore::FindSent(std::int64_t wms_id,
                                                        const std::string& doc_type,
                                                        const std::string& other_doc_type) {
  std::vector<SentDocumentRow> found;
  std::string c = connection_name_, id = std::to_string(wms_id), t1 = doc_type, t2 = other_doc_type;
  db_.session() << db_.Query("find_sent_document"), use(c), use(id), use(t1), use(t2), into(found),
      now;
  if (found.empty())
    return std::nullopt;
  return found.front();
}

std::optional<std::string> SyncStateStore::Watermark(const std::string& job) {
  std::string c = connection_name_, j = job;
  std::vector<std::string> values;
  db_.session() << db_.Query("select_watermark"), use(c), use(j), into(values), now;
  if (values.empty())
    return std::nullopt;
  return values.front();
}

void SyncStateStore::SetWatermark(const std::string& job, const std::string& value) {
  std::string c = connection_name_, j = job, v = value;
  db_.session() << db_.Query("upsert_watermark"), use(c), use(j), use(v), now;
}

}  // namespace wmsbridge::erp
