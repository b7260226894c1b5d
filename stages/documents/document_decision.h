#pragma once
// The decisions every order kind shares, made once its transform has built the document (or
// found why it cannot be built): a number two live ERP documents share goes to neither; a
// document the warehouse has handled takes no more updates (R15, R21, R23) and keeps the status
// it has; a document the ERP already reports delivered or received was never sent is not sent
// now; an unchanged payload makes no call (R12); and a payload Ongoing refused is not sent again
// until it changes or a person asks (R32). docs/customer-order-job.md, "Decisions".

#include <string_view>

#include "stages/documents/document_kind.h"
#include "stages/documents/document_work.h"
#include "stages/erp/document_row.h"

namespace wmsbridge::documents {

/// How far the warehouse has handled a document, as a status says.
enum class Handled { kNot, kPartly, kFully };

/// PARTIALLY_DELIVERED and PARTIALLY_RECEIVED are kPartly, DELIVERED and RECEIVED kFully,
/// anything else kNot (a wms_sync_state status or the ERP document's own). Never throws.
Handled HandledBy(std::string_view status);

/// True when the payload `work` carries is the one Ongoing last accepted of `row` (in the
/// current form of the hash or the former one) and the document is not in error. Never throws.
bool SameAsAccepted(const erp::DocumentRow& row, const DocumentWork& work);

/// R32: Ongoing refused the very request `work` makes last time (the payload of a send, or a
/// cancel: RefusedRequest, kept as refused_payload_hash until Ongoing accepts the document
/// again), and nobody asked for the document since (a manual send, a send request). Making it
/// again would only be refused again, and every refused call counts against Ongoing's
/// consecutive-failure limit, which would then refuse the goods owner's good documents too.
/// Never throws.
bool RefusedAsItIs(const erp::DocumentRow& row, const DocumentWork& work);

/// The decision for `row` of `kind`, given what its transform built: `built` is kSend with the
/// payload hashes, or already kCancel / kRetire / kUnchanged / kReject / kNotSent; a kSend or
/// kCancel may become kHeld (R32). A kUnchanged (out of the connection's scope, nothing to cancel)
/// is final. Pure; never throws but std::bad_alloc.
DocumentWork Decide(const DocumentKind& kind, const erp::DocumentRow& row, DocumentWork built);

}  // namespace wmsbridge::documents
