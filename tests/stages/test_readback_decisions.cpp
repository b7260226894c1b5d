// The read-back decisions alone, as pure functions: no database, no WMS (R18, R19, R22, R26,
// R30). What they decide is applied by the sinks; the flows through the simulator and the ERP
// are in tests/jobs/test_readback_job.cpp.
#define BOOST_TEST_MODULE readback_decisions
#include <boost/test/unit_test.hpp>

#include "stages/readback/delivery_decision.h"
#include "stages/readback/delivery_transform.h"
#include "stages/readback/receipt_decision.h"
#include "stages/readback/receipt_transform.h"

using namespace wmsbridge;
using readback::DeliveryVerdict;
using readback::ReceiptVerdict;

namespace {

// --- Deliveries --------------------------------------------------------------------------------

// The ERP order O-1 (as the end-to-end tests' AddOrder): line 1 = 2 x A-1 at 10.00, 2 = 1 x A-2
// at 25.50, 3 = freight 49.00 (a service), 4 = a text line. Nothing delivered yet.
readback::ErpDelivery CustomerOrder(const std::string& payment = "INVOICE") {
  readback::ErpDelivery erp;
  erp.document = {erp::DeliveredDocType::kCustomerOrder, "O-1", "1", {}, {}};
  erp.payment_method = payment;
  erp.lines = {{"1", "A-1", "STOCK", "Kaffekopp", 2000, 0, 1000},
               {"2", "A-2", "STOCK", "Tekanna", 1000, 0, 2550},
               {"3", "FRAKT", "SERVICE", "Frakt", 1000, 0, 4900},
               {"4", "", "", "Tack!", 1000, 0, 0}};
  return erp;
}

wms::ShippedOrder Shipped(std::vector<wms::PickedLine> lines, std::vector<wms::Parcel> parcels = {},
                          int status = 450) {
  wms::ShippedOrder o;
  o.order_id = 77;
  o.order_number = "O-1";
  o.status = status;
  o.status_text = "Sent";
  o.transporter_code = "POSTNORD";
  o.shipped_time = "2026-11-27T10:15:00.123+01:00";
  o.lines = std::move(lines);
  o.parcels = std::move(parcels);
  return o;
}

wms::PickedLine Picked(const std::string& line_no, const std::string& article,
                       const std::string& quantity) {
  wms::PickedLine line;
  line.external_line_code = line_no;
  line.article_number = article;
  line.picked_quantity = quantity;
  return line;
}

// Both stock lines picked in full.
std::vector<wms::PickedLine> AllPicked() {
  return {Picked("1", "A-1", "2"), Picked("2", "A-2", "1")};
}

stages::TimeZone Stockholm() {
  return stages::TimeZone::Named("Europe/Stockholm").value();
}

// The connection's defaults: Ongoing's and the ERP's times in Europe/Stockholm.
readback::DeliveryRules Rules(bool invoice = false) {
  return {{450, 500}, invoice, Stockholm(), Stockholm()};
}

readback::DeliveryDecision Decide(const wms::ShippedOrder& order,
                                  std::optional<readback::ErpDelivery> erp, bool invoice = false) {
  return readback::DecideDelivery({order, std::move(erp)}, Rules(invoice));
}

// The decided delivered quantities as "line=thousandths" for one comparison.
std::vector<std::string> Delivered(const readback::DeliveryDecision& d) {
  std::vector<std::string> out;
  for (const auto& l : d.delivered)
    out.push_back(l.line_no + "=" + std::to_string(l.quantity));
  return out;
}

std::vector<std::string> InvoiceLines(const readback::DueInvoice& invoice) {
  std::vector<std::string> out;
  for (const auto& l : invoice.lines)
    out.push_back(l.line_no + "=" + std::to_string(l.quantity) + "@" +
                  std::to_string(l.unit_price));
  return out;
}

std::vector<std::string> Numbers(const std::vector<readback::NewParcel>& parcels) {
  std::vector<std::string> out;
  for (const auto& p : parcels)
    out.push_back(p.tracking_number);
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(delivery)

BOOST_AUTO_TEST_CASE(an_order_not_in_a_shipped_status_is_skipped_before_anything_else) {
  const auto d = Decide(Shipped({Picked("9", "X", "5")}, {}, 400), CustomerOrder());
  BOOST_TEST((d.verdict == DeliveryVerdict::kNotShipped));
  BOOST_TEST(d.key == "O-1");
  BOOST_TEST(d.reason == "not shipped yet");
  auto unnamed = Shipped({}, {}, 400);
  unnamed.order_number.clear();
  BOOST_TEST(Decide(unnamed, std::nullopt).key == "77", "Ongoing's id when it has no number");
}

BOOST_AUTO_TEST_CASE(an_order_this_connection_did_not_send_is_skipped) {
  const auto d = Decide(Shipped(AllPicked()), std::nullopt);
  BOOST_TEST((d.verdict == DeliveryVerdict::kNotOurs));
  BOOST_TEST(d.key == "O-1");
  BOOST_TEST(d.reason == "not an order this connection sent");
}

BOOST_AUTO_TEST_CASE(a_full_delivery_sets_every_reported_line_and_delivers_R18) {
  const auto d = Decide(Shipped(AllPicked()), CustomerOrder());
  BOOST_TEST((d.verdict == DeliveryVerdict::kApply));
  BOOST_TEST(d.key == "O-1");
  BOOST_TEST(Delivered(d) == (Lines{"1=2000", "2=1000"}), boost::test_tools::per_element());
  BOOST_TEST((d.status == erp::DocStatus::kDelivered), "freight and text lines not expected back");
  BOOST_TEST(d.wms_status == "Ongoing status 450 Sent");
  BOOST_TEST(d.changed);
  BOOST_TEST(!d.invoice.has_value(), "no invoice unless the connection invoices at delivery");
}

BOOST_AUTO_TEST_CASE(a_partial_delivery_sets_the_reported_lines_only_R18) {
  const auto d = Decide(Shipped({Picked("1", "A-1", "1")}), CustomerOrder());
  BOOST_TEST((d.verdict == DeliveryVerdict::kApply));
  BOOST_TEST(Delivered(d) == (Lines{"1=1000"}), boost::test_tools::per_element());
  BOOST_TEST((d.status == erp::DocStatus::kPartiallyDelivered));
  BOOST_TEST(d.changed);
}

BOOST_AUTO_TEST_CASE(a_report_of_nothing_picked_gives_no_status) {
  const auto d = Decide(Shipped({Picked("1", "A-1", "0")}), CustomerOrder());
  // Nothing delivered before either: nothing to write (issue 15, point 4).
  BOOST_TEST((d.verdict == DeliveryVerdict::kUnchanged));
  BOOST_TEST(!d.status.has_value());
  BOOST_TEST(!d.changed);
  BOOST_TEST(readback::AppliedReason(d, "") == "nothing delivered yet");
}

BOOST_AUTO_TEST_CASE(the_rest_of_a_partial_delivery_completes_the_order_R18) {
  auto erp = CustomerOrder();
  erp.lines[0].delivered = 1000;  // the first delivery took one cup
  const auto d = Decide(Shipped({Picked("2", "A-2", "1")}), erp);
  BOOST_TEST(Delivered(d) == (Lines{"2=1000"}), boost::test_tools::per_element());
  BOOST_TEST((d.status == erp::DocStatus::kPartiallyDelivered), "line 1 still short by one");
  const auto rest = Decide(Shipped({Picked("1", "A-1", "2"), Picked("2", "A-2", "1")}), erp);
  BOOST_TEST((rest.status == erp::DocStatus::kDelivered));
}

BOOST_AUTO_TEST_CASE(the_same_report_again_changes_nothing_R18_R19_R26) {
  auto erp = CustomerOrder();
  erp.lines[0].delivered = 2000;
  erp.lines[1].delivered = 1000;
  erp.tracking_numbers = {"PKG-1"};
  erp.invoiced = {{"1", 2000}, {"2", 1000}, {"3", 1000}};
  const auto d = Decide(Shipped(AllPicked(), {{"PKG-1", "https://t.example/1"}}), erp, true);
  BOOST_TEST((d.verdict == DeliveryVerdict::kApply));
  BOOST_TEST(Delivered(d) == (Lines{"1=2000", "2=1000"}), boost::test_tools::per_element());
  BOOST_TEST((d.status == erp::DocStatus::kDelivered));
  BOOST_TEST(d.new_parcels.empty());
  BOOST_TEST(!d.invoice.has_value(), "nothing is due twice");
  BOOST_TEST(!d.changed);
}

// Issue 15, point 4: what the ERP holds already (figures, the status in the document and in
// wms_sync_state, Ongoing's words) is not written again; any one of them differing is.
BOOST_AUTO_TEST_CASE(a_report_the_erp_already_holds_is_unchanged_and_writes_nothing) {
  const auto held = [] {
    auto erp = CustomerOrder();
    erp.lines[0].delivered = 2000;
    erp.lines[1].delivered = 1000;
    erp.tracking_numbers = {"PKG-1"};
    erp.status = "DELIVERED";
    erp.document.recorded_status = "DELIVERED";
    erp.document.recorded_message = "Ongoing status 450 Sent";
    return erp;
  };
  const auto report = Shipped(AllPicked(), {{"PKG-1", "https://t.example/1"}});
  BOOST_TEST((Decide(report, held()).verdict == DeliveryVerdict::kUnchanged));

  auto erp_status = held();
  erp_status.status = "OPEN";
  BOOST_TEST((Decide(report, erp_status).verdict == DeliveryVerdict::kApply));
  auto recorded = held();
  recorded.document.recorded_status = "SENT";
  BOOST_TEST((Decide(report, recorded).verdict == DeliveryVerdict::kApply));
  BOOST_TEST((Decide(Shipped(AllPicked(), {}, 500), held()).verdict == DeliveryVerdict::kApply),
             "Ongoing's words changed (500)");
  auto lowered = held();
  lowered.lines[0].delivered = 3000;
  BOOST_TEST((Decide(report, lowered).verdict == DeliveryVerdict::kApply), "a figure set down");
  auto parcel = held();
  parcel.tracking_numbers.clear();
  BOOST_TEST((Decide(report, parcel).verdict == DeliveryVerdict::kApply), "a new parcel");
}

BOOST_AUTO_TEST_CASE(a_lowered_quantity_is_set_down_never_kept_or_added_R18) {
  auto erp = CustomerOrder();
  erp.lines[0].delivered = 2000;
  const auto d = Decide(Shipped({Picked("1", "A-1", "1")}), erp);
  BOOST_TEST((d.verdict == DeliveryVerdict::kApply));
  BOOST_TEST(Delivered(d) == (Lines{"1=1000"}), boost::test_tools::per_element());
  BOOST_TEST((d.status == erp::DocStatus::kPartiallyDelivered));
  // Written, but not counted as a change: the outcome stays "unchanged", as it always was.
  BOOST_TEST(!d.changed);
}

BOOST_AUTO_TEST_CASE(a_line_reported_twice_takes_the_last_figure) {
  const auto d =
      Decide(Shipped({Picked("1", "A-1", "1"), Picked("1", "A-1", "2")}), CustomerOrder());
  BOOST_TEST(Delivered(d) == (Lines{"1=2000"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_line_the_erp_order_does_not_have_rejects_the_whole_report_R30) {
  const auto d =
      Decide(Shipped({Picked("1", "A-1", "2"), Picked("9", "A-9", "1")}), CustomerOrder());
  BOOST_TEST((d.verdict == DeliveryVerdict::kRejected));
  BOOST_TEST(d.key == "O-1");
  BOOST_TEST(d.reason == "Ongoing reports line 9 (article A-9) that the ERP order does not have");
  BOOST_TEST(d.delivered.empty(), "nothing of a refused report is applied");
  BOOST_TEST(d.document.doc_no == "O-1", "the run record names the document");
}

BOOST_AUTO_TEST_CASE(a_wrong_article_is_rejected_R30) {
  const auto d = Decide(Shipped({Picked("1", "A-2", "1")}), CustomerOrder());
  BOOST_TEST((d.verdict == DeliveryVerdict::kRejected));
  BOOST_TEST(d.reason == "Ongoing reports article A-2 on line 1 where the ERP order has A-1");
  const auto unnamed = Decide(Shipped({Picked("1", "", "1")}), CustomerOrder());
  BOOST_TEST((unnamed.verdict == DeliveryVerdict::kApply), "no article named: the line decides");
}

BOOST_AUTO_TEST_CASE(more_delivered_than_ordered_is_refused_R30) {
  const auto d = Decide(Shipped({Picked("1", "A-1", "2.5")}), CustomerOrder());
  BOOST_TEST((d.verdict == DeliveryVerdict::kRejected));
  BOOST_TEST(d.reason == "Ongoing reports 2.5 delivered on line 1 where 2 were ordered");
}

BOOST_AUTO_TEST_CASE(a_quantity_that_is_not_a_number_is_refused_R30) {
  for (const std::string q : {"zwei", "-1", "1,5", "0.0001"}) {
    const auto d = Decide(Shipped({Picked("1", "A-1", q)}), CustomerOrder());
    BOOST_TEST((d.verdict == DeliveryVerdict::kRejected), q);
    BOOST_TEST(d.reason == "Ongoing reports quantity '" + q + "' on line 1");
  }
}

BOOST_AUTO_TEST_CASE(text_and_service_lines_never_hold_the_status_back_R10_R11) {
  auto erp = CustomerOrder();
  erp.lines = {erp.lines[2], erp.lines[3]};  // freight and text only: nothing to wait for
  BOOST_TEST((Decide(Shipped({}), erp).status == erp::DocStatus::kDelivered));
}

BOOST_AUTO_TEST_CASE(only_parcels_not_on_the_order_are_new_R26) {
  auto erp = CustomerOrder();
  erp.tracking_numbers = {"PKG-1"};
  auto order = Shipped(AllPicked(), {{"PKG-1", "https://t.example/1"},
                                     {"PKG-2", "https://t.example/2"},
                                     {"", "https://t.example/none"}});
  order.shipment_tracking = {{"PKG-2", "https://t.example/2"}, {"WB-9", "https://t.example/9"}};
  const auto d = Decide(order, erp);
  BOOST_TEST(Numbers(d.new_parcels) == (Lines{"PKG-2", "WB-9"}), boost::test_tools::per_element());
  BOOST_TEST(d.new_parcels[1].tracking_url == "https://t.example/9");
  BOOST_TEST(d.carrier_code == "POSTNORD");
  BOOST_TEST(d.shipped_at.value_or("") == "2026-11-27 10:15:00");
  BOOST_TEST(d.changed);
  BOOST_TEST(readback::AppliedReason(d, "") == "DELIVERED, 2 new parcel(s)");

  // Parcels alone are a change; no shipping time: the sink takes the time it applies.
  auto parcels_only = Shipped({}, {{"PKG-3", ""}});
  parcels_only.shipped_time.clear();
  const auto later = Decide(parcels_only, erp);
  BOOST_TEST(later.changed);
  BOOST_TEST(!later.shipped_at.has_value());
}

BOOST_AUTO_TEST_CASE(an_internal_order_gets_quantities_and_status_no_parcels_or_invoice_R23) {
  readback::ErpDelivery erp;
  erp.document = {erp::DeliveredDocType::kInternalOrder, "T-1", "1", {}, {}};
  erp.lines = {{"1", "A-2", "STOCK", "", 3000, 0, 0}};
  const auto d = Decide(Shipped({Picked("1", "A-2", "3")}, {{"PKG-1", ""}}), erp, true);
  BOOST_TEST((d.status == erp::DocStatus::kDelivered));
  BOOST_TEST(d.new_parcels.empty());
  BOOST_TEST(!d.invoice.has_value());
}

BOOST_AUTO_TEST_CASE(the_first_invoice_holds_the_goods_delivered_and_the_services_R19) {
  const auto d = Decide(Shipped({Picked("1", "A-1", "1")}), CustomerOrder("KLARNA"), true);
  BOOST_TEST_REQUIRE(d.invoice.has_value());
  BOOST_TEST(InvoiceLines(*d.invoice) == (Lines{"1=1000@1000", "3=1000@4900"}),
             boost::test_tools::per_element());
  BOOST_TEST(d.invoice->total == 5900);  // 1 x 10.00 + 49.00, in hundredths
  BOOST_TEST(d.invoice->activate_klarna);
  BOOST_TEST(d.invoice->lines[0].description == "Kaffekopp");
  BOOST_TEST(d.changed);
  BOOST_TEST(readback::AppliedReason(d, readback::InvoiceNumber("7")) ==
             "PARTIALLY_DELIVERED, invoice INV-7 (Klarna to activate)");
}

BOOST_AUTO_TEST_CASE(a_later_invoice_holds_what_this_delivery_added_R19) {
  auto erp = CustomerOrder();
  erp.lines[0].delivered = 1000;
  erp.invoiced = {{"1", 1000}, {"3", 1000}};
  const auto d = Decide(Shipped(AllPicked()), erp, true);
  BOOST_TEST_REQUIRE(d.invoice.has_value());
  BOOST_TEST(InvoiceLines(*d.invoice) == (Lines{"1=1000@1000", "2=1000@2550"}),
             boost::test_tools::per_element());
  BOOST_TEST(d.invoice->total == 3550);
  BOOST_TEST(!d.invoice->activate_klarna);
  BOOST_TEST(readback::AppliedReason(d, "INV-8") == "DELIVERED, invoice INV-8");
}

BOOST_AUTO_TEST_CASE(services_alone_are_not_invoiced_and_nothing_is_invoiced_twice_R19) {
  // Nothing picked yet: only the freight would be due, and freight alone makes no invoice.
  BOOST_TEST(!Decide(Shipped({Picked("1", "A-1", "0")}), CustomerOrder(), true).invoice);
  // Everything delivered is invoiced already.
  auto erp = CustomerOrder();
  erp.invoiced = {{"1", 2000}, {"2", 1000}, {"3", 1000}};
  BOOST_TEST(!Decide(Shipped(AllPicked()), erp, true).invoice);
  // A lowered figure is never credited: nothing due, no invoice.
  erp.invoiced = {{"1", 2000}, {"3", 1000}};
  const auto lowered = Decide(Shipped({Picked("1", "A-1", "1")}), erp, true);
  BOOST_TEST(!lowered.invoice);
}

BOOST_AUTO_TEST_CASE(an_invoice_total_is_rounded_half_up_to_hundredths_R19) {
  auto erp = CustomerOrder();
  erp.lines = {{"1", "A-1", "STOCK", "", 2000, 0, 33}};  // 0.33 a piece
  const auto d = Decide(Shipped({Picked("1", "A-1", "1.5")}), erp, true);
  BOOST_TEST_REQUIRE(d.invoice.has_value());
  BOOST_TEST(d.invoice->total == 50);  // 1.5 x 0.33 = 0.495 -> 0.50
}

BOOST_AUTO_TEST_CASE(only_parcels_booked_with_the_carrier_become_tracking_R26) {
  // Ongoing lists the warehouse's own packages and pallets among the pallet items too;
  // IsTaPalletItem tells the parcels a customer can track.
  auto order = Shipped(AllPicked(), {{"PKG-1", "https://t.example/1", true},
                                     {"BOX-7", "", false},
                                     {"PALLET-3", "https://wms.example/internal", false},
                                     {"PKG-2", "https://t.example/2", true}});
  order.shipment_tracking = {{"WB-9", "https://t.example/9"}};
  const auto d = Decide(order, CustomerOrder());
  BOOST_TEST(Numbers(d.new_parcels) == (Lines{"PKG-1", "PKG-2", "WB-9"}),
             boost::test_tools::per_element());

  // Internal packages alone: no tracking, and nothing new to count as a change.
  auto erp = CustomerOrder();
  erp.lines[0].delivered = 2000;
  erp.lines[1].delivered = 1000;
  const auto internal = Decide(Shipped(AllPicked(), {{"BOX-8", "", false}}), erp);
  BOOST_TEST(internal.new_parcels.empty());
  BOOST_TEST(!internal.changed);
}

BOOST_AUTO_TEST_CASE(the_shipped_time_is_one_instant_whatever_form_ongoing_writes_R26) {
  // 2026-07-01 12:27 UTC, 14:27 in Stockholm (summer), in the forms a .NET service writes.
  for (const char* wire :
       {"2026-07-01T12:27:00Z", "2026-07-01T14:27:00+02:00", "2026-07-01T14:27:00",
        "2026-07-01T14:27:00.1234567", "2026-07-01T12:27:00.5Z", "2026-07-01T13:27:00+01:00"}) {
    auto order = Shipped(AllPicked(), {{"PKG-1", ""}});
    order.shipped_time = wire;
    const auto d = Decide(order, CustomerOrder());
    BOOST_TEST((d.verdict == DeliveryVerdict::kApply), wire);
    BOOST_TEST(d.shipped_at.value_or("") == "2026-07-01 14:27:00", wire);
    auto utc = Rules();
    utc.erp_time_zone = stages::TimeZone();
    BOOST_TEST(readback::DecideDelivery({order, CustomerOrder()}, utc).shipped_at.value_or("") ==
                   "2026-07-01 12:27:00",
               wire << " for an ERP in UTC");
  }
  // .NET's "no value": the sink takes the time it applies.
  auto unset = Shipped(AllPicked(), {{"PKG-1", ""}});
  unset.shipped_time = "0001-01-01T00:00:00";
  BOOST_TEST(!Decide(unset, CustomerOrder()).shipped_at.has_value());
}

BOOST_AUTO_TEST_CASE(a_shipped_time_that_is_not_a_time_rejects_the_report_R30) {
  for (const char* wire : {"igår", "2026-02-30T10:00:00", "2026-11-27 10:15:00"}) {
    auto order = Shipped(AllPicked(), {{"PKG-1", ""}});
    order.shipped_time = wire;
    const auto d = Decide(order, CustomerOrder());
    BOOST_TEST((d.verdict == DeliveryVerdict::kRejected), wire);
    BOOST_TEST(d.reason == "Ongoing reports ShippedTime '" + std::string(wire) +
                               "', which is not a date and time",
               wire);
    BOOST_TEST(d.delivered.empty());
  }
  // An internal order keeps no shipping time: its report does not depend on it.
  readback::ErpDelivery internal;
  internal.document = {erp::DeliveredDocType::kInternalOrder, "T-1", "1", {}, {}};
  internal.lines = {{"1", "A-2", "STOCK", "", 3000, 0, 0}};
  auto order = Shipped({Picked("1", "A-2", "3")});
  order.shipped_time = "igår";
  BOOST_TEST((Decide(order, internal).verdict == DeliveryVerdict::kApply));
}

BOOST_AUTO_TEST_CASE(a_delivery_applied_before_invoicing_was_switched_on_is_never_invoiced_R19) {
  // Delivered in full while invoicing was off; Ongoing reports it again (a status change, a
  // full read) now that it is on: nothing this report adds, so no invoice.
  auto erp = CustomerOrder();
  erp.lines[0].delivered = 2000;
  erp.lines[1].delivered = 1000;
  const auto again = Decide(Shipped(AllPicked()), erp, true);
  BOOST_TEST((again.verdict == DeliveryVerdict::kApply));
  BOOST_TEST(!again.invoice.has_value());
  BOOST_TEST(!again.changed);

  // One cup delivered before, the rest after: only what the later delivery added is invoiced,
  // and the freight went with the first delivery, before invoicing.
  auto partial = CustomerOrder();
  partial.lines[0].delivered = 1000;
  const auto rest = Decide(Shipped(AllPicked()), partial, true);
  BOOST_TEST_REQUIRE(rest.invoice.has_value());
  BOOST_TEST(InvoiceLines(*rest.invoice) == (Lines{"1=1000@1000", "2=1000@2550"}),
             boost::test_tools::per_element());
  BOOST_TEST(rest.invoice->total == 3550);
}

BOOST_AUTO_TEST_CASE(a_raised_figure_is_invoiced_only_beyond_what_earlier_invoices_hold_R19) {
  // Invoiced 2 cups, the warehouse lowered the count to 1, then reports 2 again: the cup that
  // comes back was invoiced already.
  auto erp = CustomerOrder();
  erp.lines[0].delivered = 1000;
  erp.invoiced = {{"1", 2000}, {"3", 1000}};
  BOOST_TEST(!Decide(Shipped({Picked("1", "A-1", "2")}), erp, true).invoice);
}

BOOST_AUTO_TEST_CASE(the_transform_gives_one_decision_per_report_in_order) {
  readback::DeliveryTransform transform(Rules());
  pipeline::Batch<readback::DeliveryReport> batch;
  batch.rows.push_back({Shipped(AllPicked(), {}, 300), CustomerOrder()});
  batch.rows.push_back({Shipped(AllPicked()), std::nullopt});
  batch.rows.push_back({Shipped(AllPicked()), CustomerOrder()});
  const auto out = transform.Process(std::move(batch));
  BOOST_TEST_REQUIRE(out.rows.size() == 3u);
  BOOST_TEST((out.rows[0].verdict == DeliveryVerdict::kNotShipped));
  BOOST_TEST((out.rows[1].verdict == DeliveryVerdict::kNotOurs));
  BOOST_TEST((out.rows[2].verdict == DeliveryVerdict::kApply));
}

BOOST_AUTO_TEST_SUITE_END()

// --- Receipts ----------------------------------------------------------------------------------

namespace {

// PO-1: line 1 = 10 x A-1, line 2 = 5 x A-2; received so far as given.
readback::ErpReceipt PurchaseOrder(std::int64_t received1 = 0, std::int64_t received2 = 0) {
  return {{"PO-1", "1"},
          {{"1", "A-1", "STOCK", 10000, received1}, {"2", "A-2", "STOCK", 5000, received2}}};
}

wms::ReceivedInOrder InOrder(std::vector<wms::ReceivedLine> lines) {
  wms::ReceivedInOrder o;
  o.in_order_id = 55;
  o.order_number = "PO-1";
  o.status = 300;
  o.status_text = "Received";
  o.lines = std::move(lines);
  return o;
}

wms::ReceivedLine Got(const std::string& line_no, const std::string& article,
                      const std::string& quantity) {
  wms::ReceivedLine line;
  line.external_line_code = line_no;
  line.article_number = article;
  line.received_quantity = quantity;
  return line;
}

std::vector<std::string> Received(const readback::ReceiptDecision& d) {
  std::vector<std::string> out;
  for (const auto& l : d.received)
    out.push_back(l.line_no + "=" + std::to_string(l.quantity));
  return out;
}

readback::ReceiptDecision DecideReceipt(const wms::ReceivedInOrder& in_order,
                                        std::optional<readback::ErpReceipt> erp) {
  return readback::DecideReceipt({in_order, std::move(erp)});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(receipt)

BOOST_AUTO_TEST_CASE(an_in_order_this_connection_did_not_send_is_skipped) {
  const auto d = DecideReceipt(InOrder({Got("1", "A-1", "4")}), std::nullopt);
  BOOST_TEST((d.verdict == ReceiptVerdict::kNotOurs));
  BOOST_TEST(d.key == "PO-1");
  BOOST_TEST(d.reason == "not sent by this connection");
}

BOOST_AUTO_TEST_CASE(a_partial_receipt_sets_the_reported_lines_R22) {
  const auto d = DecideReceipt(InOrder({Got("1", "A-1", "4")}), PurchaseOrder());
  BOOST_TEST((d.verdict == ReceiptVerdict::kApply));
  BOOST_TEST(d.key == "PO-1");
  BOOST_TEST(Received(d) == (Lines{"1=4000"}), boost::test_tools::per_element());
  BOOST_TEST((d.status == erp::DocStatus::kPartiallyReceived));
  BOOST_TEST(d.wms_status == "Ongoing in-order status 300 Received");
}

BOOST_AUTO_TEST_CASE(the_rest_received_completes_the_purchase_order_R22) {
  const auto d =
      DecideReceipt(InOrder({Got("1", "A-1", "10"), Got("2", "A-2", "5")}), PurchaseOrder(4000));
  BOOST_TEST(Received(d) == (Lines{"1=10000", "2=5000"}), boost::test_tools::per_element());
  BOOST_TEST((d.status == erp::DocStatus::kReceived));
}

BOOST_AUTO_TEST_CASE(the_same_receipt_again_is_unchanged_R22) {
  const auto d = DecideReceipt(InOrder({Got("1", "A-1", "4"), Got("2", "A-2", "5")}),
                               PurchaseOrder(4000, 5000));
  BOOST_TEST((d.verdict == ReceiptVerdict::kUnchanged));
  BOOST_TEST(d.key == "PO-1");
  BOOST_TEST(d.received.empty());
}

BOOST_AUTO_TEST_CASE(a_lowered_receipt_sets_the_line_to_ongoings_figure_R22) {
  const auto d = DecideReceipt(InOrder({Got("1", "A-1", "4")}), PurchaseOrder(6000, 5000));
  BOOST_TEST((d.verdict == ReceiptVerdict::kApply));
  BOOST_TEST(Received(d) == (Lines{"1=4000"}), boost::test_tools::per_element());
  BOOST_TEST((d.status == erp::DocStatus::kPartiallyReceived));
}

BOOST_AUTO_TEST_CASE(more_received_than_ordered_is_taken_as_reported_R22) {
  const auto d =
      DecideReceipt(InOrder({Got("1", "A-1", "12"), Got("2", "A-2", "5")}), PurchaseOrder());
  BOOST_TEST((d.verdict == ReceiptVerdict::kApply));
  BOOST_TEST((d.status == erp::DocStatus::kReceived));
}

BOOST_AUTO_TEST_CASE(a_purchase_order_with_a_service_line_is_received_by_its_stock_lines_R22) {
  // Freight on the purchase order is never sent to the warehouse, so never received.
  auto po = PurchaseOrder(10000);
  po.lines.push_back({"3", "FRAKT", "SERVICE", 1000, 0});
  const auto d = DecideReceipt(InOrder({Got("1", "A-1", "10"), Got("2", "A-2", "5")}), po);
  BOOST_TEST((d.verdict == ReceiptVerdict::kApply));
  BOOST_TEST(Received(d) == (Lines{"1=10000", "2=5000"}), boost::test_tools::per_element());
  BOOST_TEST((d.status == erp::DocStatus::kReceived));

  const auto partly = DecideReceipt(InOrder({Got("1", "A-1", "10")}), PurchaseOrder());
  BOOST_TEST((partly.status == erp::DocStatus::kPartiallyReceived), "a stock line still short");
  auto services_only = PurchaseOrder();
  services_only.lines = {{"3", "FRAKT", "SERVICE", 1000, 0}, {"4", "A-1", "STOCK", 1000, 0}};
  BOOST_TEST((DecideReceipt(InOrder({Got("4", "A-1", "0.5")}), services_only).status ==
              erp::DocStatus::kPartiallyReceived));
}

BOOST_AUTO_TEST_CASE(a_report_that_cannot_be_applied_is_rejected_whole_R30) {
  const auto unknown =
      DecideReceipt(InOrder({Got("1", "A-1", "4"), Got("7", "A-7", "1")}), PurchaseOrder());
  BOOST_TEST((unknown.verdict == ReceiptVerdict::kRejected));
  BOOST_TEST(unknown.reason ==
             "Ongoing reports line 7 (article A-7) that the ERP purchase order does not have");
  BOOST_TEST(unknown.received.empty());
  BOOST_TEST(unknown.order.doc_no == "PO-1");

  const auto article = DecideReceipt(InOrder({Got("2", "A-1", "1")}), PurchaseOrder());
  BOOST_TEST(article.reason ==
             "Ongoing reports article A-1 on line 2 where the ERP purchase order has A-2");

  const auto quantity = DecideReceipt(InOrder({Got("1", "A-1", "fyra")}), PurchaseOrder());
  BOOST_TEST(quantity.reason == "Ongoing reports quantity 'fyra' on line 1");
}

BOOST_AUTO_TEST_CASE(the_transform_gives_one_decision_per_report_in_order) {
  readback::ReceiptTransform transform;
  pipeline::Batch<readback::ReceiptReport> batch;
  batch.rows.push_back({InOrder({}), std::nullopt});
  batch.rows.push_back({InOrder({Got("1", "A-1", "4")}), PurchaseOrder()});
  const auto out = transform.Process(std::move(batch));
  BOOST_TEST_REQUIRE(out.rows.size() == 2u);
  BOOST_TEST((out.rows[0].verdict == ReceiptVerdict::kNotOurs));
  BOOST_TEST((out.rows[1].verdict == ReceiptVerdict::kApply));
}

BOOST_AUTO_TEST_SUITE_END()

// --- Report-back (issue 16; reference notes 6c) -------------------------------------------------

namespace {

// The marks a decision asks for, as "line_id=quantity".
std::vector<std::string> Marks(const std::optional<wms::ReportedDocument>& document) {
  std::vector<std::string> out;
  if (document) {
    for (const auto& l : document->lines)
      out.push_back(std::to_string(l.line_id) + "=" + l.quantity);
  }
  return out;
}

wms::PickedLine PickedWithId(const std::string& line_no, const std::string& article,
                             const std::string& quantity, int line_id,
                             std::optional<std::string> reported = std::nullopt) {
  wms::PickedLine line = Picked(line_no, article, quantity);
  line.line_id = line_id;
  line.reported_quantity = std::move(reported);
  return line;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_back)

BOOST_AUTO_TEST_CASE(each_line_is_marked_with_what_the_erp_holds_once_applied) {
  // Line 1 picked 1 of 2 (never reported), line 2 nothing picked and nothing reported.
  const auto d =
      Decide(Shipped({PickedWithId("1", "A-1", "1", 11), PickedWithId("2", "A-2", "0", 12)}),
             CustomerOrder());
  BOOST_TEST((d.verdict == DeliveryVerdict::kApply));
  BOOST_TEST_REQUIRE(d.report_back.has_value());
  BOOST_TEST(d.report_back->wms_id == 77);
  BOOST_TEST(Marks(d.report_back) == (Lines{"11=1"}), "line 2: nil is 0, nothing to mark");
}

BOOST_AUTO_TEST_CASE(a_held_order_is_still_marked_and_a_marked_one_is_not) {
  auto erp = CustomerOrder();
  erp.lines[0].delivered = 2000;
  erp.lines[1].delivered = 1000;
  erp.status = "DELIVERED";
  erp.document.recorded_status = "DELIVERED";
  erp.document.recorded_message = "Ongoing status 450 Sent";
  const auto unmarked = Decide(
      Shipped({PickedWithId("1", "A-1", "2", 11), PickedWithId("2", "A-2", "1", 12, "1.000")}),
      erp);
  BOOST_TEST((unmarked.verdict == DeliveryVerdict::kUnchanged));
  BOOST_TEST(Marks(unmarked.report_back) == (Lines{"11=2"}));
  const auto marked = Decide(
      Shipped({PickedWithId("1", "A-1", "2", 11, "2"), PickedWithId("2", "A-2", "1", 12, "1")}),
      erp);
  BOOST_TEST(!marked.report_back.has_value());
}

BOOST_AUTO_TEST_CASE(a_rejected_report_marks_nothing) {
  const auto d = Decide(Shipped({PickedWithId("1", "A-1", "3", 11)}), CustomerOrder());
  BOOST_TEST((d.verdict == DeliveryVerdict::kRejected));
  BOOST_TEST(!d.report_back.has_value());
}

BOOST_AUTO_TEST_CASE(received_lines_are_marked_with_what_the_erp_holds) {
  auto line1 = Got("1", "A-1", "4");
  line1.line_id = 21;
  auto line2 = Got("2", "A-2", "5");
  line2.line_id = 22;
  line2.reported_quantity = "5";
  const auto d = DecideReceipt(InOrder({line1, line2}), PurchaseOrder(0, 5000));
  BOOST_TEST((d.verdict == ReceiptVerdict::kApply));
  BOOST_TEST(Marks(d.report_back) == (Lines{"21=4"}));
}

BOOST_AUTO_TEST_SUITE_END()
