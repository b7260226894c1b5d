#include "stages/readback/delivery_sink.h"

#include "pipeline/run_context.h"
#include "stages/common/field_checks.h"
#include "stages/common/wms_time.h"
#include "stages/erp/erp_transaction.h"
#include "stages/readback/scales.h"

namespace wmsbridge::readback {
namespace {

using pipeline::OutcomeKind;

std::string Quantity(std::int64_t scaled) {
  return stages::FromScaled(scaled, kQuantityScale);
}

std::string Money(std::int64_t scaled) {
  return stages::FromScaled(scaled, kMoneyScale);
}

}  // namespace

void DeliverySink::Consume(pipeline::Batch<DeliveryDecision> batch, pipeline::RunContext& context) {
  for (const DeliveryDecision& decision : batch.rows) {
    if (context.StopRequested())
      return;
    Apply(decision, context);
  }
}

void DeliverySink::Apply(const DeliveryDecision& d, pipeline::RunContext& context) {
  const std::string doc_type(erp::ToString(d.document.type));
  switch (d.verdict) {
    case DeliveryVerdict::kNotShipped:
    case DeliveryVerdict::kNotOurs:
      context.Record({d.key, OutcomeKind::kSkipped, d.reason});
      return;
    case DeliveryVerdict::kRejected:
      if (!dry_run_)
        runs_.Record(run_id_, doc_type, d.document.doc_no, "rejected", d.reason);
      context.Record({d.key, OutcomeKind::kRejected, d.reason});
      return;
    case DeliveryVerdict::kUnchanged:
      context.Record({d.key, OutcomeKind::kUnchanged, ""});
      MarkReported(d, context);  // held already: perhaps applied by a run that stopped
      return;
    case DeliveryVerdict::kApply:
      break;
  }
  const std::string status = d.status ? std::string(erp::ToString(*d.status)) : "";
  if (dry_run_) {
    context.Record({d.key, OutcomeKind::kSent, "dry run: would apply " + status});
    return;
  }

  const std::string& order_id = d.document.erp_id;
  // The ERP's columns hold its own zone's time, as the times read from Ongoing (shipped_at).
  const std::string applied_at = stages::ErpTimeText(Poco::Timestamp(), erp_time_zone_);
  erp::ErpTransaction transaction(db_.session());
  for (const DeliveredQuantity& line : d.delivered)
    store_.SetDelivered(d.document, line.line_no, Quantity(line.quantity));
  if (d.status)
    store_.SetStatus(d.document, *d.status, d.wms_status, run_id_);
  for (const NewParcel& parcel : d.new_parcels) {
    store_.AddTracking(order_id, parcel.tracking_number, parcel.tracking_url, d.carrier_code,
                       d.shipped_at.value_or(applied_at));
  }
  std::string invoice_no;
  if (d.invoice) {
    const std::string invoice_id = store_.NextInvoiceId(order_id);
    invoice_no = InvoiceNumber(invoice_id);
    store_.AddInvoice({invoice_id, invoice_no, order_id, applied_at, Money(d.invoice->total),
                       d.invoice->activate_klarna});
    for (const DueInvoiceLine& line : d.invoice->lines) {
      store_.AddInvoiceLine(invoice_id, {line.line_no, line.article_no, line.description,
                                         Quantity(line.quantity), Money(line.unit_price)});
    }
  }
  if (d.changed)
    runs_.Record(run_id_, doc_type, d.document.doc_no, "applied", AppliedReason(d, invoice_no));
  transaction.Commit();
  MarkReported(d, context);  // only now does the ERP hold it: a crash before re-applies
  context.Record({d.key, d.changed ? OutcomeKind::kSent : OutcomeKind::kUnchanged, status});
}

void DeliverySink::MarkReported(const DeliveryDecision& d, pipeline::RunContext& context) {
  if (report_back_ != nullptr && !dry_run_ && d.report_back)
    report_back_->Mark(*d.report_back, context);
}

}  // namespace wmsbridge::readback
