#include "stages/readback/receipt_decision.h"

#include <map>

#include "stages/common/field_checks.h"
#include "stages/readback/report_back_lines.h"
#include "stages/readback/scales.h"

namespace wmsbridge::readback {
namespace {

ReceiptDecision Rejected(ReceiptDecision decision, std::string reason) {
  decision.verdict = ReceiptVerdict::kRejected;
  decision.reason = std::move(reason);
  return decision;
}

}  // namespace

ReceiptDecision DecideReceipt(const ReceiptReport& report) {
  const wms::ReceivedInOrder& in_order = report.in_order;
  ReceiptDecision decision;
  if (!report.erp) {
    decision.key = in_order.order_number;
    decision.reason = "not sent by this connection";
    return decision;
  }
  decision.order = report.erp->order;
  decision.key = report.erp->order.doc_no;
  std::map<std::string, const ErpReceiptLine*> lines;
  for (const ErpReceiptLine& line : report.erp->lines)
    lines[line.line_no] = &line;

  // Check the whole report first: a report that cannot be applied changes nothing (R30). A
  // line reported twice takes the last figure. Receiving more than ordered is allowed.
  std::map<std::string, std::int64_t> received;
  for (const wms::ReceivedLine& r : in_order.lines) {
    const auto it = lines.find(r.external_line_code);
    if (it == lines.end()) {
      return Rejected(std::move(decision), "Ongoing reports line " + r.external_line_code +
                                               " (article " + r.article_number +
                                               ") that the ERP purchase order does not have");
    }
    if (!r.article_number.empty() && r.article_number != it->second->article_no) {
      return Rejected(std::move(decision), "Ongoing reports article " + r.article_number +
                                               " on line " + r.external_line_code +
                                               " where the ERP purchase order has " +
                                               it->second->article_no);
    }
    const auto qty = stages::Scaled(r.received_quantity, kQuantityScale);
    if (!qty || *qty < 0) {
      return Rejected(std::move(decision), "Ongoing reports quantity '" + r.received_quantity +
                                               "' on line " + r.external_line_code);
    }
    received[r.external_line_code] = *qty;
  }

  // The new state: received quantities as Ongoing says, never added to; the status judged on
  // the stock lines only, as for deliveries (service lines are never sent, so never received);
  // any figure that differs (up or down) is a change.
  bool all = true, any = false, changed = false;
  for (const auto& [line_no, line] : lines) {
    const auto reported = received.find(line_no);
    const std::int64_t now_received =
        reported == received.end() ? line->received : reported->second;
    changed = changed || now_received != line->received;
    if (!line->IsStock())
      continue;
    all = all && now_received >= line->quantity;
    any = any || now_received > 0;
  }
  // Report-back: each Ongoing line is marked with what its ERP line holds once applied.
  std::vector<HeldLine> held;
  for (const wms::ReceivedLine& r : in_order.lines)
    held.push_back({r.line_id, r.reported_quantity, received.at(r.external_line_code)});
  decision.report_back = LinesToReport(in_order.in_order_id, in_order.order_number, held);
  if (!changed) {
    decision.verdict = ReceiptVerdict::kUnchanged;
    return decision;
  }
  decision.verdict = ReceiptVerdict::kApply;
  for (const auto& [line_no, qty] : received)
    decision.received.push_back({line_no, qty});
  if (all)
    decision.status = erp::DocStatus::kReceived;
  else if (any)
    decision.status = erp::DocStatus::kPartiallyReceived;
  decision.wms_status =
      "Ongoing in-order status " + std::to_string(in_order.status) + " " + in_order.status_text;
  return decision;
}

}  // namespace wmsbridge::readback
