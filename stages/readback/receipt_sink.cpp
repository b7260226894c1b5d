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
      MarkReported(d, context);  // held already: perhaps applied by a run that stopped
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
  MarkReported(d, context);  // only now does the ERP hold it: a crash before re-applies
  context.Record({d.key, OutcomeKind::kSent, status});
}

void ReceiptSink::MarkReported(const ReceiptDecision& d, pipeline::RunContext& context) {
  if (report_back_ != nullptr && !dry_run_ && d.report_back)
    report_back_->Mark(*d.report_back, context);
}

}  // namespace wmsbridge::readback
