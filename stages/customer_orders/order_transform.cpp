#include "stages/customer_orders/order_transform.h"
#include "pipeline/clock.h"

#include "stages/common/document_texts.h"
#include "stages/common/erp_date.h"
#include "stages/common/erp_number.h"
#include "stages/common/field_checks.h"
#include "stages/customer_orders/order_kind.h"
#include "stages/customer_orders/phone_number.h"
#include "stages/documents/document_decision.h"
#include "stages/wms/payload_hash.h"

namespace wmsbridge::customer_orders {

using documents::DocumentAction;
using documents::DocumentWork;
using erp::CustomerOrderRow;

namespace {

// What counts as a change of the order (R12, R15): its own data. Article names are left out of
// the hash (payload_hash.h), and each line counts with its description as the ERP has it, not
// with the comment or text derived from comparing it with the article's name, so that renaming
// an article changes no order. `lines` are the ones `d` was built from, in the same order.
wms::CustomerOrder OwnData(wms::CustomerOrder d, const std::vector<erp::DocumentLineRow>& lines) {
  std::size_t pick = 0, text = 0;
  for (const erp::DocumentLineRow& l : lines) {
    if (!l.article_no || l.article_type == "SERVICE") {
      if (text < d.text_lines.size())
        d.text_lines[text++].text = l.description;
    } else if (pick < d.lines.size()) {
      d.lines[pick++].comment = l.description;
    }
  }
  return d;
}

// The delivery address's missing parts, or empty. Its texts are checked with every other
// text of the order, on the document built (stages::CheckTexts).
std::string CheckAddress(const CustomerOrderRow& o) {
  std::string missing;
  const std::pair<const char*, const std::string*> required[] = {
      {"name", &o.delivery_name},
      {"address", &o.delivery_address},
      {"postcode", &o.delivery_postcode},
      {"city", &o.delivery_city},
      {"country", &o.delivery_country_code}};
  for (const auto& [field, value] : required) {
    if (value->empty())
      missing += std::string(missing.empty() ? "" : ", ") + field;
  }
  if (!missing.empty())
    return "delivery address is incomplete (missing " + missing + ")";
  return {};
}

// The refusal of an order with a NUL character in a column the queries name, or empty.
std::string CheckNul(const std::string& label, const CustomerOrderRow& o) {
  if (auto r = stages::NulColumnsProblem(label, o.nul_texts); !r.empty())
    return r;
  for (const erp::DocumentLineRow& l : o.lines) {
    if (auto r =
            stages::NulColumnsProblem(label + ": line " + std::to_string(l.line_no), l.nul_texts);
        !r.empty()) {
      return r;
    }
  }
  return {};
}

}  // namespace

DocumentWork OrderTransform::Map(const CustomerOrderRow& o) {
  return documents::Decide(kind_, o, Build(o));
}

DocumentWork OrderTransform::Build(const CustomerOrderRow& o) const {
  DocumentWork work = documents::StartWork(o, wms::CustomerOrder{});
  auto& d = std::get<wms::CustomerOrder>(work.document);
  d.order_number = o.number;
  const auto reject = [&](std::string reason) {
    work.action = DocumentAction::kReject;
    work.reason = std::move(reason);
    return work;
  };

  // Deleted in the ERP (R16, R17): cancel it in Ongoing, which keeps it and its number.
  if (o.vanished) {
    work.action = DocumentAction::kRetire;
    d.operation = wms::OrderOperation::kRemove;
    // Ongoing requires a delivery date on every ProcessOrder; the ERP no longer has one.
    d.delivery_date = pipeline::LocalDateText();
    return work;
  }
  const stages::DateValue delivery = stages::ReadDateColumn(
      {"customer order " + o.number, "delivery date", "customer_order.delivery_date"},
      o.delivery_date, true);
  // R4: the query lets through what it cannot tell from a date (extract_customer_orders.sql);
  // a real date before the start date is not this connection's.
  if (!delivery.date.empty() && delivery.date < state_.start_date) {
    work.action = DocumentAction::kUnchanged;
    return work;
  }
  // Cancelled in the ERP (R16): cancel it in Ongoing once; never sent: nothing to cancel.
  if (o.status == "CANCELLED") {
    if (!o.sync.last_wms_id || o.sync.last_status.value_or("") == "CANCELLED") {
      work.action = DocumentAction::kUnchanged;
      return work;
    }
    work.action = DocumentAction::kCancel;
    d.operation = wms::OrderOperation::kRemove;
    // Any date will do for a Remove; an unreadable one must not keep the cancel from Ongoing.
    d.delivery_date = delivery.date.empty() ? pipeline::LocalDateText() : delivery.date;
    return work;
  }
  if (o.number.empty())
    return reject("order number is missing");
  const std::string label = stages::DocumentLabel("customer order", o.number);
  if (auto r = CheckNul(label, o); !r.empty())
    return reject(r);
  // R17: another (deleted) order used this number and Ongoing still has it.
  if (o.sync.number_retired_by_other && !o.manual)
    return reject(documents::ReusedNumberMessage(CustomerOrderKind(), o.number));
  if (auto r = CheckAddress(o); !r.empty())
    return reject(r);
  if (!delivery.problem.empty())
    return reject(delivery.problem);

  d.goods_owner_order_id = std::to_string(o.id);
  d.reference = o.reference;
  d.remark = o.remark;
  d.delivery_date = delivery.date;
  d.service_point_code = o.pickup_point_code;                    // R13: the webshop's service point
  d.warehouse_code = state_.warehouses.ToWms(o.warehouse_code);  // R3: picked there
  wms::Consignee& c = d.consignee;
  c.customer_number = o.customer_no;
  c.name = o.delivery_name;
  c.address = o.delivery_address;
  c.address2 = o.delivery_address2;
  c.postcode = o.delivery_postcode;
  c.city = o.delivery_city;
  c.country_code = o.delivery_country_code;
  c.email = o.delivery_email;
  c.phone = o.delivery_phone;
  // The ERP's one phone is the telephone; a mobile number is also the mobile phone, and gets
  // an SMS only where the connection asks for it (docs/customer-order-job.md, "Phones").
  if (IsMobileNumber(o.delivery_phone, o.delivery_country_code)) {
    c.mobile_phone = o.delivery_phone;
    c.notify_by_sms = state_.sms_notification;
  }

  // Delivery method (R5): by id, or by the webshop's external key.
  if (!o.delivery_method_id.empty() || !o.delivery_method_key.empty()) {
    if (o.dm_code.empty()) {
      return reject(o.delivery_method_id.empty()
                        ? "delivery method key '" + o.delivery_method_key +
                              "' matches no delivery method in the ERP"
                        : "delivery method " + o.delivery_method_id + " does not exist in the ERP");
    }
    if (o.dm_carrier_code.empty() || o.dm_carrier_service_code.empty()) {
      return reject("delivery method " + o.dm_code +
                    " has no carrier code and service code for Ongoing; set both in the ERP");
    }
    const std::string service = o.dm_carrier_code + "/" + o.dm_carrier_service_code;
    if (!state_.transporters.Has(service)) {
      return reject("delivery method " + o.dm_code + " (" + service +
                    "): Ongoing has no such transporter service; ask the 3PL to set up " + service +
                    " or change the delivery method");
    }
    d.transporter_code = o.dm_carrier_code;
    d.transporter_service_code = o.dm_carrier_service_code;
  }

  // Currency (R6): SEK by default; must exist in the ERP; sent only where Ongoing knows it.
  const std::string currency = o.currency_code.empty() ? "SEK" : o.currency_code;
  if (!o.currency_known_in_erp)
    return reject("currency " + currency + " does not exist in the ERP");
  std::optional<std::string> line_currency;
  std::vector<std::string> notes;
  if (state_.currencies.count(currency) > 0) {
    line_currency = currency;
  } else {
    notes.push_back("currency " + currency + " is not set up in Ongoing; sent without currency");
  }

  // Lines: stock articles are picked; free text (R10) and service articles (R11) travel as
  // text lines, never as pick lines.
  int text_lines = 0, service_lines = 0;
  for (const erp::DocumentLineRow& l : o.lines) {
    const std::string code = std::to_string(l.line_no);
    const std::string where = "line " + code + ": ";
    if (!l.article_no) {
      d.text_lines.push_back({code, l.description});
      ++text_lines;
      continue;
    }
    if (!l.article_known) {
      return reject(where + "article " + *l.article_no + " is not in the ERP article register");
    }
    if (l.article_type == "SERVICE") {
      d.text_lines.push_back({code, l.description.empty() ? l.article_name : l.description});
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
    d.lines.push_back({code, *l.article_no, l.article_name, *quantity, std::nullopt, line_currency,
                       l.description == l.article_name ? "" : l.description});
  }
  if (text_lines + service_lines > 0) {
    notes.push_back(std::to_string(text_lines) + " text line(s) and " +
                    std::to_string(service_lines) +
                    " service line(s) sent as text, not for picking");
  }
  if (d.lines.empty()) {
    work.action = DocumentAction::kNotSent;
    work.reason = "not sent: the order has no line the warehouse picks";
    return work;
  }
  // The one text rule (issue 11 point 4): every text of the order as it would be sent.
  if (auto r = stages::CheckTexts(label, d); !r.empty())
    return reject(r);
  if (!notes.empty()) {
    std::string joined;
    for (const auto& n : notes)
      joined += (joined.empty() ? "" : "; ") + n;
    work.note = joined;
  }

  work.payload_hash = PayloadHash(OwnData(d, o.lines));
  work.legacy_payload_hash = wms::LegacyPayloadHash(d);
  work.action = DocumentAction::kSend;
  return work;
}

}  // namespace wmsbridge::customer_orders
