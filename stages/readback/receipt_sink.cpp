#include "stages/readback/receipt_sink.h"

#include "pipeline/run_context.h"
#include "stages/common/field_checks.h"
#include "stages/erp/erp_transaction.h"
#include "stages/readback/scales.h"

namespace wmsbridge::readback {
namespace {

using pipeline::OutcomeKind;
const std::string kPurchaseOrder = "purchase_order";

}  // namespace

void ReceiptSink::Consume(pipeline::Batch<ReceiptDecision> batch, pipeline::RunContext& context) {
  for (const ReceiptDecision& decision : batch.rows) {
    if (context.StopRequested())
      return;
    Apply(decision, context);
  }
}

void ReceiptSink::Apply(const ReceiptDecision& d, pipeline::RunContext& context) {
  switch (d.verdict) {
    case ReceiptVerdict::kNotOurs:
      context.Record({d.key, OutcomeKind::kSkipped, d.reason});
      return;
    case ReceiptVerdict::kRejected:
      if (!dry_run_)
        runs_.Record(run_id_, kPurchaseOrder, d.order.doc_no, "rejected", d.reason);
      context.Record({d.key, OutcomeKind::kRejected, d.reason});
      return;
    case ReceiptVerdict::kUnchanged:
      context.Record({d.key, OutcomeKind::kUnchanged, ""});
      return;
    case ReceiptVerdict::kApply:
      break;
  }
  const std::string status = d.status ? std::string(erp::ToString(*d.status)) : "";
  if (dry_run_) {
    context.Record({d.key, OutcomeKind::kSent, "dry run: would apply " + status});
    return;
  }
  erp::ErpTransaction transaction(db_.session());
  for (const ReceivedQuantity& line : d.received) {
    store_.SetReceived(d.order, line.line_no, stages::FromScaled(line.quantity, kQuantityScale));
  }
  if (d.status)
    store_.SetStatus(d.order, *d.status, d.wms_status, run_id_);
  runs_.Record(run_id_, kPurchaseOrder, d.order.doc_no, "applied", status);
  transaction.Commit();
  context.Record({d.key, OutcomeKind::kSent, status});
}

}  // namespace wmsbridge::readback
