#include "stages/internal_orders/internal_order_transform.h"
#include "pipeline/clock.h"

#include "stages/common/document_texts.h"
#include "stages/common/erp_date.h"
#include "stages/common/erp_number.h"
#include "stages/common/field_checks.h"
#include "stages/documents/document_decision.h"
#include "stages/wms/payload_hash.h"

namespace wmsbridge::internal_orders {

using documents::DocumentAction;
using documents::DocumentWork;

documents::DocumentKind InternalOrderKind() {
  return documents::OutboundKind(kDocType, "internal order", "internal-order");
}

DocumentWork InternalOrderTransform::Map(const erp::InternalOrderRow& io) {
  return documents::Decide(kind_, io, Build(io));
}

DocumentWork InternalOrderTransform::Build(const erp::InternalOrderRow& io) const {
  DocumentWork work = documents::StartWork(io, wms::CustomerOrder{});
  auto& d = std::get<wms::CustomerOrder>(work.document);
  d.order_number = kNumberPrefix + io.number;
  const auto reject = [&](std::string reason) {
    work.action = DocumentAction::kReject;
    work.reason = std::move(reason);
    return work;
  };
  if (io.vanished) {  // deleted in the ERP (R23): cancel in Ongoing, retire the number
    work.action = DocumentAction::kRetire;
    d.operation = wms::OrderOperation::kRemove;
    d.delivery_date = pipeline::LocalDateText();
    return work;
  }
  const std::string name = "internal order " + io.number;
  // R24: only transfers whose from-warehouse is connected can be sent.
  if (!io.from_connected) {
    if (io.to_connected) {
      return reject(name + " goes from " + io.warehouse_code + " to " + io.to_warehouse_code +
                    ": " + io.to_warehouse_code +
                    " is connected to Ongoing only as the receiving warehouse; only internal "
                    "orders whose from-warehouse is connected can be sent");
    }
    return reject(name + ": neither " + io.warehouse_code + " nor " + io.to_warehouse_code +
                  " is connected to Ongoing");
  }
  if (io.sync.number_retired_by_other && !io.manual) {
    return reject(documents::ReusedNumberMessage(InternalOrderKind(), io.number));
  }
  const std::string label = stages::DocumentLabel("internal order", io.number);
  if (auto r = stages::NulColumnsProblem(label, io.nul_texts); !r.empty())
    return reject(r);
  for (const auto& l : io.lines) {
    const std::string line = label + ": line " + std::to_string(l.line_no);
    if (auto r = stages::NulColumnsProblem(line, l.nul_texts); !r.empty())
      return reject(r);
  }
  std::string missing;
  for (const auto& [field, value] :
       {std::pair{"address", &io.delivery_address}, std::pair{"postcode", &io.delivery_postcode},
        std::pair{"city", &io.delivery_city}, std::pair{"country", &io.delivery_country_code}}) {
    if (value->empty())
      missing += std::string(missing.empty() ? "" : ", ") + field;
  }
  if (!missing.empty()) {
    return reject("to-warehouse " + io.to_warehouse_code +
                  " has no complete address in the ERP (missing " + missing + ")");
  }
  const stages::DateValue delivery = stages::ReadDateColumn(
      {name, "delivery date", "internal_order.delivery_date"}, io.delivery_date, true);
  if (!delivery.problem.empty())
    return reject(delivery.problem);
  d.goods_owner_order_id = std::to_string(io.id);
  d.reference = io.number;
  d.delivery_date = delivery.date;
  d.order_type_code = kOrderType;
  d.warehouse_code = warehouses_.ToWms(io.warehouse_code);  // R3: picked at the from-warehouse
  d.consignee.customer_number = "WH-" + io.to_warehouse_code;
  d.consignee.name = io.delivery_name.empty() ? io.to_warehouse_code : io.delivery_name;
  d.consignee.address = io.delivery_address;
  d.consignee.postcode = io.delivery_postcode;
  d.consignee.city = io.delivery_city;
  d.consignee.country_code = io.delivery_country_code;
  d.remark = "Internal transfer " + io.warehouse_code + " -> " + io.to_warehouse_code;
  for (const auto& l : io.lines) {
    const std::string code = std::to_string(l.line_no);
    if (!l.article_no || !l.article_known) {
      return reject("line " + code + ": article " + l.article_no.value_or("(none)") +
                    " is not in the ERP article register");
    }
    auto quantity = stages::ReadErpNumber(l.quantity);
    if (!quantity || quantity->front() == '-' || *quantity == "0") {
      return reject("line " + code + ": quantity " +
                    (quantity ? *quantity : "'" + l.quantity + "'") + " of article " +
                    *l.article_no + " is not a positive number");
    }
    if (l.article_type == "SERVICE")
      continue;
    // Ongoing has only the active articles (R7); an unchanged order sent before stays as it is.
    if (!l.article_active && work.send_refusal.empty()) {
      work.send_refusal = "line " + code + ": article " + *l.article_no +
                          " is inactive in the ERP (Ongoing gets only active articles); "
                          "activate the article or change the line";
    }
    d.lines.push_back(
        {code, *l.article_no, l.article_name, *quantity, std::nullopt, std::nullopt, ""});
  }
  if (d.lines.empty()) {
    work.action = DocumentAction::kNotSent;
    work.reason = "not sent: the internal order has no line the warehouse picks";
    return work;
  }
  // The one text rule (issue 11 point 4): every text of the order as it would be sent, the
  // to-warehouse's name and address and the number with its prefix included.
  if (auto r = stages::CheckTexts(label, d); !r.empty())
    return reject(r);
  work.payload_hash = wms::PayloadHash(d);  // article names left out (payload_hash.h)
  work.legacy_payload_hash = wms::LegacyPayloadHash(d);
  work.action = DocumentAction::kSend;
  return work;
}

}  // namespace wmsbridge::internal_orders
