#pragma once
// What the WMS last accepted per connection and document (wms_sync_state), and the watermark
// of incremental extraction (wms_watermark). State is written only after the WMS accepted a
// call, so a crash in between means one idempotent resend, never a loss.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "stages/erp/doc_status.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/row_columns.h"

namespace wmsbridge::erp {

struct AcceptedDocument {
  std::string doc_type;
  std::string doc_no;
  std::string erp_id;
  std::int64_t wms_id = 0;
  std::string payload_hash;
  DocStatus status = DocStatus::kSent;
  std::optional<std::string> warning;
};

/// A document this connection sent, found by the WMS's id (find_sent_document.sql).
struct SentDocumentRow {
  std::string doc_type;
  std::string doc_no;
  std::string erp_id;
  std::optional<std::string> status;   // as wms_sync_state holds it
  std::optional<std::string> message;  // its first 200 characters
};

class SyncStateStore {
 public:
  SyncStateStore(ErpDatabase& db, std::string connection_name)
      : db_(db), connection_name_(std::move(connection_name)) {}

  /// The WMS accepted the document. The statement is prepared on the first call and re-executed
  /// with new values after (issue 15 point 3). Throws Poco::Data::DataException.
  void MarkAccepted(const AcceptedDocument& doc, std::int64_t run_id);
  /// The document was refused; keeps what was last accepted. `refused_payload_hash` is the
  /// payload the WMS refused (R32), none for a refusal of ours. Throws
  /// Poco::Data::DataException.
  void MarkError(const std::string& doc_type, const std::string& doc_no, const std::string& erp_id,
                 const std::string& message, std::int64_t run_id,
                 DocStatus status = DocStatus::kError,
                 const std::optional<std::string>& refused_payload_hash = std::nullopt);
  /// The WMS refused a change because the warehouse has started on the document: the
  /// every-run comparison of open documents leaves it out from now on, until the WMS accepts it
  /// again (mark_sync_state_handling_started.sql). Call after MarkError. Throws
  /// Poco::Data::DataException.
  void MarkHandlingStarted(const std::string& doc_type, const std::string& doc_no);
  /// The WMS could not be reached for the document: its status stays (NOT_SENT for a new one),
  /// the message says why. Throws Poco::Data::DataException.
  void MarkFailed(const std::string& doc_type, const std::string& doc_no, const std::string& erp_id,
                  const std::string& message, std::int64_t run_id);
  /// What the WMS reported of a sent document (delivered, received): its status and the WMS's
  /// words; what the WMS last accepted stays. Throws Poco::Data::DataException.
  void MarkReported(const std::string& doc_type, const std::string& doc_no, DocStatus status,
                    const std::string& message, std::int64_t run_id);
  /// The document of one of two types that this connection sent and the WMS knows by `wms_id`
  /// (pass a type twice to look in one). Throws Poco::Data::DataException.
  std::optional<SentDocumentRow> FindSent(std::int64_t wms_id, const std::string& doc_type,
                                          const std::string& other_doc_type);
  /// The ERP updated_at up to which `job` completed, if it ever did.
  std::optional<std::string> Watermark(const std::string& job);
  /// Moves the watermark (only after a completed run). Throws Poco::Data::DataException.
  void SetWatermark(const std::string& job, const std::string& value);
  const std::string& connection_name() const { return connection_name_; }

 private:
  struct SentStatement;

  ErpDatabase& db_;
  std::string connection_name_;
  std::shared_ptr<SentStatement> sent_;  // upsert_sync_state_sent, once prepared
};

template <typename V>
void MapColumns(SentDocumentRow& r, V& c) {
  c.Text(r.doc_type);
  c.Text(r.doc_no);
  c.Text(r.erp_id);
  c.Optional(r.status);
  c.Optional(r.message);
}

}  // namespace wmsbridge::erp

namespace Poco::Data {

template <>
class TypeHandler<wmsbridge::erp::SentDocumentRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::SentDocumentRow> {};

}  // namespace Poco::Data
