#pragma once
// What a transform decides for one order-like document (customer, purchase or internal order)
// and hands to the shared DocumentSink: the action, the reason or note for the ERP, and the
// document as Ongoing will see it.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "stages/erp/document_row.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::documents {

enum class DocumentAction {
  kSend,       // CreateOrUpdate
  kCancel,     // Remove; the document stays in the ERP as cancelled (R16)
  kRetire,     // Remove; the document was deleted in the ERP, its number is retired (R17)
  kUnchanged,  // nothing to do
  kReject,     // refused here with a reason (R30)
  kNotSent,    // nothing the warehouse could act on (e.g. no pickable line); reason recorded
  kHeld,       // R32: Ongoing refused this very payload; not sent again, its ERROR stays
};

/// The document in Ongoing's terms: an outbound order (ProcessOrder) or an in-order
/// (ProcessInOrder). The document's kind (document_kind.h) knows which call takes it.
using WmsDocument = std::variant<wms::CustomerOrder, wms::InOrder>;

struct DocumentWork {
  std::int64_t id = 0;  // the ERP's id
  std::string number;   // the ERP's number (the key of wms_sync_state)
  std::string updated_at;
  DocumentAction action = DocumentAction::kSend;
  std::string reason;               // for kReject / kNotSent
  std::optional<std::string> note;  // a warning recorded with a sent document (R6, R10)
  WmsDocument document;
  std::string payload_hash;
  std::string erp_id;
  bool manual = false;
};

/// The work for `row` before any decision: ids, number, the ERP id that wms_sync_state keeps
/// (the last one for a deleted document), and `document` as the empty WMS document.
inline DocumentWork StartWork(const erp::DocumentRow& row, WmsDocument document) {
  DocumentWork work;
  work.id = row.id;
  work.number = row.number;
  work.updated_at = row.updated_at;
  work.manual = row.manual;
  work.erp_id = row.vanished ? row.sync.last_erp_id.value_or("") : std::to_string(row.id);
  work.document = std::move(document);
  return work;
}

/// True when the document's payload equals what Ongoing last accepted (and was not in error).
inline bool SameAsAccepted(const erp::DocumentRow& row, const std::string& payload_hash) {
  return row.sync.last_payload_hash && *row.sync.last_payload_hash == payload_hash &&
         row.sync.last_status.value_or("") != "ERROR";
}

/// R32: Ongoing refused this very payload last time, and nobody asked for the document (a
/// manual send, a send request): sending it again would only be refused again, and every
/// refused call counts against Ongoing's consecutive-failure limit, which would then refuse
/// the goods owner's good documents too. Then sets `work` to kHeld and returns true: the
/// document keeps its ERROR and the reason Ongoing gave, until its payload changes or a
/// person asks.
inline bool HoldRefused(const erp::DocumentRow& row, DocumentWork& work) {
  if (row.manual || row.sync.last_status.value_or("") != "ERROR" ||
      !row.sync.refused_payload_hash || *row.sync.refused_payload_hash != work.payload_hash) {
    return false;
  }
  work.action = DocumentAction::kHeld;
  work.reason = "not sent again: Ongoing refused it as it is, and it has not changed since";
  return true;
}

}  // namespace wmsbridge::documents
