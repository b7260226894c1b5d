#include "stages/documents/document_decision.h"

#include <algorithm>
#include <string>
#include <vector>

namespace wmsbridge::documents {
namespace {

DocumentWork Refuse(DocumentWork work, DocumentAction action, std::string reason,
                    std::optional<erp::DocStatus> status = std::nullopt) {
  work.action = action;
  work.reason = std::move(reason);
  work.status = status;
  return work;
}

// "delivered" or "received"; "picking" or "receiving".
std::string Done(const DocumentKind& kind) {
  return kind.inbound ? "received" : "delivered";
}
std::string Handling(const DocumentKind& kind) {
  return kind.inbound ? "receiving" : "picking";
}
std::string HandledWords(const DocumentKind& kind, Handled handled) {
  return (handled == Handled::kFully ? "fully " : "partially ") + Done(kind);
}

// "7 and 9", "7, 9 and 12".
std::string IdList(const std::vector<std::int64_t>& ids) {
  std::string list;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + std::to_string(ids[i]);
  }
  return list;
}

// Two or more live documents of the scope under one number (issue 11, point 3). Sending either
// would overwrite the other in Ongoing, which knows documents by number: neither goes, and
// both show ERROR with the ids a person needs to correct the ERP. The one Ongoing already holds
// is not touched there: its hash, Ongoing's id and its ERP id stay in wms_sync_state (the
// read-back still applies its deliveries), and once the ERP is corrected the next run sends
// the remaining one normally.
DocumentWork SameNumber(const DocumentKind& kind, const erp::DocumentRow& row, DocumentWork work) {
  const std::vector<std::int64_t>& ids = row.same_number_ids;
  std::string reason = kind.noun + " number " + row.number + " is used by " +
                       std::to_string(ids.size()) + " " + kind.noun + "s in the ERP (ids " +
                       IdList(ids) + ")";
  std::optional<std::int64_t> holder;
  if (row.sync.last_wms_id && row.sync.last_status.value_or("") != "CANCELLED") {
    for (const std::int64_t id : ids) {
      if (row.sync.last_erp_id == std::to_string(id))
        holder = id;
    }
  }
  if (holder) {
    std::vector<std::int64_t> others;
    std::copy_if(ids.begin(), ids.end(), std::back_inserter(others),
                 [&](std::int64_t id) { return id != *holder; });
    reason += ": Ongoing has the one with id " + std::to_string(*holder) +
              " under this number, sent before; nothing is sent under the number until the ERP "
              "is corrected. Give the other (id " +
              IdList(others) + ") a number of its own, or delete it; keep the number of id " +
              std::to_string(*holder) + ", by which Ongoing knows it";
  } else {
    reason += ": none is sent, so that one cannot overwrite another in Ongoing. Give " +
              std::string(ids.size() == 2 ? "one of them" : "all but one") +
              " a number of its own, or delete it; the next run sends the one left";
  }
  return Refuse(std::move(work), DocumentAction::kReject, std::move(reason));
}

}  // namespace

Handled HandledBy(std::string_view status) {
  if (status == "DELIVERED" || status == "RECEIVED")
    return Handled::kFully;
  if (status == "PARTIALLY_DELIVERED" || status == "PARTIALLY_RECEIVED")
    return Handled::kPartly;
  return Handled::kNot;
}

bool SameAsAccepted(const erp::DocumentRow& row, const DocumentWork& work) {
  if (!row.sync.last_payload_hash || row.sync.last_status.value_or("") == "ERROR")
    return false;
  const std::string& accepted = *row.sync.last_payload_hash;
  return accepted == work.payload_hash ||
         (!work.legacy_payload_hash.empty() && accepted == work.legacy_payload_hash);
}

bool RefusedAsItIs(const erp::DocumentRow& row, const DocumentWork& work) {
  const std::string request = RefusedRequest(work);
  return !row.manual && !request.empty() && row.sync.refused_payload_hash == request;
}

DocumentWork Decide(const DocumentKind& kind, const erp::DocumentRow& row, DocumentWork work) {
  // Left alone by its transform: a delivery date before the start date that the extract query
  // could not tell from its text (not this connection's document, R4), or a cancelled document
  // Ongoing does not hold. No rule here applies to it.
  if (work.action == DocumentAction::kUnchanged)
    return work;
  const std::string name = kind.noun + " " + row.number;
  const bool sent = SentAsThis(row);

  // Deleted in the ERP (R16, R21, R23). Once the warehouse has handled it, Ongoing refuses the
  // cancelling: no call, the number is retired here (R17 still recognises its reuse).
  if (row.vanished) {
    const Handled handled = HandledBy(row.sync.last_status.value_or(""));
    // R32: Ongoing refused the cancel (for a reason other than the warehouse's handling), and
    // nobody asked since: every run would add a failed call. It shows ERROR until a person asks.
    if (handled == Handled::kNot && work.action == DocumentAction::kRetire &&
        RefusedAsItIs(row, work)) {
      return Refuse(std::move(work), DocumentAction::kHeld,
                    "not cancelled again: Ongoing refused to cancel " + name +
                        ", deleted in the ERP, and nobody has asked since");
    }
    if (handled == Handled::kNot)
      return work;
    return Refuse(
        std::move(work), DocumentAction::kRetireHere,
        name + " was deleted in the ERP after Ongoing reported it " + HandledWords(kind, handled) +
            (handled == Handled::kFully
                 ? ": nothing to cancel in Ongoing; its number is retired"
                 : ": not cancelled in Ongoing, which takes no changes once the warehouse has "
                   "started " +
                       Handling(kind) + " it; its number is retired. Agree with the 3PL what " +
                       "happens to the rest"));
  }

  // Cancelled in the ERP (R16): only the document Ongoing holds is cancelled there, never
  // another one under the same number; not once the warehouse has handled it.
  if (row.status == "CANCELLED") {
    if (!sent)
      return Refuse(std::move(work), DocumentAction::kUnchanged, "");
    const Handled handled = HandledBy(row.sync.last_status.value_or(""));
    if (work.action == DocumentAction::kCancel && handled != Handled::kNot) {
      return Refuse(std::move(work), DocumentAction::kReject,
                    name + " was cancelled in the ERP after Ongoing reported it " +
                        HandledWords(kind, handled) +
                        ": not cancelled in Ongoing, which takes no changes of it any more. "
                        "Agree with the 3PL what happens to it",
                    erp::ParseDocStatus(*row.sync.last_status));
    }
    // R32: Ongoing refused to cancel it, and nobody asked since: trying on every run would only
    // add failed calls.
    if (work.action == DocumentAction::kCancel && RefusedAsItIs(row, work)) {
      return Refuse(std::move(work), DocumentAction::kHeld,
                    "not cancelled again: Ongoing refused to cancel " + name +
                        ", and nobody has asked since");
    }
    return work;
  }

  // The number (issue 11, point 3): two live documents share it, or Ongoing holds another ERP
  // document under it (one renumbered, or deleted and not yet cancelled there).
  if (row.same_number_ids.size() > 1)
    return SameNumber(kind, row, std::move(work));
  if (row.sync.last_wms_id && row.sync.last_status.value_or("") != "CANCELLED" &&
      row.sync.last_erp_id && *row.sync.last_erp_id != std::to_string(row.id)) {
    return Refuse(std::move(work), DocumentAction::kReject,
                  kind.noun + " number " + row.number + " is Ongoing's for " + kind.noun + " id " +
                      *row.sync.last_erp_id + " of the ERP, sent before; " + kind.noun + " id " +
                      std::to_string(row.id) +
                      " is not sent under it, so that it does not overwrite that one. Give it a "
                      "number of its own");
  }

  // Handled by the warehouse (R15, R21, R23): Ongoing takes no more updates of it (the
  // simulator, like Ongoing, refuses them from status 300 on, and what the read-back records,
  // or the ERP's own status, is later than that). No call; the status stays what it is.
  const Handled reported = sent ? HandledBy(row.sync.last_status.value_or("")) : Handled::kNot;
  const Handled in_erp = HandledBy(row.status);
  if (sent && (reported != Handled::kNot || in_erp != Handled::kNot)) {
    const Handled handled = std::max(reported, in_erp);
    const auto status =
        erp::ParseDocStatus(reported != Handled::kNot ? *row.sync.last_status : row.status);
    const bool same = work.action == DocumentAction::kSend && row.sync.last_payload_hash &&
                      (*row.sync.last_payload_hash == work.payload_hash ||
                       *row.sync.last_payload_hash == work.legacy_payload_hash);
    if (same && reported != Handled::kNot && !row.manual)
      return Refuse(std::move(work), DocumentAction::kUnchanged, "");
    std::string reason =
        name + " is " + HandledWords(kind, handled) + ": Ongoing no longer takes updates of it";
    if (!same)
      reason += "; a later change in the ERP was not sent";
    if (handled == Handled::kPartly) {
      reason +=
          " (the warehouse has started " + Handling(kind) + " it; agree any change with the 3PL)";
    }
    return Refuse(std::move(work), DocumentAction::kNotSent, std::move(reason), status);
  }

  // Never sent, and the ERP already has it delivered or received (issue 11, point 8): nothing
  // for the warehouse to do; in part, sending it would have the warehouse do again what was done.
  if (!sent && in_erp == Handled::kFully) {
    return Refuse(std::move(work), DocumentAction::kNotSent,
                  "not sent: " + name + " is already " + Done(kind) + " in the ERP (status " +
                      row.status + "); the warehouse has nothing to " +
                      (kind.inbound ? "receive" : "pick"));
  }
  if (!sent && in_erp == Handled::kPartly) {
    return Refuse(std::move(work), DocumentAction::kReject,
                  name + " is partially " + Done(kind) + " in the ERP (status " + row.status +
                      ") and was never sent to Ongoing: sent now, the warehouse would " +
                      (kind.inbound ? "expect again what was received"
                                    : "pick again what was "
                                      "delivered") +
                      ". Put what is left on a new " + kind.noun);
  }

  if (work.action != DocumentAction::kSend)
    return work;
  if (SameAsAccepted(row, work) && !row.manual)
    return Refuse(std::move(work), DocumentAction::kUnchanged, "");
  if (RefusedAsItIs(row, work)) {
    return Refuse(std::move(work), DocumentAction::kHeld,
                  "not sent again: Ongoing refused it as it is, and it has not changed since");
  }
  if (!work.send_refusal.empty()) {
    std::string reason = work.send_refusal;
    return Refuse(std::move(work), DocumentAction::kReject, std::move(reason));
  }
  return work;
}

}  // namespace wmsbridge::documents
