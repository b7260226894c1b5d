#pragma once
// Writes a document's outcome back to the ERP side: its sync state (what wms_document_status
// shows) and its run record (R29), together. Without a group each outcome is one transaction;
// with a RecordGroup the outcome joins the group's transaction (record_group.h), which the
// caller commits. Call only after the WMS answered (record-after-success, R31).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "stages/erp/erp_database.h"
#include "stages/erp/record_group.h"

namespace wmsbridge::erp {

class DocumentRecorder {
 public:
  DocumentRecorder(ErpDatabase& db, std::string connection_name, std::string doc_type,
                   std::int64_t run_id, RecordGroup* group = nullptr)
      : db_(db),
        group_(group),
        connection_name_(std::move(connection_name)),
        own_(db),
        doc_type_(std::move(doc_type)),
        run_id_(run_id) {}

  /// The WMS accepted the document. Throws Poco::Data::DataException.
  void Accepted(const std::string& doc_no, const std::string& erp_id, std::int64_t wms_id,
                const std::string& payload_hash, DocStatus status,
                const std::optional<std::string>& note, const std::string& outcome = "sent");
  /// The document was refused (by us or the WMS) or not sent; `status` is ERROR or NOT_SENT.
  /// Throws Poco::Data::DataException.
  void Refused(const std::string& doc_no, const std::string& erp_id, const std::string& reason,
               DocStatus status = DocStatus::kError, const std::string& outcome = "rejected");
  /// The WMS refused the document: ERROR with `reason`, and the `request` it refused (a payload
  /// hash, or documents::kCancelRequest) is kept so that it is not made again unchanged (R32);
  /// empty keeps none. Throws Poco::Data::DataException.
  void RefusedByWms(const std::string& doc_no, const std::string& erp_id, const std::string& reason,
                    const std::string& request);
  /// The document was held (R32): only the run record says so; its state keeps the refusal.
  /// Throws Poco::Data::DataException.
  void Held(const std::string& doc_no, const std::string& reason);
  /// The WMS refused a change because the warehouse has started on the document (R15, R21):
  /// it keeps `status` (what the WMS holds) with `reason`, and open documents' every-run
  /// comparison leaves it out from now on, so the refused change is not sent again on every run
  /// (a change since the watermark or a full run tries a changed payload; a manual send tries).
  /// `request` is kept as in RefusedByWms. Throws Poco::Data::DataException.
  void RefusedOnceHandled(const std::string& doc_no, const std::string& erp_id,
                          const std::string& reason, DocStatus status, const std::string& request);
  /// The WMS could not be reached: the document keeps its status (never SENT because of
  /// this), its message and the run record say why. Throws Poco::Data::DataException.
  void Failed(const std::string& doc_no, const std::string& erp_id, const std::string& reason);
  /// A deleted document was cancelled in the WMS (or the WMS keeps it as the warehouse handled
  /// it: `outcome` and `reason` say so): its number is retired and its state goes. Throws
  /// Poco::Data::DataException.
  void Retired(const std::string& doc_no, const std::string& erp_id, std::int64_t wms_id,
               const std::string& outcome = "cancelled",
               const std::string& reason = "deleted in the ERP: cancelled in the WMS");
  /// The internal ids a number was used with by deleted documents the WMS keeps. Commits the
  /// group first (it reads what was recorded). Throws Poco::Data::DataException.
  bool NumberRetired(const std::string& doc_no);
  /// The WMS took a new document under a retired number: forget the retirement. Throws
  /// Poco::Data::DataException.
  void ClearRetired(const std::string& doc_no);

 private:
  /// Runs `write` in a transaction of its own, or adds it to the group (which then may commit,
  /// on the writer's connection: `write` uses only the target it is given).
  void Write(const std::string& doc_no, RecordWrite write);

  ErpDatabase& db_;
  RecordGroup* group_;
  std::string connection_name_;
  RecordTarget own_;  // without a group
  std::string doc_type_;
  std::int64_t run_id_;
};

}  // namespace wmsbridge::erp
