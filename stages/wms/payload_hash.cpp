#include "stages/wms/payload_hash.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA1Engine.h>

namespace wmsbridge::wms {

std::string PayloadHash(const wms::ArticleDefinition& d) {
  Poco::SHA1Engine sha1;
  const auto field = [&](const std::string& v) {
    sha1.update(v);
    sha1.update('\x1f');  // unit separator: "ab"+"c" and "a"+"bc" hash differently
  };
  field(d.article_number);
  field(d.name);
  field(d.supplier_article_number);
  field(d.barcode);
  field(d.statistics_number);
  field(d.weight_kg.value_or("\x1e"));
  field(d.volume_m3.value_or("\x1e"));
  field(d.is_stock_article ? "stock" : "non-stock");
  field(d.unit_code);
  field(d.is_active ? (*d.is_active ? "active" : "inactive") : "");
  return Poco::DigestEngine::digestToHex(sha1.digest());
}

namespace {

// Whether an order line's article name is hashed: only in the legacy form.
enum class Names { kLeftOut, kIn };

std::string OrderHash(const wms::CustomerOrder& o, Names names) {
  Poco::SHA1Engine sha1;
  const auto field = [&](const std::string& v) {
    sha1.update(v);
    sha1.update('\x1f');
  };
  for (const std::string* v :
       {&o.order_number, &o.goods_owner_order_id, &o.reference, &o.remark, &o.delivery_instruction,
        &o.delivery_date, &o.order_type_code, &o.service_point_code, &o.consignee.customer_number,
        &o.consignee.name, &o.consignee.address, &o.consignee.address2, &o.consignee.postcode,
        &o.consignee.city, &o.consignee.country_code, &o.consignee.email, &o.consignee.phone,
        &o.consignee.mobile_phone, &o.warehouse_code}) {
    field(*v);
  }
  field(o.consignee.notify_by_sms ? "sms" : "no-sms");
  field(o.transporter_code.value_or("\x1e"));
  field(o.transporter_service_code.value_or("\x1e"));
  for (const wms::OrderLine& l : o.lines) {
    field("L");
    field(l.external_line_code);
    field(l.article_number);
    if (names == Names::kIn)
      field(l.article_name);
    field(l.quantity);
    field(l.currency_code.value_or("\x1e"));
    field(l.comment);
  }
  for (const wms::TextLine& t : o.text_lines) {
    field("T");
    field(t.external_line_code);
    field(t.text);
  }
  return Poco::DigestEngine::digestToHex(sha1.digest());
}

std::string InOrderHash(const wms::InOrder& o, Names names) {
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
    if (names == Names::kIn)
      field(l.article_name);
    field(l.quantity);
    field(l.comment);
  }
  return Poco::DigestEngine::digestToHex(sha1.digest());
}

}  // namespace

std::string PayloadHash(const wms::CustomerOrder& order) {
  return OrderHash(order, Names::kLeftOut);
}

std::string LegacyPayloadHash(const wms::CustomerOrder& order) {
  return OrderHash(order, Names::kIn);
}

std::string PayloadHash(const wms::InOrder& order) {
  return InOrderHash(order, Names::kLeftOut);
}

std::string LegacyPayloadHash(const wms::InOrder& order) {
  return InOrderHash(order, Names::kIn);
}

}  // namespace wmsbridge::wms
