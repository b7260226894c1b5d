// The customer-order transform alone: what it decides for one ERP order, without a database or
// a WMS (the flows end to end are in tests/jobs/test_customer_order_job.cpp). R3, R5, R6, R10,
// R11, R13-R17, R30; the phone rule; the internal and purchase orders' warehouse (R3); the one
// text rule of every order kind (issue 11 point 4).
#define BOOST_TEST_MODULE order_transform
#include <boost/test/unit_test.hpp>
#include <functional>
#include <map>
#include <string>

#include "stages/customer_orders/order_source.h"
#include "stages/customer_orders/order_transform.h"
#include "stages/customer_orders/phone_number.h"
#include "stages/internal_orders/internal_order_transform.h"
#include "stages/purchase_orders/purchase_order_transform.h"
#include "stages/wms/payload_hash.h"

using namespace wmsbridge;
using documents::DocumentAction;
using documents::DocumentWork;
using Codes = std::map<std::string, std::string>;

namespace {

erp::DocumentLineRow Line(int no, const std::string& article, const std::string& quantity,
                          const std::string& type = "STOCK") {
  erp::DocumentLineRow l;
  l.line_no = no;
  l.article_no = article;
  l.description = "Kaffekopp";
  l.article_name = "Kaffekopp";
  l.quantity = quantity;
  l.article_known = true;
  l.article_type = type;
  return l;
}

// A complete order of two stock lines that nothing was ever sent for.
erp::CustomerOrderRow Order() {
  erp::CustomerOrderRow o;
  o.id = 41;
  o.number = "1001";
  o.warehouse_code = "MAIN";
  o.delivery_date = "2026-12-03 00:00:00";
  o.status = "OPEN";
  o.currency_code = "SEK";
  o.customer_no = "K-1";
  o.delivery_name = "Åsa Öberg";
  o.delivery_address = "Storgatan 1";
  o.delivery_postcode = "41101";
  o.delivery_city = "Göteborg";
  o.delivery_country_code = "SE";
  o.delivery_phone = "+46701234567";
  o.pickup_point_code = "SP-77";
  o.lines = {Line(1, "A-1", "2.000"), Line(2, "A-2", "0.5")};
  return o;
}

struct Fixture {
  customer_orders::OrderRunState state;
  customer_orders::OrderTransform transform{state};
  Fixture() {
    state.currencies = {"SEK"};
    state.transporters.Set({"POSTNORD/MYPACK"});
  }
  wms::CustomerOrder Sent(const DocumentWork& work) {
    BOOST_REQUIRE(work.action == DocumentAction::kSend);
    return std::get<wms::CustomerOrder>(work.document);
  }
};

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(order_transform, Fixture)

BOOST_AUTO_TEST_CASE(a_complete_order_maps_number_address_date_and_pick_lines_R5_R13) {
  const DocumentWork work = transform.Map(Order());
  const wms::CustomerOrder d = Sent(work);
  BOOST_TEST(work.number == "1001");
  BOOST_TEST(work.erp_id == "41");
  BOOST_TEST(d.order_number == "1001");
  BOOST_TEST(d.goods_owner_order_id == "41");
  BOOST_TEST(d.delivery_date == "2026-12-03", "the date only");
  BOOST_TEST(d.service_point_code == "SP-77", "R13: the webshop's service point");
  BOOST_TEST(d.consignee.customer_number == "K-1");
  BOOST_TEST(d.consignee.name == "Åsa Öberg");
  BOOST_TEST(d.consignee.phone == "+46701234567");
  BOOST_TEST(!d.transporter_code.has_value(), "no delivery method, no transporter");
  BOOST_REQUIRE(d.lines.size() == 2u);
  BOOST_TEST(d.lines[0].external_line_code == "1");
  BOOST_TEST(d.lines[0].quantity == "2", "canonical quantity");
  BOOST_TEST(d.lines[1].quantity == "0.5");
  BOOST_TEST(d.lines[0].currency_code.value_or("") == "SEK");
  BOOST_TEST(work.payload_hash == wms::PayloadHash(d));
  BOOST_TEST(!work.note.has_value());
}

BOOST_AUTO_TEST_CASE(text_and_service_lines_travel_as_text_never_as_pick_lines_R10_R11) {
  erp::CustomerOrderRow o = Order();
  erp::DocumentLineRow text;
  text.line_no = 3;
  text.description = "Tack för din beställning!";
  o.lines.push_back(text);
  o.lines.push_back(Line(4, "FRAKT", "1", "SERVICE"));
  const wms::CustomerOrder d = Sent(transform.Map(o));
  BOOST_TEST(d.lines.size() == 2u);
  BOOST_REQUIRE(d.text_lines.size() == 2u);
  BOOST_TEST(d.text_lines[0].external_line_code == "3");
  BOOST_TEST(d.text_lines[0].text == "Tack för din beställning!");
  BOOST_TEST(d.text_lines[1].external_line_code == "4");
  const DocumentWork work = transform.Map(o);
  BOOST_TEST(Contains(work.note.value_or(""), "1 text line(s) and 1 service line(s)"));
}

BOOST_AUTO_TEST_CASE(an_order_of_only_service_lines_is_not_sent_and_says_why_R11) {
  erp::CustomerOrderRow o = Order();
  o.lines = {Line(1, "FRAKT", "1", "SERVICE")};
  const DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kNotSent));
  BOOST_TEST(Contains(work.reason, "no line the warehouse picks"));
}

BOOST_AUTO_TEST_CASE(a_delivery_method_ongoing_offers_sets_transporter_and_service_R5) {
  erp::CustomerOrderRow o = Order();
  o.delivery_method_id = "1";
  o.dm_code = "PN";
  o.dm_carrier_code = "POSTNORD";
  o.dm_carrier_service_code = "MYPACK";
  BOOST_TEST(customer_orders::NeedsTransporters(o), "the source reads Ongoing's services");
  const wms::CustomerOrder d = Sent(transform.Map(o));
  BOOST_TEST(d.transporter_code.value_or("") == "POSTNORD");
  BOOST_TEST(d.transporter_service_code.value_or("") == "MYPACK");
}

BOOST_AUTO_TEST_CASE(a_delivery_method_ongoing_lacks_or_without_codes_is_rejected_R5_R30) {
  erp::CustomerOrderRow o = Order();
  o.delivery_method_id = "3";
  o.dm_code = "EXPR";
  o.dm_carrier_code = "POSTNORD";
  o.dm_carrier_service_code = "EXPRESS";
  DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kReject));
  BOOST_TEST(Contains(work.reason, "delivery method EXPR (POSTNORD/EXPRESS)"), work.reason);

  o.dm_carrier_service_code.clear();
  BOOST_TEST(!customer_orders::NeedsTransporters(o));
  work = transform.Map(o);
  BOOST_TEST(Contains(work.reason, "has no carrier code and service code"), work.reason);

  o.dm_code.clear();  // the id matched no delivery method in the ERP
  work = transform.Map(o);
  BOOST_TEST(Contains(work.reason, "delivery method 3 does not exist in the ERP"), work.reason);
}

BOOST_AUTO_TEST_CASE(a_currency_ongoing_lacks_is_left_out_with_a_note_R6) {
  erp::CustomerOrderRow o = Order();
  o.currency_code = "EUR";
  const DocumentWork work = transform.Map(o);
  const wms::CustomerOrder d = Sent(work);
  BOOST_TEST(!d.lines[0].currency_code.has_value());
  BOOST_TEST(Contains(work.note.value_or(""), "currency EUR is not set up in Ongoing"));
  o.currency_known_in_erp = false;
  BOOST_TEST(Contains(transform.Map(o).reason, "currency EUR does not exist in the ERP"));
}

BOOST_AUTO_TEST_CASE(an_unchanged_order_is_not_sent_again_unless_asked_for_R12_R14) {
  erp::CustomerOrderRow o = Order();
  o.sync.last_payload_hash = transform.Map(o).payload_hash;
  o.sync.last_status = "SENT";
  o.sync.last_wms_id = "7";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kUnchanged));
  o.manual = true;  // a send request or `wmsbridge send`
  BOOST_TEST((transform.Map(o).action == DocumentAction::kSend));
  o.manual = false;
  o.sync.last_status = "ERROR";  // in error: tried again
  BOOST_TEST((transform.Map(o).action == DocumentAction::kSend));
}

BOOST_AUTO_TEST_CASE(a_cancelled_order_is_cancelled_in_ongoing_once_and_only_if_sent_R16) {
  erp::CustomerOrderRow o = Order();
  o.status = "CANCELLED";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kUnchanged), "never sent");
  o.sync.last_wms_id = "7";
  o.sync.last_status = "SENT";
  const DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kCancel));
  BOOST_TEST(
      (std::get<wms::CustomerOrder>(work.document).operation == wms::OrderOperation::kRemove));
  o.sync.last_status = "CANCELLED";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kUnchanged), "cancelled once");
}

BOOST_AUTO_TEST_CASE(an_order_deleted_in_the_erp_is_retired_under_its_last_erp_id_R17) {
  erp::CustomerOrderRow o;
  o.vanished = true;
  o.number = "1001";
  o.sync.last_erp_id = "41";
  o.sync.last_wms_id = "7";
  const DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kRetire));
  BOOST_TEST(work.erp_id == "41");
  const auto& d = std::get<wms::CustomerOrder>(work.document);
  BOOST_TEST((d.operation == wms::OrderOperation::kRemove));
  BOOST_TEST(d.delivery_date.size() == 10u, "Ongoing requires a delivery date");
}

BOOST_AUTO_TEST_CASE(a_reused_number_is_refused_with_the_remedy_unless_sent_by_hand_R17) {
  erp::CustomerOrderRow o = Order();
  o.sync.number_retired_by_other = true;
  const DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kReject));
  BOOST_TEST(Contains(work.reason, "renumber the cancelled order 1001"), work.reason);
  BOOST_TEST(Contains(work.reason, "wmsbridge send customer-order 1001"), work.reason);
  o.manual = true;  // the 3PL renumbered the old one; the person sends it again
  BOOST_TEST((transform.Map(o).action == DocumentAction::kSend));
}

BOOST_AUTO_TEST_CASE(a_fully_delivered_order_takes_no_more_updates_R15) {
  erp::CustomerOrderRow o = Order();
  o.sync.last_wms_id = "7";
  o.sync.last_status = "DELIVERED";
  o.sync.last_payload_hash = "an older payload";
  const DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kReject));
  BOOST_TEST(Contains(work.reason, "fully delivered"), work.reason);
}

BOOST_AUTO_TEST_CASE(a_bad_order_is_rejected_with_a_reason_a_person_can_act_on_R30) {
  erp::CustomerOrderRow o = Order();
  o.delivery_address.clear();
  o.delivery_city.clear();
  BOOST_TEST(Contains(transform.Map(o).reason, "missing address, city"), transform.Map(o).reason);

  o = Order();
  o.lines[1].quantity = "-1";
  BOOST_TEST(Contains(transform.Map(o).reason,
                      "line 2: quantity -1 of article A-2 is not a "
                      "positive number"),
             transform.Map(o).reason);

  o = Order();
  o.lines[0].article_known = false;
  BOOST_TEST(Contains(transform.Map(o).reason, "article A-1 is not in the ERP article register"));

  o = Order();
  o.delivery_date.clear();
  BOOST_TEST(transform.Map(o).reason ==
             "customer order 1001: delivery date (customer_order.delivery_date) is missing "
             "(NULL or empty)");
}

BOOST_AUTO_TEST_CASE(
    a_delivery_date_that_is_no_date_refuses_the_order_naming_column_and_value_R30) {
  for (const char* date : {"tomorrow", "2026-12-32", "2026-13-01", "2026-02-30", "0000-00-00"}) {
    erp::CustomerOrderRow o = Order();
    o.delivery_date = date;
    const DocumentWork work = transform.Map(o);
    BOOST_TEST((work.action == DocumentAction::kReject), date);
    BOOST_TEST(work.reason ==
               "customer order 1001: delivery date (customer_order.delivery_date) '" +
                   std::string(date) + "' is not a date (YYYY-MM-DD)");
  }
  erp::CustomerOrderRow o = Order();
  o.delivery_date = "2026-12-03 00:00:00.000";  // a timestamp with a fraction is that date
  BOOST_TEST(Sent(transform.Map(o)).delivery_date == "2026-12-03");
}

BOOST_AUTO_TEST_CASE(a_real_delivery_date_before_the_start_date_is_left_out_R4) {
  // The query lets 29 February through (it cannot tell a leap year); the reader can.
  state.start_date = "2026-11-01";
  erp::CustomerOrderRow o = Order();
  o.delivery_date = "2024-02-29";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kUnchanged));
  o.delivery_date = "2026-02-29";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kReject));
  o.delivery_date = "2026-11-01";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kSend));
}

BOOST_AUTO_TEST_CASE(a_cancelled_order_with_an_unreadable_date_is_still_cancelled_R16) {
  erp::CustomerOrderRow o = Order();
  o.status = "CANCELLED";
  o.sync.last_wms_id = "7";
  o.sync.last_status = "SENT";
  o.delivery_date = "0000-00-00";
  const DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kCancel));
  BOOST_TEST(std::get<wms::CustomerOrder>(work.document).delivery_date.size() == 10u);
}

BOOST_AUTO_TEST_CASE(quantities_are_read_as_the_database_prints_them) {
  erp::CustomerOrderRow o = Order();
  o.lines[1].quantity = "5.0e-01";  // SQLite prints small REAL values with an exponent
  BOOST_TEST(Sent(transform.Map(o)).lines[1].quantity == "0.5");
}

BOOST_AUTO_TEST_CASE(an_order_names_the_ongoing_warehouse_of_its_erp_warehouse_R3) {
  erp::CustomerOrderRow o = Order();
  BOOST_TEST(Sent(transform.Map(o)).warehouse_code == "MAIN", "unmapped: the same code");
  state.warehouses = documents::WarehouseCodes(Codes{{"NORTH", "UME1"}});
  BOOST_TEST(Sent(transform.Map(o)).warehouse_code == "MAIN");
  o.warehouse_code = "NORTH";
  BOOST_TEST(Sent(transform.Map(o)).warehouse_code == "UME1", "mapped: Ongoing's code");
}

BOOST_AUTO_TEST_CASE(an_order_moved_to_another_warehouse_is_a_change_to_send_R3_R12) {
  erp::CustomerOrderRow o = Order();
  o.sync.last_payload_hash = transform.Map(o).payload_hash;
  o.sync.last_status = "SENT";
  o.sync.last_wms_id = "7";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kUnchanged));
  o.warehouse_code = "NORTH";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kSend));
  o.warehouse_code = "MAIN";
  state.warehouses = documents::WarehouseCodes(Codes{{"MAIN", "GBG1"}});  // the mapping changed
  BOOST_TEST((transform.Map(o).action == DocumentAction::kSend));
}

BOOST_AUTO_TEST_CASE(the_phone_is_the_telephone_and_sms_goes_only_to_a_mobile_when_switched_on) {
  erp::CustomerOrderRow o = Order();
  o.delivery_phone = "031-712 45 60";  // a landline in Göteborg
  for (const bool sms : {false, true}) {
    state.sms_notification = sms;
    const wms::CustomerOrder d = Sent(transform.Map(o));
    BOOST_TEST(d.consignee.phone == "031-712 45 60");
    BOOST_TEST(d.consignee.mobile_phone.empty(), "a landline is no mobile phone");
    BOOST_TEST(!d.consignee.notify_by_sms, "a landline never gets an SMS");
  }
  o.delivery_phone = "070-123 45 67";
  state.sms_notification = false;
  wms::CustomerOrder d = Sent(transform.Map(o));
  BOOST_TEST(d.consignee.phone == "070-123 45 67");
  BOOST_TEST(d.consignee.mobile_phone == "070-123 45 67", "sent as it is in the ERP");
  BOOST_TEST(!d.consignee.notify_by_sms, "the connection did not ask for SMS");
  const std::string without_sms = transform.Map(o).payload_hash;
  state.sms_notification = true;
  d = Sent(transform.Map(o));
  BOOST_TEST(d.consignee.notify_by_sms);
  BOOST_TEST(transform.Map(o).payload_hash != without_sms, "the SMS choice is part of it");
  o.delivery_phone.clear();
  BOOST_TEST(!Sent(transform.Map(o)).consignee.notify_by_sms, "no phone, no SMS");
}

BOOST_AUTO_TEST_CASE(mobile_numbers_are_told_by_the_nordic_numbering_plans) {
  using customer_orders::IsMobileNumber;
  const std::pair<const char*, const char*> mobile[] = {
      {"070-123 45 67", "SE"},     {"0701234567", "SE"},    {"073 123 45 67", "SE"},
      {"076-1234567", "SE"},       {"079 123 45 67", "SE"}, {"072-123 45 67", "se"},
      {"+46 70 123 45 67", "SE"},  {"+46701234567", "NO"},  {"0046 70-123 45 67", "DE"},
      {"+46 (0)70-123 45 67", ""}, {"412 34 567", "NO"},    {"+47 912 34 567", "SE"},
      {"040 123 4567", "FI"},      {"050 1234567", "FI"},   {"+358 40 123 4567", "SE"},
      {"+358 (0)50 123 456", ""}};
  for (const auto& [phone, country] : mobile) {
    BOOST_TEST(IsMobileNumber(phone, country), phone << " (" << country << ") is a mobile");
  }
  const std::pair<const char*, const char*> other[] = {{"031-712 45 60", "SE"},
                                                       {"08-123 456 78", "SE"},
                                                       {"+46 31 712 45 60", "SE"},
                                                       {"0771-33 33 10", "SE"},
                                                       {"071-123 45 67", "SE"},
                                                       {"074-123 45 67", "SE"},
                                                       {"075-123 45 67", "SE"},
                                                       {"070-123 45 6", "SE"},
                                                       {"070-123 45 678", "SE"},
                                                       {"070-123 45 67 ankn 12", "SE"},
                                                       {"0701234567", "DK"},
                                                       {"+45 20 12 34 56", "DK"},
                                                       {"22 12 34 56", "NO"},
                                                       {"09 1234 5678", "FI"},
                                                       {"701234567", "SE"},
                                                       {"", "SE"},
                                                       {"+", "SE"},
                                                       {"+49 170 1234567", "DE"}};
  for (const auto& [phone, country] : other) {
    BOOST_TEST(!IsMobileNumber(phone, country), phone << " (" << country << ") is no mobile");
  }
}

BOOST_AUTO_TEST_CASE(an_internal_order_is_picked_at_its_from_warehouse_by_ongoings_code_R3_R24) {
  erp::InternalOrderRow io;
  io.id = 5;
  io.number = "77";
  io.warehouse_code = "NORTH";
  io.to_warehouse_code = "MAIN";
  io.delivery_address = "Hamngatan 2";
  io.delivery_postcode = "41102";
  io.delivery_city = "Göteborg";
  io.delivery_country_code = "SE";
  io.delivery_date = "2026-12-03";
  io.lines = {Line(1, "A-1", "3")};
  const auto sent = [](const DocumentWork& work) {
    BOOST_REQUIRE(work.action == DocumentAction::kSend);
    return std::get<wms::CustomerOrder>(work.document);
  };
  BOOST_TEST(sent(internal_orders::InternalOrderTransform().Map(io)).warehouse_code == "NORTH");
  internal_orders::InternalOrderTransform mapped(
      documents::WarehouseCodes(Codes{{"NORTH", "UME1"}}));
  const wms::CustomerOrder d = sent(mapped.Map(io));
  BOOST_TEST(d.warehouse_code == "UME1", "the from-warehouse, by Ongoing's code");
  BOOST_TEST(d.consignee.city == "Göteborg", "delivered to the to-warehouse");
}

BOOST_AUTO_TEST_CASE(a_purchase_order_is_received_at_the_ongoing_warehouse_of_its_erp_one_R3) {
  erp::PurchaseOrderRow po;
  po.id = 9;
  po.number = "P-1";
  po.warehouse_code = "NORTH";
  po.supplier_no = "S-1";
  po.supplier_name = "Leverantör AB";
  po.delivery_date = "2026-12-03";
  po.lines = {Line(1, "A-1", "3")};
  purchase_orders::PurchaseOrderTransform mapped(
      documents::WarehouseCodes(Codes{{"NORTH", "UME1"}}));
  const DocumentWork work = mapped.Map(po);
  BOOST_REQUIRE(work.action == DocumentAction::kSend);
  BOOST_TEST(std::get<wms::InOrder>(work.document).warehouse_code == "UME1");
}

BOOST_AUTO_TEST_CASE(purchase_and_internal_order_dates_are_read_or_refused_naming_the_column_R30) {
  erp::PurchaseOrderRow po;
  po.id = 9;
  po.number = "P-1";
  po.warehouse_code = "MAIN";
  po.delivery_date = "2026-12-03 00:00:00";
  po.order_date = "2026-11-24";
  po.lines = {Line(1, "A-1", "3.0e+00")};
  purchase_orders::PurchaseOrderTransform purchases({}, "2026-11-01");
  DocumentWork work = purchases.Map(po);
  BOOST_REQUIRE(work.action == DocumentAction::kSend);
  BOOST_TEST(std::get<wms::InOrder>(work.document).in_date == "2026-12-03");
  BOOST_TEST(std::get<wms::InOrder>(work.document).order_date == "2026-11-24");
  BOOST_TEST(std::get<wms::InOrder>(work.document).lines[0].quantity == "3");
  po.order_date = "";  // optional
  BOOST_TEST((purchases.Map(po).action == DocumentAction::kSend));
  po.order_date = "2026-13-01";
  BOOST_TEST(purchases.Map(po).reason ==
             "purchase order P-1: order date (purchase_order.order_date) '2026-13-01' is not a "
             "date (YYYY-MM-DD)");
  po.order_date = "2026-11-24";
  po.delivery_date = "";
  BOOST_TEST(purchases.Map(po).reason ==
             "purchase order P-1: delivery date (purchase_order.delivery_date) is missing (NULL "
             "or empty)");
  po.delivery_date = "2024-02-29";  // before the start date
  BOOST_TEST((purchases.Map(po).action == DocumentAction::kUnchanged));

  erp::InternalOrderRow io;
  io.id = 5;
  io.number = "77";
  io.warehouse_code = "NORTH";
  io.to_warehouse_code = "MAIN";
  io.delivery_address = "Hamngatan 2";
  io.delivery_postcode = "41102";
  io.delivery_city = "Göteborg";
  io.delivery_country_code = "SE";
  io.delivery_date = "tomorrow";
  io.lines = {Line(1, "A-1", "3")};
  BOOST_TEST(internal_orders::InternalOrderTransform().Map(io).reason ==
             "internal order 77: delivery date (internal_order.delivery_date) 'tomorrow' is not "
             "a date (YYYY-MM-DD)");
}

BOOST_AUTO_TEST_SUITE_END()

// --- One text rule for every order kind (issue 11 point 4) -----------------------------------

namespace {

erp::InternalOrderRow Transfer() {
  erp::InternalOrderRow io;
  io.id = 5;
  io.number = "77";
  io.warehouse_code = "NORTH";
  io.to_warehouse_code = "MAIN";
  io.delivery_name = "Centrallagret";
  io.delivery_address = "Hamngatan 2";
  io.delivery_postcode = "41102";
  io.delivery_city = "Göteborg";
  io.delivery_country_code = "SE";
  io.delivery_date = "2026-12-03";
  io.lines = {Line(1, "A-1", "3")};
  return io;
}

erp::PurchaseOrderRow Purchase() {
  erp::PurchaseOrderRow po;
  po.id = 9;
  po.number = "P-1";
  po.warehouse_code = "MAIN";
  po.supplier_no = "S-1";
  po.supplier_name = "Leverantör AB";
  po.delivery_date = "2026-12-03";
  po.lines = {Line(1, "A-1", "3")};
  return po;
}

// The reason of a refusal; fails the test when the document would be sent.
std::string Refusal(const DocumentWork& work) {
  BOOST_TEST((work.action == DocumentAction::kReject), "refused, not sent: " << work.reason);
  return work.reason;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(one_text_rule_issue_11, Fixture)

BOOST_AUTO_TEST_CASE(a_customer_order_is_sent_byte_for_byte_when_every_text_may_go) {
  erp::CustomerOrderRow o = Order();
  o.delivery_name = "Åsa & <Öberg> \"AB\"";
  o.delivery_address = "Storgatan 1\tport 2";
  o.remark = "Rad 1\r\nRad 2 \xF0\x9F\x98\x80";
  erp::DocumentLineRow text;
  text.line_no = 3;
  text.description = "Tack för din beställning!\n";
  o.lines.push_back(text);
  const wms::CustomerOrder d = Sent(transform.Map(o));
  BOOST_TEST(d.consignee.name == o.delivery_name);
  BOOST_TEST(d.consignee.address == o.delivery_address);
  BOOST_TEST(d.remark == o.remark);
  BOOST_TEST(d.text_lines.at(0).text == text.description);
}

BOOST_AUTO_TEST_CASE(each_text_of_a_customer_order_that_xml_cannot_carry_refuses_it_by_name) {
  const auto refusal = [&](const std::function<void(erp::CustomerOrderRow&)>& spoil) {
    erp::CustomerOrderRow o = Order();
    spoil(o);
    return Refusal(transform.Map(o));
  };
  std::string r = refusal([](auto& o) { o.delivery_name = "Åsa\x01Öberg"; });
  BOOST_TEST(r.rfind("customer order 1001: delivery name (Customer/Name) contains U+0001", 0) == 0,
             r);
  r = refusal([](auto& o) { o.customer_no = "K\x01"; });
  BOOST_TEST(Contains(r, "customer number (Customer/ExternalCustomerCode) contains U+0001"), r);
  r = refusal([](auto& o) { o.delivery_city = "G\xF6teborg"; });
  BOOST_TEST(Contains(r, "city (Customer/City) is not valid UTF-8 (byte 0xF6 at byte 2)"), r);
  r = refusal([](auto& o) { o.delivery_country_code = "Sweden"; });
  BOOST_TEST(Contains(r, "country code (Customer/CountryCode) is 'Sweden', not an ISO 3166-1"), r);
  r = refusal([](auto& o) {
    erp::DocumentLineRow text;
    text.line_no = 3;
    text.description = "Tack\x01";
    o.lines.push_back(text);
  });
  BOOST_TEST(Contains(r, "line 3: text (CustomerOrderTextLine/OrderLineComment) contains U+0001"),
             r);
  r = refusal([](auto& o) {
    erp::DocumentLineRow freight = Line(4, "FRAKT", "1", "SERVICE");
    freight.description = "Frakt\x0B";
    o.lines.push_back(freight);
  });
  BOOST_TEST(Contains(r, "line 4: text (CustomerOrderTextLine/OrderLineComment) contains U+000B"),
             r);
  r = refusal([](auto& o) { o.lines[0].description = "Kaffekopp\x0C"; });
  BOOST_TEST(Contains(r, "line 1: comment (CustomerOrderLine/OrderLineComment) contains U+000C"),
             r);
  r = refusal([](auto& o) { o.lines[1].article_name = std::string(201, 'n'); });
  BOOST_TEST(Contains(r, "line 2: article name (CustomerOrderLine/ArticleName) is 201 characters"),
             r);
  r = refusal([](auto& o) { o.number = std::string(51, '9'); });
  BOOST_TEST(Contains(r, "order number (GoodsOwnerOrderNumber) is 51 characters long"), r);
  r = refusal([](auto& o) { o.pickup_point_code = std::string(51, 'P'); });
  BOOST_TEST(Contains(r, "pickup point (OrderServicePointCode) is 51 characters long"), r);
}

BOOST_AUTO_TEST_CASE(a_nul_the_query_found_refuses_the_order_naming_the_column) {
  erp::CustomerOrderRow o = Order();
  o.nul_texts = " delivery_name";
  BOOST_TEST(Refusal(transform.Map(o)).rfind("customer order 1001: delivery_name holds a NUL", 0) ==
             0);
  o = Order();
  o.lines[1].nul_texts = " description";
  BOOST_TEST(Contains(Refusal(transform.Map(o)), "customer order 1001: line 2: description holds"));
}

BOOST_AUTO_TEST_CASE(an_internal_orders_texts_follow_the_same_rule_warehouse_name_and_number) {
  internal_orders::InternalOrderTransform io_transform;
  erp::InternalOrderRow io = Transfer();
  io.delivery_name = "Central\x01lagret";  // the to-warehouse's name
  std::string r = Refusal(io_transform.Map(io));
  BOOST_TEST(r.rfind("internal order 77: delivery name (Customer/Name) contains U+0001", 0) == 0,
             r);
  io = Transfer();
  io.number = std::string(203, '7');  // sent whole before issue 11
  r = Refusal(io_transform.Map(io));
  BOOST_TEST(Contains(r, "order number (GoodsOwnerOrderNumber) is 206 characters long"), r);
  io = Transfer();
  io.number = std::string(47, '7');  // IO- and 47: 50, the customer orders' limit
  BOOST_TEST((io_transform.Map(io).action == DocumentAction::kSend));
  io.number = std::string(48, '7');
  BOOST_TEST(Contains(Refusal(io_transform.Map(io)), "is 51 characters long"));
  io = Transfer();
  io.to_warehouse_code = "MAIN\x01";  // in the remark and the customer number
  r = Refusal(io_transform.Map(io));
  BOOST_TEST(Contains(r, "remark (OrderRemark) contains U+0001"), r);
  BOOST_TEST(Contains(r, "also refused: customer number (Customer/ExternalCustomerCode)"), r);
  io = Transfer();
  io.delivery_country_code = "Sverige";
  BOOST_TEST(Contains(Refusal(io_transform.Map(io)), "is 'Sverige', not an ISO 3166-1"));
  io = Transfer();
  io.lines[0].nul_texts = " article.name";
  BOOST_TEST(Contains(Refusal(io_transform.Map(io)), "internal order 77: line 1: article.name"));
}

BOOST_AUTO_TEST_CASE(a_purchase_orders_texts_follow_the_same_rule) {
  purchase_orders::PurchaseOrderTransform po_transform;
  erp::PurchaseOrderRow po = Purchase();
  po.supplier_name = "Lev\x01";
  std::string r = Refusal(po_transform.Map(po));
  BOOST_TEST(
      r.rfind("purchase order P-1: supplier name (InOrderSupplier/SupplierName) contains U+0001",
              0) == 0,
      r);
  po = Purchase();
  po.supplier_no = std::string(51, 'S');  // a number: the same 50 as every number
  BOOST_TEST(Contains(Refusal(po_transform.Map(po)),
                      "supplier number (InOrderSupplier/SupplierNumber) is 51 characters long"));
  po = Purchase();
  po.lines[0].article_name = "Kaffe\xC3";
  BOOST_TEST(Contains(Refusal(po_transform.Map(po)),
                      "line 1: article name (InOrderLine/ArticleName) is not valid UTF-8"));
  po = Purchase();
  po.nul_texts = " supplier_name";
  BOOST_TEST(Contains(Refusal(po_transform.Map(po)), "purchase order P-1: supplier_name holds"));
}

BOOST_AUTO_TEST_SUITE_END()
