#include "stages/customer_orders/order_sink.h"

#include "pipeline/run_context.h"
#include "stages/common/wms_call.h"
#include "stages/erp/document_recorder.h"

namespace wmsbridge::customer_orders {

using pipeline::OutcomeKind;

std::string ExplainRefusal(const DocumentKind& kind, const std::string& number, OrderAction action,
                           bool in_order, const std::string& ongoing_message,
                           const std::optional<wms::DocumentState>& state) {
  // Ongoing's words are shown, never interpreted: the case is told by the document's state.
  if (state && state->status == wms::kCancelledStatus && action == OrderAction::kSend)
    return ReusedNumberMessage(kind, number);  // R17, R21, R23
  if (state && wms::HandlingStarted(state->status)) {
    const std::string what = action == OrderAction::kSend ? "update" : "cancelling";
    const std::string status = "status " + std::to_string(state->status) +
                               (state->status_text.empty() ? "" : " " + state->status_text);
    return "Ongoing refused the " + what + " of " + kind.noun + " " + number +
           (in_order ? ": the warehouse has started receiving it ("
                     : ": the warehouse has started picking it (") +
           status + "; Ongoing said: " + ongoing_message + "). Agree any change with the 3PL.";
  }
  return "Ongoing refused " + kind.noun + " " + number + ": " + ongoing_message;
}

std::optional<wms::DocumentState> OrderSink::LookUp(const OrderWork& work) {
  // One read, not retried: without it the refusal is still recorded, in Ongoing's words.
  try {
    if (work.in_order) {
      wms::InOrderQuery query;
      query.order_numbers = {work.in_order->order_number};
      for (const auto& found : client_.GetInOrders(query)) {
        if (found.order_number == work.in_order->order_number)
          return wms::DocumentState{found.in_order_id, found.status, found.status_text};
      }
    } else {
      wms::OrderQuery query;
      query.order_numbers = {work.document.order_number};
      for (const auto& found : client_.GetOrders(query)) {
        if (found.order_number == work.document.order_number)
          return wms::DocumentState{found.order_id, found.status, found.status_text};
      }
    }
  } catch (const wms::WmsError&) {
  }
  return std::nullopt;
}

void OrderSink::Consume(pipeline::Batch<OrderWork> batch, pipeline::RunContext& context) {
  for (OrderWork& work : batch.rows) {
    if (context.StopRequested())
      return;
    Load(work, context);
  }
}

void OrderSink::Load(OrderWork& work, pipeline::RunContext& context) {
  erp::DocumentRecorder record(db_, settings_.connection_name, settings_.kind.doc_type, run_id_);
  const std::string& no = work.order_no;
  switch (work.action) {
    case OrderAction::kUnchanged:
      context.Record({no, OutcomeKind::kUnchanged, ""});
      return;
    case OrderAction::kReject:
      if (!settings_.dry_run)
        record.Refused(no, work.erp_id, work.reason);
      context.Record({no, OutcomeKind::kRejected, work.reason});
      return;
    case OrderAction::kNotSent:
      if (!settings_.dry_run) {
        record.Refused(no, work.erp_id, work.reason, erp::DocStatus::kNotSent, "not sent");
      }
      context.Record({no, OutcomeKind::kSkipped, work.reason});
      return;
    case OrderAction::kSend:
    case OrderAction::kCancel:
    case OrderAction::kRetire:
      break;
  }
  if (settings_.dry_run) {
    context.Record({no, OutcomeKind::kSent, "dry run: would be sent"});
    return;
  }

  stages::WmsCallFailure failure;
  const auto result = stages::CallWms(
      context,
      [&] {
        return work.in_order ? client_.ProcessInOrder(*work.in_order)
                             : client_.ProcessOrder(work.document);
      },
      failure, fatal_wms_error_);
  if (!result && !failure.refusal) {
    record.Failed(no, work.erp_id, failure.reason);  // the WMS is down: tried again by the next run
    context.Record({no, OutcomeKind::kFailed, failure.reason});
    return;
  }
  if (!result) {
    const std::string reason = ExplainRefusal(
        settings_.kind, no, work.action, work.in_order.has_value(), *failure.refusal, LookUp(work));
    record.Refused(no, work.erp_id, reason);
    context.Record({no, OutcomeKind::kRejected, reason});
    return;
  }
  switch (work.action) {
    case OrderAction::kSend:
      record.Accepted(no, work.erp_id, result->wms_id, work.payload_hash, erp::DocStatus::kSent,
                      work.note);
      // Ongoing took a new order under a retired number: the 3PL renumbered the old one.
      if (work.manual)
        record.ClearRetired(no);
      break;
    case OrderAction::kCancel:
      record.Accepted(no, work.erp_id, result->wms_id, "", erp::DocStatus::kCancelled,
                      "cancelled in the ERP: cancelled in Ongoing", "cancelled");
      break;
    case OrderAction::kRetire:
      record.Retired(no, work.erp_id, result->wms_id);
      break;
    default:
      break;
  }
  context.Record({no, OutcomeKind::kSent, work.note.value_or("")});
}

}  // namespace wmsbridge::customer_orders
