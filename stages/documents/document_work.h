#pragma once
// What a transform decides for one order-like document (customer, purchase or internal order)
// and hands to the shared DocumentSink: the action, the reason or note for the ERP, and the
// document as Ongoing will see it.

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <variant>

#include "stages/erp/doc_status.h"
#include "stages/erp/document_row.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::documents {

enum class DocumentAction {
  kSend,        // CreateOrUpdate
  kCancel,      // Remove; the document stays in the ERP as cancelled (R16)
  kRetire,      // Remove; the document was deleted in the ERP, its number is retired (R17)
  kRetireHere,  // deleted in the ERP after the warehouse handled it: no call (Ongoing keeps it
                // as the warehouse left it), its number is retired here; reason recorded
  kUnchanged,   // nothing to do
  kReject,      // refused here with a reason (R30)
  kNotSent,     // nothing the warehouse could act on (e.g. no pickable line); reason recorded
  kHeld,        // R32: Ongoing refused this very request; no call, its ERROR and reason stay
};

/// The document in Ongoing's terms: an outbound order (ProcessOrder) or an in-order
/// (ProcessInOrder). The document's kind (document_kind.h) knows which call takes it.
using WmsDocument = std::variant<wms::CustomerOrder, wms::InOrder>;

struct DocumentWork {
  std::int64_t id = 0;  // the ERP's id
  std::string number;   // the ERP's number (the key of wms_sync_state)
  std::string updated_at;
  DocumentAction action = DocumentAction::kSend;
  std::string reason;  // for kReject, kNotSent, kRetireHere
  /// The status recorded with kReject / kNotSent when it is not ERROR / NOT_SENT: a document
  /// Ongoing holds keeps the status it has there (R15, document_decision.h).
  std::optional<erp::DocStatus> status;
  std::optional<std::string> note;  // a warning recorded with a sent document (R6, R10)
  WmsDocument document;
  std::string payload_hash;  // what counts as a change (stages/wms/payload_hash.h)
  /// The same payload hashed as versions before 2026-12 did (article names in): what Ongoing
  /// accepted from an older version compares equal, so an upgrade resends nothing.
  std::string legacy_payload_hash;
  /// A reason not to send that leaves an unchanged document alone: master data the document
  /// refers to (a line's article is inactive in the ERP). Refuses the document only when it
  /// would be sent.
  std::string send_refusal;
  std::string erp_id;
  /// When Ongoing holds this very document (sent under its number and ERP id, not cancelled):
  /// the status it shows and Ongoing's id; a refusal because the warehouse has started on it
  /// keeps that status.
  std::optional<erp::DocStatus> held_status;
  std::optional<std::int64_t> wms_id;
  bool manual = false;
};

/// True when what Ongoing holds under the row's number is this document: it was accepted under
/// this number and ERP id (a state of older versions without the id counts as this one) and
/// was not cancelled since.
inline bool SentAsThis(const erp::DocumentRow& row) {
  const std::string erp_id =
      row.vanished ? row.sync.last_erp_id.value_or("") : std::to_string(row.id);
  return row.sync.last_wms_id && row.sync.last_status.value_or("") != "CANCELLED" &&
         (!row.sync.last_erp_id || *row.sync.last_erp_id == erp_id);
}

/// What a refusal of `work` by Ongoing is kept as (wms_sync_state.refused_payload_hash, R32):
/// the payload hash of a send, kCancelRequest for a cancel, kRemoveRequest for the cancel of a
/// document deleted in the ERP (asked for again with `wmsbridge send` of its number, or a send
/// request); empty for anything else.
inline constexpr const char* kCancelRequest = "cancel";
inline constexpr const char* kRemoveRequest = "remove";
inline std::string RefusedRequest(const DocumentWork& work) {
  switch (work.action) {
    case DocumentAction::kSend:
      return work.payload_hash;
    case DocumentAction::kCancel:
      return kCancelRequest;
    case DocumentAction::kRetire:
      return kRemoveRequest;
    default:
      return {};
  }
}

/// The work for `row` before any decision: ids, number, the ERP id that wms_sync_state keeps
/// (the last one for a deleted document), what Ongoing holds of it, and `document` as the empty
/// WMS document.
inline DocumentWork StartWork(const erp::DocumentRow& row, WmsDocument document) {
  DocumentWork work;
  work.id = row.id;
  work.number = row.number;
  work.updated_at = row.updated_at;
  work.manual = row.manual;
  work.erp_id = row.vanished ? row.sync.last_erp_id.value_or("") : std::to_string(row.id);
  if (SentAsThis(row)) {
    const auto shown = erp::ParseDocStatus(row.sync.last_status.value_or(""));
    // A refusal or a failed call since does not change what Ongoing holds: it was sent.
    work.held_status =
        !shown || *shown == erp::DocStatus::kError || *shown == erp::DocStatus::kNotSent
            ? erp::DocStatus::kSent
            : *shown;
    try {
      work.wms_id = std::stoll(*row.sync.last_wms_id);
    } catch (const std::exception&) {
      work.wms_id = std::nullopt;  // not a number: the cast in the extract query forbids it
    }
  }
  work.document = std::move(document);
  return work;
}

}  // namespace wmsbridge::documents
