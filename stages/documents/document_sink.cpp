#include "stages/documents/document_sink.h"

#include <iostream>

#include "pipeline/run_context.h"
#include "stages/common/wms_call.h"
#include "stages/documents/dry_run_line.h"
#include "stages/erp/document_recorder.h"

namespace wmsbridge::documents {

using pipeline::OutcomeKind;

std::optional<wms::DocumentState> DocumentSink::LookUp(const DocumentWork& work,
                                                       std::optional<wms::WmsError>& rate_limited) {
  // Without it the refusal is still recorded, in Ongoing's words. A rate limit is kept for the
  // caller, which lets it end the run once the refusal is recorded.
  try {
    return settings_.kind.look_up(client_, work.document);
  } catch (const wms::WmsError& e) {
    if (e.kind() == wms::WmsErrorKind::kRateLimited)
      rate_limited = e;
    return std::nullopt;
  }
}

void DocumentSink::Consume(pipeline::Batch<DocumentWork> batch, pipeline::RunContext& context) {
  // Every outcome is committed before it returns or throws: the next page is read after this.
  group_.CommitAfter([&] {
    for (const DocumentWork& work : batch.rows) {
      if (context.StopRequested())
        break;
      Load(work, context);
    }
  });
}

void DocumentSink::Tell(const DocumentWork& work) {
  std::ostream& out = settings_.dry_run_out != nullptr ? *settings_.dry_run_out : std::cout;
  out << DryRunLine(settings_.kind, work) << "\n";
  if (settings_.show_xml != nullptr && MakesCall(work))
    out << settings_.kind.render(*settings_.show_xml, work.document) << "\n";
  out.flush();
}

void DocumentSink::Load(const DocumentWork& work, pipeline::RunContext& context) {
  if (settings_.dry_run)
    Tell(work);
  erp::DocumentRecorder& record = record_;
  const std::string& no = work.number;
  switch (work.action) {
    case DocumentAction::kUnchanged:
      context.Record({no, OutcomeKind::kUnchanged, ""});
      return;
    case DocumentAction::kReject:
      if (!settings_.dry_run)
        record.Refused(no, work.erp_id, work.reason, work.status.value_or(erp::DocStatus::kError));
      context.Record({no, OutcomeKind::kRejected, work.reason});
      return;
    case DocumentAction::kNotSent:
      if (!settings_.dry_run) {
        record.Refused(no, work.erp_id, work.reason, work.status.value_or(erp::DocStatus::kNotSent),
                       "not sent");
      }
      context.Record({no, OutcomeKind::kSkipped, work.reason});
      return;
    case DocumentAction::kHeld:  // R32: no call; the document keeps Ongoing's refusal
      if (!settings_.dry_run)
        record.Held(no, work.reason);
      context.Record({no, OutcomeKind::kRejected, work.reason});
      return;
    case DocumentAction::kRetireHere:
      if (!settings_.dry_run)
        record.Retired(no, work.erp_id, work.wms_id.value_or(0), "not sent", work.reason);
      context.Record({no, OutcomeKind::kSkipped, work.reason});
      return;
    case DocumentAction::kSend:
    case DocumentAction::kCancel:
    case DocumentAction::kRetire:
      break;
  }
  if (settings_.dry_run) {
    context.Record({no, OutcomeKind::kSent, "dry run: would be sent"});
    return;
  }

  group_.CommitIfDue();  // no record waits on the wire past the group's time bound
  std::string refusal;
  const auto result =
      stages::CallWms([&] { return settings_.kind.send(client_, work.document); }, refusal,
                      [&](const std::string& reason) {
                        // The WMS is down or refuses us: tried again by the next run.
                        record.Failed(no, work.erp_id, reason);
                        context.Record({no, OutcomeKind::kFailed, reason});
                      });
  if (!result) {
    std::optional<wms::WmsError> rate_limited;
    const std::optional<wms::DocumentState> state = LookUp(work, rate_limited);
    std::string reason = ExplainRefusal(settings_.kind, no, work.action, refusal, state);
    if (state && wms::HandlingStarted(state->status)) {
      // Ongoing takes no more changes of it (R15): trying again every run would only add
      // failed calls. A document it holds keeps its status and leaves the every-run comparison
      // of open documents; a deleted one's number is retired.
      if (work.action == DocumentAction::kRetire) {
        reason += " Its number is retired here.";
        record.Retired(no, work.erp_id, state->wms_id, "rejected", reason);
        context.Record({no, OutcomeKind::kRejected, reason});
        return;
      }
      if (work.held_status) {
        reason += " The change in the ERP was not sent; the " + settings_.kind.noun +
                  " keeps its status.";
        record.RefusedOnceHandled(no, work.erp_id, reason, *work.held_status, RefusedRequest(work));
        context.Record({no, OutcomeKind::kRejected, reason});
        return;
      }
    }
    // R32: the same request is not made again (documents::Decide holds it) unless it changes
    // or a person asks (a deleted document's cancel too: `send` of its number).
    const std::string request = RefusedRequest(work);
    if (!request.empty() && reason.find("wmsbridge send") == std::string::npos) {
      reason += std::string(work.action == DocumentAction::kSend
                                ? "; not sent again until it changes or is sent by hand"
                                : "; not tried again until it is sent by hand") +
                " (wmsbridge send " + settings_.kind.send_command + " " + no + ")";
    }
    record.RefusedByWms(no, work.erp_id, reason, request);
    context.Record({no, OutcomeKind::kRejected, reason});
    if (rate_limited)
      throw *rate_limited;  // the refusal is recorded; the run ends as every rate limit ends it
    return;
  }
  switch (work.action) {
    case DocumentAction::kSend:
      record.Accepted(no, work.erp_id, result->wms_id, work.payload_hash, erp::DocStatus::kSent,
                      work.note);
      // Ongoing took a new document under a retired number: the 3PL renumbered the old one.
      if (work.manual)
        record.ClearRetired(no);
      break;
    case DocumentAction::kCancel:
      record.Accepted(no, work.erp_id, result->wms_id, "", erp::DocStatus::kCancelled,
                      "cancelled in the ERP: cancelled in Ongoing", "cancelled");
      break;
    case DocumentAction::kRetire:
      record.Retired(no, work.erp_id, result->wms_id);
      break;
    default:
      break;
  }
  context.Record({no, OutcomeKind::kSent, work.note.value_or("")});
}

}  // namespace wmsbridge::documents
