#include "stages/customer_orders/order_sink.h"

#include <Poco/String.h>

#include "pipeline/run_context.h"
#include "stages/common/wms_call.h"
#include "stages/erp/document_recorder.h"

namespace wmsbridge::customer_orders {

using pipeline::OutcomeKind;

std::string ExplainRefusal(const DocumentKind& kind, const std::string& number, OrderAction action,
                           const std::string& ongoing_message) {
  const std::string lower = Poco::toLower(ongoing_message);
  if (lower.find("already exists") != std::string::npos)
    return ReusedNumberMessage(kind, number);
  const bool receiving = lower.find("receiving has started") != std::string::npos;
  if (receiving || lower.find("picking has started") != std::string::npos ||
      lower.find("cannot be updated") != std::string::npos ||
      lower.find("cannot be cancelled") != std::string::npos) {
    const std::string what = action == OrderAction::kSend ? "update" : "cancelling";
    return "Ongoing refused the " + what + " of " + kind.noun + " " + number +
           (receiving ? ": the warehouse has started receiving it ("
                      : ": the warehouse has started picking it (") +
           ongoing_message + "). Agree any change with the 3PL.";
  }
  return "Ongoing refused " + kind.noun + " " + number + ": " + ongoing_message;
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
    record.Failed(no, failure.reason);  // the WMS is down: tried again by the next run
    context.Record({no, OutcomeKind::kFailed, failure.reason});
    return;
  }
  if (!result) {
    const std::string reason = ExplainRefusal(settings_.kind, no, work.action, *failure.refusal);
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
