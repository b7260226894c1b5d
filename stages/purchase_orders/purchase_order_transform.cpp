#include "stages/purchase_orders/purchase_order_transform.h"

#include "stages/common/document_texts.h"
#include "stages/common/erp_date.h"
#include "stages/common/erp_number.h"
#include "stages/common/field_checks.h"
#include "stages/documents/document_decision.h"
#include "stages/wms/payload_hash.h"

namespace wmsbridge::purchase_orders {

using documents::DocumentAction;
using documents::DocumentWork;

documents::DocumentKind PurchaseOrderKind() {
  return documents::InboundKind(kDocType, "purchase order", "purchase-order");
}

DocumentWork PurchaseOrderTransform::Map(const erp::PurchaseOrderRow& po) {
  return documents::Decide(kind_, po, Build(po));
}

DocumentWork PurchaseOrderTransform::Build(const erp::PurchaseOrderRow& po) const {
  DocumentWork work = documents::StartWork(po, wms::InOrder{});
  auto& d = std::get<wms::InOrder>(work.document);
  d.order_number = po.number;
  const auto reject = [&](std::string reason) {
    work.action = DocumentAction::kReject;
    work.reason = std::move(reason);
    return work;
  };
  if (po.vanished) {  // deleted in the ERP (R21): cancel in Ongoing, retire the number
    work.action = DocumentAction::kRetire;
    d.operation = wms::InOrderOperation::kRemove;
    return work;
  }
  const std::string document = "purchase order " + po.number;
  const stages::DateValue in_date = stages::ReadDateColumn(
      {document, "delivery date", "purchase_order.delivery_date"}, po.delivery_date, true);
  const stages::DateValue order_date = stages::ReadDateColumn(
      {document, "order date", "purchase_order.order_date"}, po.order_date, false);
  // R4: the query lets through what it cannot tell from a date (extract_purchase_orders.sql);
  // a real date before the start date is not this connection's.
  if (!in_date.date.empty() && in_date.date < start_date_) {
    work.action = DocumentAction::kUnchanged;
    return work;
  }
  if (po.number.empty())
    return reject("purchase order number is missing");
  const std::string label = stages::DocumentLabel("purchase order", po.number);
  if (auto r = stages::NulColumnsProblem(label, po.nul_texts); !r.empty())
    return reject(r);
  for (const auto& l : po.lines) {
    const std::string line = label + ": line " + std::to_string(l.line_no);
    if (auto r = stages::NulColumnsProblem(line, l.nul_texts); !r.empty())
      return reject(r);
  }
  if (po.sync.number_retired_by_other && !po.manual) {
    return reject(documents::ReusedNumberMessage(PurchaseOrderKind(), po.number));
  }
  for (const stages::DateValue* date : {&in_date, &order_date}) {
    if (!date->problem.empty())
      return reject(date->problem);
  }
  d.supplier_number = po.supplier_no;
  d.supplier_name = po.supplier_name;
  d.warehouse_code = warehouses_.ToWms(po.warehouse_code);  // R3: received there
  d.in_date = in_date.date;
  d.order_date = order_date.date;
  d.reference = std::to_string(po.id);

  int service_lines = 0;
  for (const auto& l : po.lines) {
    const std::string code = std::to_string(l.line_no);
    const std::string where = "line " + code + ": ";
    if (!l.article_no || !l.article_known) {
      return reject(where + "article " + l.article_no.value_or("(none)") +
                    " is not in the ERP article register");
    }
    if (l.article_type == "SERVICE") {  // nothing the warehouse receives
      ++service_lines;
      continue;
    }
    // Ongoing has only the active articles (R7); an unchanged order sent before stays as it is.
    if (!l.article_active && work.send_refusal.empty()) {
      work.send_refusal = where + "article " + *l.article_no +
                          " is inactive in the ERP (Ongoing gets only active articles); "
                          "activate the article or change the line";
    }
    auto quantity = stages::ReadErpNumber(l.quantity);
    if (!quantity || quantity->front() == '-' || *quantity == "0") {
      return reject(where + "quantity " + (quantity ? *quantity : "'" + l.quantity + "'") +
                    " of article " + *l.article_no + " is not a positive number");
    }
    d.lines.push_back({code, *l.article_no, l.article_name, *quantity, ""});
  }
  if (service_lines > 0) {
    work.note = std::to_string(service_lines) + " service line(s) not sent: nothing to receive";
  }
  if (d.lines.empty()) {
    work.action = DocumentAction::kNotSent;
    work.reason = "not sent: the purchase order has no line the warehouse receives";
    return work;
  }
  // The one text rule (issue 11 point 4): every text of the in-order as it would be sent.
  if (auto r = stages::CheckTexts(label, d); !r.empty())
    return reject(r);
  work.payload_hash = PayloadHash(d);  // article names left out: master data (payload_hash.h)
  work.legacy_payload_hash = wms::LegacyPayloadHash(d);
  work.action = DocumentAction::kSend;
  return work;
}

}  // namespace wmsbridge::purchase_orders
