#include "stages/purchase_orders/purchase_order_transform.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA1Engine.h>

#include "stages/common/field_checks.h"

namespace wmsbridge::purchase_orders {

using customer_orders::ErpOrder;
using customer_orders::OrderAction;
using customer_orders::OrderWork;

customer_orders::DocumentKind PurchaseOrderKind() {
  return {"purchase_order", "purchase order", "purchase-order"};
}

std::string PayloadHash(const wms::InOrder& o) {
  Poco::SHA1Engine sha1;
  const auto field = [&](const std::string& v) {
    sha1.update(v);
    sha1.update('\x1f');
  };
  for (const std::string* v : {&o.order_number, &o.reference, &o.remark, &o.in_date, &o.order_date,
                               &o.warehouse_code, &o.supplier_number, &o.supplier_name}) {
    field(*v);
  }
  for (const wms::InOrderLine& l : o.lines) {
    field("L");
    field(l.external_line_code);
    field(l.article_number);
    field(l.article_name);
    field(l.quantity);
    field(l.comment);
  }
  return Poco::DigestEngine::digestToHex(sha1.digest());
}

OrderWork PurchaseOrderTransform::Map(const ErpOrder& po) {
  OrderWork work;
  work.order_id = po.order_id;
  work.order_no = po.order_no;
  work.updated_at = po.updated_at;
  work.manual = po.manual;
  work.erp_id = po.vanished ? po.last_erp_id.value_or("") : std::to_string(po.order_id);
  wms::InOrder& d = work.in_order.emplace();
  d.order_number = po.order_no;
  const auto reject = [&](std::string reason) {
    work.action = OrderAction::kReject;
    work.reason = std::move(reason);
    return work;
  };
  if (po.vanished) {  // deleted in the ERP (R21): cancel in Ongoing, retire the number
    work.action = OrderAction::kRetire;
    d.operation = wms::InOrderOperation::kRemove;
    return work;
  }
  if (po.order_no.empty())
    return reject("purchase order number is missing");
  if (auto r = stages::CheckText("purchase order number", po.order_no, 50); !r.empty())
    return reject(r);
  if (po.number_retired_by_other && !po.manual) {
    return reject(customer_orders::ReusedNumberMessage(PurchaseOrderKind(), po.order_no));
  }
  for (const auto& [field, value] : {std::pair{"supplier number", &po.supplier_no},
                                     std::pair{"supplier name", &po.supplier_name}}) {
    if (auto r = stages::CheckText(field, *value, 200); !r.empty())
      return reject(r);
  }
  d.supplier_number = po.supplier_no;
  d.supplier_name = po.supplier_name;
  d.warehouse_code = po.warehouse_code;
  d.in_date = po.delivery_date.substr(0, 10);
  d.order_date = po.order_date.substr(0, 10);
  d.reference = std::to_string(po.order_id);

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
    auto quantity = stages::CanonicalDecimal(l.quantity);
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
    work.action = OrderAction::kNotSent;
    work.reason = "not sent: the purchase order has no line the warehouse receives";
    return work;
  }
  work.payload_hash = PayloadHash(d);
  const bool unchanged = po.last_payload_hash && *po.last_payload_hash == work.payload_hash &&
                         po.last_status.value_or("") != "ERROR";
  if (unchanged && !po.manual) {
    work.action = OrderAction::kUnchanged;
    return work;
  }
  // R21: once Ongoing reported it fully received, it takes no more updates.
  if (po.last_wms_id && (po.status == "RECEIVED" || po.last_status.value_or("") == "RECEIVED")) {
    return reject("purchase order " + po.order_no +
                  " is fully received: Ongoing no longer takes updates of it");
  }
  work.action = OrderAction::kSend;
  return work;
}

pipeline::Batch<OrderWork> PurchaseOrderTransform::Process(pipeline::Batch<ErpOrder> batch) {
  pipeline::Batch<OrderWork> out;
  out.rows.reserve(batch.rows.size());
  for (const ErpOrder& po : batch.rows)
    out.rows.push_back(Map(po));
  return out;
}

}  // namespace wmsbridge::purchase_orders
