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
  // `o` as it stands once Ongoing accepted it (wms_sync_state SENT, its hash, Ongoing's id 7).
  erp::CustomerOrderRow Sent(erp::CustomerOrderRow o) {
    o.sync.last_payload_hash = transform.Map(o).payload_hash;
    o.sync.last_status = "SENT";
    o.sync.last_wms_id = "7";
    o.sync.last_erp_id = std::to_string(o.id);
    return o;
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
  BOOST_TEST(!work.payload_hash.empty());
  BOOST_TEST(work.legacy_payload_hash == wms::LegacyPayloadHash(d), "the former form, to compare");
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

// --- Delivered stays delivered (R15; issue 11, point 11) -------------------------------------

BOOST_AUTO_TEST_CASE(a_delivered_order_keeps_its_status_and_a_later_change_is_not_sent_R15) {
  erp::CustomerOrderRow o = Sent(Order());
  o.sync.last_status = "DELIVERED";  // the read-back applied Ongoing's delivery
  o.status = "DELIVERED";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kUnchanged), "nothing changed");
  o.lines[0].quantity = "9";  // changed in the ERP afterwards
  DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kNotSent), "no call: Ongoing takes no update");
  BOOST_TEST((work.status == erp::DocStatus::kDelivered), "it stays DELIVERED, never ERROR");
  BOOST_TEST(work.reason ==
                 "order 1001 is fully delivered: Ongoing no longer takes updates of it; a later "
                 "change in the ERP was not sent",
             work.reason);
  o.manual = true;  // asked for by hand: the same answer
  BOOST_TEST((transform.Map(o).status == erp::DocStatus::kDelivered));
}

BOOST_AUTO_TEST_CASE(no_update_is_attempted_once_the_read_back_reports_a_partial_delivery_R15) {
  erp::CustomerOrderRow o = Sent(Order());
  o.sync.last_status = "PARTIALLY_DELIVERED";  // Ongoing was past 300: it refuses updates
  o.status = "PARTIALLY_DELIVERED";
  o.remark = "Ring först";
  const DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kNotSent));
  BOOST_TEST((work.status == erp::DocStatus::kPartiallyDelivered));
  BOOST_TEST(Contains(work.reason, "the warehouse has started picking it"), work.reason);
}

// Versions before issue 11 turned such an order into ERROR; the ERP's status DELIVERED brings
// it back without a call.
BOOST_AUTO_TEST_CASE(a_delivered_order_an_older_version_put_in_error_gets_its_status_back_R15) {
  erp::CustomerOrderRow o = Sent(Order());
  o.sync.last_status = "ERROR";
  o.status = "DELIVERED";
  const DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kNotSent));
  BOOST_TEST((work.status == erp::DocStatus::kDelivered));
  BOOST_TEST(work.reason == "order 1001 is fully delivered: Ongoing no longer takes updates of it");
}

BOOST_AUTO_TEST_CASE(an_order_cancelled_or_deleted_after_delivery_is_not_cancelled_in_ongoing) {
  erp::CustomerOrderRow o = Sent(Order());
  o.sync.last_status = "DELIVERED";
  o.status = "CANCELLED";
  DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kReject), "no Remove: Ongoing refuses it");
  BOOST_TEST((work.status == erp::DocStatus::kDelivered));
  BOOST_TEST(Contains(work.reason, "cancelled in the ERP after Ongoing reported it fully"),
             work.reason);

  erp::CustomerOrderRow gone;
  gone.vanished = true;
  gone.number = "1001";
  gone.sync.last_erp_id = "41";
  gone.sync.last_wms_id = "7";
  gone.sync.last_status = "DELIVERED";
  work = transform.Map(gone);
  BOOST_TEST((work.action == DocumentAction::kRetireHere), "its number retired, no call");
  BOOST_TEST(Contains(work.reason, "nothing to cancel in Ongoing"), work.reason);
  gone.sync.last_status = "PARTIALLY_DELIVERED";
  BOOST_TEST((transform.Map(gone).action == DocumentAction::kRetireHere));
  gone.sync.last_status = "SENT";
  BOOST_TEST((transform.Map(gone).action == DocumentAction::kRetire), "not handled: cancelled");
}

// An article's name is master data (R9): renaming it changes no order, and what Ongoing
// accepted from a version that hashed the names still compares equal (no resend on upgrade).
BOOST_AUTO_TEST_CASE(a_renamed_article_is_no_change_of_the_orders_that_hold_it_R9_R12) {
  erp::CustomerOrderRow o = Order();
  erp::DocumentLineRow freight = Line(3, "FRAKT", "1", "SERVICE");
  freight.description.clear();  // the text is the article's name
  freight.article_name = "Frakt";
  o.lines.push_back(freight);
  o = Sent(o);
  o.lines[0].article_name = "Kaffemugg";  // renamed in the article register
  o.lines[2].article_name = "Fraktavgift";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kUnchanged));
  o.sync.last_status = "DELIVERED";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kUnchanged), "and stays DELIVERED");
  o.sync.last_status = "SENT";
  o.manual = true;  // sent for another reason, it carries the new name
  const auto d = std::get<wms::CustomerOrder>(transform.Map(o).document);
  BOOST_TEST(d.lines[0].article_name == "Kaffemugg");
  BOOST_TEST(d.lines[0].comment == "Kaffekopp", "the line's own text, now unlike the name");

  erp::CustomerOrderRow old = Order();  // accepted from a version that hashed the names
  const DocumentWork built = transform.Map(old);
  old.sync.last_payload_hash = wms::LegacyPayloadHash(std::get<wms::CustomerOrder>(built.document));
  old.sync.last_status = "SENT";
  old.sync.last_wms_id = "7";
  old.sync.last_erp_id = "41";
  BOOST_TEST((transform.Map(old).action == DocumentAction::kUnchanged), "no resend on upgrade");
  old.lines[0].quantity = "3";
  BOOST_TEST((transform.Map(old).action == DocumentAction::kSend), "a real change still goes");
}

// --- Point 8: what the ERP already did, or cannot send, is not sent for picking --------------

BOOST_AUTO_TEST_CASE(a_never_sent_order_already_delivered_in_the_erp_is_not_sent_for_picking) {
  erp::CustomerOrderRow o = Order();
  o.status = "DELIVERED";
  DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kNotSent));
  BOOST_TEST(work.reason ==
                 "not sent: order 1001 is already delivered in the ERP (status DELIVERED); the "
                 "warehouse has nothing to pick",
             work.reason);
  o.status = "PARTIALLY_DELIVERED";
  work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kReject), "in part: a person decides");
  BOOST_TEST(Contains(work.reason, "would pick again what was delivered"), work.reason);
}

BOOST_AUTO_TEST_CASE(a_line_of_an_article_inactive_in_the_erp_is_refused_with_that_reason) {
  erp::CustomerOrderRow o = Order();
  o.lines[1].article_active = false;
  const DocumentWork work = transform.Map(o);
  BOOST_TEST((work.action == DocumentAction::kReject));
  BOOST_TEST(work.reason ==
                 "line 2: article A-2 is inactive in the ERP (Ongoing gets only active "
                 "articles); activate the article or change the line",
             work.reason);
  // An order Ongoing already has is not put in error by a later change of the article.
  erp::CustomerOrderRow sent = Sent(Order());
  sent.lines[1].article_active = false;
  BOOST_TEST((transform.Map(sent).action == DocumentAction::kUnchanged));
  sent.lines[0].quantity = "5";
  BOOST_TEST((transform.Map(sent).action == DocumentAction::kReject), "a change would send it");
  // A service line travels as text: no article in Ongoing needed.
  o = Order();
  o.lines.push_back(Line(3, "FRAKT", "1", "SERVICE"));
  o.lines[2].article_active = false;
  BOOST_TEST((transform.Map(o).action == DocumentAction::kSend));
}

// --- Point 3: one number, two live orders ----------------------------------------------------

BOOST_AUTO_TEST_CASE(two_live_orders_under_one_number_are_both_refused_naming_both_ids) {
  erp::CustomerOrderRow first = Order();
  first.same_number_ids = {41, 57};
  erp::CustomerOrderRow second = first;
  second.id = 57;
  for (const auto& o : {first, second}) {
    const DocumentWork work = transform.Map(o);
    BOOST_TEST((work.action == DocumentAction::kReject));
    BOOST_TEST(!work.status.has_value(), "ERROR");
    BOOST_TEST(Contains(work.reason,
                        "order number 1001 is used by 2 orders in the ERP (ids 41 "
                        "and 57): none is sent"),
               work.reason);
  }
  first.manual = true;  // not even by hand
  BOOST_TEST((transform.Map(first).action == DocumentAction::kReject));
}

// Order 41 went to Ongoing before order 57 took its number: 57 does not overwrite it, and 41's
// changes wait too, until the ERP is corrected.
BOOST_AUTO_TEST_CASE(an_order_ongoing_holds_is_not_overwritten_by_a_later_one_of_its_number) {
  erp::CustomerOrderRow held = Sent(Order());
  held.same_number_ids = {41, 57};
  erp::CustomerOrderRow later = held;
  later.id = 57;
  later.lines[0].quantity = "5";
  for (const auto& o : {held, later}) {
    const DocumentWork work = transform.Map(o);
    BOOST_TEST((work.action == DocumentAction::kReject));
    BOOST_TEST(Contains(work.reason, "Ongoing has the one with id 41 under this number"),
               work.reason);
    BOOST_TEST(Contains(work.reason, "Give the other (id 57) a number of its own"), work.reason);
  }
  // Corrected by renumbering the sent one: the state of the number is still order 41's.
  later.same_number_ids.clear();
  const DocumentWork work = transform.Map(later);
  BOOST_TEST((work.action == DocumentAction::kReject), "57 would overwrite 41 in Ongoing");
  BOOST_TEST(Contains(work.reason, "is Ongoing's for order id 41"), work.reason);
  // Corrected by giving 57 another number: 41 goes on as before.
  held.same_number_ids.clear();
  BOOST_TEST((transform.Map(held).action == DocumentAction::kUnchanged));
}

BOOST_AUTO_TEST_CASE(a_cancelled_order_never_cancels_another_under_its_number_R16) {
  erp::CustomerOrderRow o = Sent(Order());
  o.id = 57;  // Ongoing holds order 41 under the number; 57 is cancelled in the ERP
  o.status = "CANCELLED";
  BOOST_TEST((transform.Map(o).action == DocumentAction::kUnchanged));
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
  // Not this connection's: no decision every kind shares applies to it either (R4).
  po.status = "RECEIVED";
  po.same_number_ids = {9, 12};
  BOOST_TEST((purchases.Map(po).action == DocumentAction::kUnchanged));
  po.status = "";
  po.same_number_ids = {};

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

namespace {

erp::PurchaseOrderRow PurchaseOrder() {
  erp::PurchaseOrderRow po;
  po.id = 9;
  po.number = "P-1";
  po.warehouse_code = "MAIN";
  po.supplier_no = "S-1";
  po.supplier_name = "Leverantör AB";
  po.delivery_date = "2026-12-03";
  po.status = "OPEN";
  po.lines = {Line(1, "A-1", "3")};
  return po;
}

erp::InternalOrderRow InternalOrder() {
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
  io.status = "OPEN";
  io.lines = {Line(1, "A-1", "3")};
  io.manual = true;  // internal orders are sent on request only (R23)
  return io;
}

template <typename Row, typename Transform>
Row AcceptedBy(Transform& transform, Row row) {
  row.sync.last_payload_hash = transform.Map(row).payload_hash;
  row.sync.last_status = "SENT";
  row.sync.last_wms_id = "8";
  row.sync.last_erp_id = std::to_string(row.id);
  return row;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_received_purchase_order_keeps_its_status_and_takes_no_update_R21) {
  purchase_orders::PurchaseOrderTransform transform_po;
  erp::PurchaseOrderRow po = AcceptedBy(transform_po, PurchaseOrder());
  po.sync.last_status = "PARTIALLY_RECEIVED";  // receiving has started in Ongoing
  BOOST_TEST((transform_po.Map(po).action == DocumentAction::kUnchanged));
  po.lines[0].quantity = "4";
  DocumentWork work = transform_po.Map(po);
  BOOST_TEST((work.action == DocumentAction::kNotSent));
  BOOST_TEST((work.status == erp::DocStatus::kPartiallyReceived));
  BOOST_TEST(Contains(work.reason,
                      "purchase order P-1 is partially received: Ongoing no longer "
                      "takes updates of it; a later change in the ERP was not sent"),
             work.reason);
  BOOST_TEST(Contains(work.reason, "the warehouse has started receiving it"), work.reason);
  po.lines[0].article_name = "Kaffemugg";  // renamed: no change of the purchase order
  po.lines[0].quantity = "3";
  BOOST_TEST((transform_po.Map(po).action == DocumentAction::kUnchanged));

  erp::PurchaseOrderRow never = PurchaseOrder();
  never.status = "RECEIVED";
  work = transform_po.Map(never);
  BOOST_TEST((work.action == DocumentAction::kNotSent));
  BOOST_TEST(work.reason ==
             "not sent: purchase order P-1 is already received in the ERP (status RECEIVED); the "
             "warehouse has nothing to receive");
}

BOOST_AUTO_TEST_CASE(a_delivered_internal_order_keeps_its_status_and_takes_no_update_R23) {
  internal_orders::InternalOrderTransform transform_io;
  erp::InternalOrderRow io = AcceptedBy(transform_io, InternalOrder());
  io.sync.last_status = "DELIVERED";
  io.status = "DELIVERED";
  const DocumentWork work = transform_io.Map(io);  // asked for by hand: still no call
  BOOST_TEST((work.action == DocumentAction::kNotSent));
  BOOST_TEST((work.status == erp::DocStatus::kDelivered));
  BOOST_TEST(work.reason ==
             "internal order 77 is fully delivered: Ongoing no longer takes updates of it");
  erp::InternalOrderRow never = InternalOrder();
  never.status = "DELIVERED";
  BOOST_TEST((transform_io.Map(never).action == DocumentAction::kNotSent));
}

BOOST_AUTO_TEST_CASE(purchase_and_internal_order_lines_of_inactive_articles_are_refused) {
  erp::PurchaseOrderRow po = PurchaseOrder();
  po.lines[0].article_active = false;
  DocumentWork work = purchase_orders::PurchaseOrderTransform().Map(po);
  BOOST_TEST((work.action == DocumentAction::kReject));
  BOOST_TEST(Contains(work.reason, "line 1: article A-1 is inactive in the ERP"), work.reason);
  erp::InternalOrderRow io = InternalOrder();
  io.lines[0].article_active = false;
  work = internal_orders::InternalOrderTransform().Map(io);
  BOOST_TEST((work.action == DocumentAction::kReject));
  BOOST_TEST(Contains(work.reason, "line 1: article A-1 is inactive in the ERP"), work.reason);
}

BOOST_AUTO_TEST_CASE(two_live_purchase_or_internal_orders_under_one_number_are_both_refused) {
  erp::PurchaseOrderRow po = PurchaseOrder();
  po.same_number_ids = {9, 12, 15};
  DocumentWork work = purchase_orders::PurchaseOrderTransform().Map(po);
  BOOST_TEST((work.action == DocumentAction::kReject));
  BOOST_TEST(Contains(work.reason,
                      "purchase order number P-1 is used by 3 purchase orders in the "
                      "ERP (ids 9, 12 and 15)"),
             work.reason);
  erp::InternalOrderRow io = InternalOrder();
  io.same_number_ids = {5, 6};
  work = internal_orders::InternalOrderTransform().Map(io);
  BOOST_TEST((work.action == DocumentAction::kReject));
  BOOST_TEST(Contains(work.reason,
                      "internal order number 77 is used by 2 internal orders in the "
                      "ERP (ids 5 and 6)"),
             work.reason);
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
