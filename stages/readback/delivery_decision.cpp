#include "stages/readback/delivery_decision.h"

#include <algorithm>
#include <map>

#include "stages/common/field_checks.h"
#include "stages/common/wms_time.h"
#include "stages/readback/report_back_lines.h"
#include "stages/readback/scales.h"

namespace wmsbridge::readback {
namespace {

DeliveryDecision Rejected(DeliveryDecision decision, std::string reason) {
  decision.verdict = DeliveryVerdict::kRejected;
  decision.reason = std::move(reason);
  return decision;
}

std::string Quantity(std::int64_t scaled) {
  return stages::FromScaled(scaled, kQuantityScale);
}

// Track & trace (R26): carrier parcels, then order-level shipments; a number already on the
// order, or met before in the same report, is not new. Ongoing lists the warehouse's own
// packages and pallets among the pallet items too: only items booked with the carrier
// (IsTaPalletItem) carry a number a customer can track.
void DecideParcels(const wms::ShippedOrder& order, const ErpDelivery& erp,
                   DeliveryDecision& decision) {
  std::vector<std::string> known = erp.tracking_numbers;
  std::vector<wms::Parcel> parcels;
  for (const wms::Parcel& p : order.parcels) {
    if (p.is_carrier_parcel)
      parcels.push_back(p);
  }
  parcels.insert(parcels.end(), order.shipment_tracking.begin(), order.shipment_tracking.end());
  for (const wms::Parcel& p : parcels) {
    if (p.tracking_number.empty() ||
        std::find(known.begin(), known.end(), p.tracking_number) != known.end()) {
      continue;
    }
    known.push_back(p.tracking_number);
    decision.new_parcels.push_back({p.tracking_number, p.tracking_url});
  }
  decision.carrier_code = order.transporter_code;
}

// Invoice at delivery (R19): one invoice per delivery, for what this delivery added to the
// order's delivered quantities, never beyond what earlier invoices leave; so a delivery applied
// before invoicing was switched on is never invoiced, whenever Ongoing reports it again.
// Service lines (freight, fees) go with the order's first delivery: on its invoice, or on none
// when that delivery was applied before invoicing was on. Text lines carry no amount. No goods
// due, no invoice.
std::optional<DueInvoice> DecideInvoice(const ErpDelivery& erp,
                                        const std::vector<std::int64_t>& delivered) {
  bool first_delivery = true;  // nothing of the order was delivered before this report
  for (const ErpDeliveryLine& l : erp.lines)
    first_delivery = first_delivery && (l.IsText() || l.IsService() || l.delivered <= 0);
  DueInvoice invoice;
  bool goods = false;
  for (std::size_t i = 0; i < erp.lines.size(); ++i) {
    const ErpDeliveryLine& l = erp.lines[i];
    if (l.IsText())
      continue;
    const auto found = erp.invoiced.find(l.line_no);
    const std::int64_t invoiced = found == erp.invoiced.end() ? 0 : found->second;
    std::int64_t due = 0;
    if (l.IsService())
      due = first_delivery ? l.quantity - invoiced : 0;
    else
      due = std::min(delivered[i] - l.delivered, delivered[i] - invoiced);
    if (due <= 0)
      continue;
    invoice.lines.push_back({l.line_no, l.article_no, l.description, due, l.unit_price});
    goods = goods || !l.IsService();
  }
  if (!goods)
    return std::nullopt;
  std::int64_t total = 0;  // in 1/100 000 (quantity scale 3 + money scale 2)
  for (const DueInvoiceLine& line : invoice.lines)
    total += line.quantity * line.unit_price;
  invoice.total = (total + 500) / 1000;  // to 1/100
  invoice.activate_klarna = erp.payment_method == "KLARNA";
  return invoice;
}

// Issue 15, point 4: every figure, the status (in the document and in wms_sync_state) and
// Ongoing's words are what the ERP already holds. Re-reading an hour of shipped orders then
// writes nothing (it rewrote and committed every one of them before).
bool AlreadyHeld(const ErpDelivery& erp, const std::map<std::size_t, std::int64_t>& picked,
                 const DeliveryDecision& decision) {
  for (const auto& [index, qty] : picked) {
    if (qty != erp.lines[index].delivered)
      return false;
  }
  if (!decision.status)
    return true;  // nothing delivered: no status is written
  const std::string status(erp::ToString(*decision.status));
  return erp.status == status && erp.document.recorded_status == status &&
         erp.document.recorded_message == decision.wms_status;
}

}  // namespace

DeliveryDecision DecideDelivery(const DeliveryReport& report, const DeliveryRules& rules) {
  const wms::ShippedOrder& order = report.order;
  DeliveryDecision decision;
  if (rules.shipped_statuses.count(order.status) == 0) {
    decision.key = order.order_number.empty() ? std::to_string(order.order_id) : order.order_number;
    decision.reason = "not shipped yet";
    return decision;
  }
  if (!report.erp) {  // not sent by us, or by another connection (issue 6, point 5)
    decision.verdict = DeliveryVerdict::kNotOurs;
    decision.key = order.order_number.empty() ? std::to_string(order.order_id) : order.order_number;
    decision.reason = "not an order this connection sent";
    return decision;
  }
  const ErpDelivery& erp = *report.erp;
  decision.document = erp.document;
  decision.key = erp.document.doc_no;

  // Check the whole report before deciding anything: a report that cannot be applied changes
  // nothing (R30). A line reported twice takes the last figure.
  std::map<std::string, std::size_t> by_line;
  for (std::size_t i = 0; i < erp.lines.size(); ++i)
    by_line[erp.lines[i].line_no] = i;
  std::map<std::size_t, std::int64_t> picked;  // by the line's index: in the ERP's line order
  for (const wms::PickedLine& p : order.lines) {
    const auto it = by_line.find(p.external_line_code);
    if (it == by_line.end()) {
      return Rejected(std::move(decision), "Ongoing reports line " + p.external_line_code +
                                               " (article " + p.article_number +
                                               ") that the ERP order does not have");
    }
    const ErpDeliveryLine& line = erp.lines[it->second];
    if (!p.article_number.empty() && p.article_number != line.article_no) {
      return Rejected(std::move(decision), "Ongoing reports article " + p.article_number +
                                               " on line " + line.line_no +
                                               " where the ERP order has " + line.article_no);
    }
    const auto qty = stages::Scaled(p.picked_quantity, kQuantityScale);
    if (!qty || *qty < 0) {
      return Rejected(std::move(decision), "Ongoing reports quantity '" + p.picked_quantity +
                                               "' on line " + line.line_no);
    }
    if (*qty > line.quantity) {
      return Rejected(std::move(decision), "Ongoing reports " + Quantity(*qty) +
                                               " delivered on line " + line.line_no + " where " +
                                               Quantity(line.quantity) + " were ordered");
    }
    picked[it->second] = *qty;
  }
  // When it was shipped, in the ERP's zone (customer orders keep it with their parcels).
  if (erp.IsCustomerOrder()) {
    const stages::WmsTime shipped = stages::ReadWmsTime(order.shipped_time, rules.wms_time_zone);
    if (shipped.kind == stages::WmsTimeKind::kNotATime) {
      return Rejected(std::move(decision), "Ongoing reports ShippedTime '" + order.shipped_time +
                                               "', which is not a date and time");
    }
    if (shipped.kind == stages::WmsTimeKind::kTime)
      decision.shipped_at = stages::ErpTimeText(shipped.instant, rules.erp_time_zone);
  }

  // The new state: delivered quantities as Ongoing says, never added to; the status judged on
  // the stock lines only (text and service lines are never expected back, R10, R11).
  decision.verdict = DeliveryVerdict::kApply;
  std::vector<std::int64_t> delivered;
  for (const ErpDeliveryLine& l : erp.lines)
    delivered.push_back(l.delivered);
  bool rose = false;  // a lowered figure is set too, but does not count as a change
  for (const auto& [index, qty] : picked) {
    decision.delivered.push_back({erp.lines[index].line_no, qty});
    rose = rose || qty > erp.lines[index].delivered;
    delivered[index] = qty;
  }
  bool all = true, any = false;
  for (std::size_t i = 0; i < erp.lines.size(); ++i) {
    if (erp.lines[i].IsText() || erp.lines[i].IsService())
      continue;
    all = all && delivered[i] >= erp.lines[i].quantity;
    any = any || delivered[i] > 0;
  }
  if (all)
    decision.status = erp::DocStatus::kDelivered;
  else if (any)
    decision.status = erp::DocStatus::kPartiallyDelivered;
  decision.wms_status = "Ongoing status " + std::to_string(order.status) + " " + order.status_text;

  if (erp.IsCustomerOrder()) {
    DecideParcels(order, erp, decision);
    if (rules.invoice_at_delivery)
      decision.invoice = DecideInvoice(erp, delivered);
  }
  decision.changed = rose || !decision.new_parcels.empty() || decision.invoice.has_value();
  if (!decision.changed && AlreadyHeld(erp, picked, decision))
    decision.verdict = DeliveryVerdict::kUnchanged;

  // Report-back: each Ongoing line is marked with what its ERP line holds once applied.
  std::vector<HeldLine> held;
  for (const wms::PickedLine& p : order.lines) {
    const std::size_t index = by_line.at(p.external_line_code);
    held.push_back({p.line_id, p.reported_quantity, delivered[index]});
  }
  decision.report_back = LinesToReport(order.order_id, order.order_number, held);
  return decision;
}

std::string InvoiceNumber(const std::string& invoice_id) {
  return "INV-" + invoice_id;
}

std::string AppliedReason(const DeliveryDecision& decision, const std::string& invoice_no) {
  std::string reason =
      decision.status ? std::string(erp::ToString(*decision.status)) : "nothing delivered yet";
  if (!decision.new_parcels.empty())
    reason += ", " + std::to_string(decision.new_parcels.size()) + " new parcel(s)";
  if (decision.invoice) {
    reason += ", invoice " + invoice_no +
              (decision.invoice->activate_klarna ? " (Klarna to activate)" : "");
  }
  return reason;
}

}  // namespace wmsbridge::readback
