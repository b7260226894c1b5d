// Read-back end to end (issue 6): the simulator plays the warehouse; deliveries, tracking,
// invoices and receipts come back into the ERP over ODBC (SQLite and PostgreSQL).
// R15, R18, R19, R22, R26, R29-R31.
#define BOOST_TEST_MODULE readback_job
#include <Poco/Logger.h>
#include <Poco/Process.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <source_location>
#include <thread>
#include <vector>

#include "jobs/article_job.h"
#include "jobs/order_jobs.h"
#include "jobs/readback_jobs.h"
#include "tests/support/backend_test.h"
#include "tests/support/cli_process.h"
#include "tests/support/erp_backend.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;
using test::ErpBackend;
using test::SameQuantity;
using test::SimProcess;

namespace {

void Seed(const ErpBackend& db) {
  db.Exec("INSERT INTO warehouse (warehouse_id, code, name) VALUES (1, 'MAIN', 'Göteborg')");
  db.Exec("INSERT INTO currency (code, name) VALUES ('SEK', 'krona')");
  db.Exec("INSERT INTO customer (customer_id, customer_no, name) VALUES (1, 'K-1', 'Kund')");
  test::AddStockAndFreightArticles(db);
}

// Order NO with lines: 1 = 2 x A-1 at 10.00, 2 = 1 x A-2 at 25.50, 3 = freight 49.00, 4 = text.
void AddOrder(const ErpBackend& db, int id, const std::string& payment = "INVOICE") {
  const std::string i = std::to_string(id);
  db.Exec(
      "INSERT INTO customer_order (order_id, order_no, customer_id, warehouse_id, order_date, "
      "delivery_date, currency_code, delivery_name, delivery_address, delivery_postcode, "
      "delivery_city, delivery_country_code, payment_method, status, updated_at) VALUES (" +
      i + ", 'O-" + i +
      "', 1, 1, '2026-11-25', '2026-12-01', 'SEK', 'Kund', 'Gatan 1', "
      "'41101', 'Göteborg', 'SE', '" +
      payment + "', 'OPEN', '2026-11-25 09:00:00')");
  db.Exec(
      "INSERT INTO customer_order_line (order_id, line_no, article_no, description, quantity, "
      "unit_price) VALUES (" +
      i + ", 1, 'A-1', 'Kaffekopp', 2, 10), (" + i + ", 2, 'A-2', 'Tekanna', 1, 25.50), (" + i +
      ", 3, 'FRAKT', 'Frakt', 1, 49), (" + i + ", 4, NULL, 'Tack!', 1, 0)");
}

jobs::ConnectionConfig Connection(const ErpBackend& db, const SimProcess& sim) {
  jobs::ConnectionConfig c = test::BaseConnection(db, sim);
  c.warehouses = {"MAIN"};
  c.export_customer_orders = true;
  c.export_purchase_orders = true;
  c.batch_size = 2;
  c.wms_page_size = 2;  // several read calls even for small test data
  return c;
}

jobs::JobOptions Options() {
  jobs::JobOptions o = test::BaseJobOptions();
  o.retry.max_attempts = 1;
  return o;
}

Poco::Logger& Log() {
  return test::TestLog();
}

jobs::JobResult Deliveries(const ErpBackend& db, const SimProcess& sim, bool invoice = false,
                           bool full = false) {
  auto c = Connection(db, sim);
  c.invoice_at_delivery = invoice;
  auto o = Options();
  o.full = full;
  return jobs::RunDeliveryJob(c, o, Log());
}

// Every test starts here: the reference data in the ERP and its articles in Ongoing.
void SeedAndExportArticles(const ErpBackend& db, SimProcess& sim) {
  Seed(db);
  jobs::RunArticleJob(Connection(db, sim), Options(), Log());
}

std::string OrderStatus(const ErpBackend& db, int order_id) {
  return db.Scalar("SELECT status FROM customer_order WHERE order_id = " +
                   std::to_string(order_id));
}

// Asserts `column` of every line of one document exactly, lines 1..n in order, and that the
// document has no other line, so that no line goes unchecked. A failure names the caller's line.
void CheckLines(const ErpBackend& db, const std::string& table, const std::string& key, int id,
                const std::string& column, const std::vector<double>& expected,
                const std::source_location& at) {
  const std::string where = "checked at line " + std::to_string(at.line()) + ": " + table + " ";
  const std::string from = " FROM " + table + " WHERE " + key + " = " + std::to_string(id);
  BOOST_TEST(db.Count("SELECT *" + from) == static_cast<long>(expected.size()),
             where + "line count");
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const std::string line_no = std::to_string(i + 1);
    const std::string actual =
        db.Scalar("SELECT CAST(CAST(" + column + " AS NUMERIC(12,3)) AS VARCHAR(20))" + from +
                  " AND line_no = " + line_no);
    BOOST_TEST(SameQuantity(actual, expected[i]), where + "line " + line_no + ": " + column +
                                                      " is '" + actual + "', expected " +
                                                      std::to_string(expected[i]));
  }
}

// Lines of AddOrder: 1 = A-1, 2 = A-2, 3 = freight and 4 = text, which stay 0 (R10, R11).
void CheckDelivered(const ErpBackend& db, int order_id, const std::vector<double>& expected,
                    const std::source_location& at = std::source_location::current()) {
  CheckLines(db, "customer_order_line", "order_id", order_id, "delivered_qty", expected, at);
}

void CheckReceived(const ErpBackend& db, int po_id, const std::vector<double>& expected,
                   const std::source_location& at = std::source_location::current()) {
  CheckLines(db, "purchase_order_line", "po_id", po_id, "received_qty", expected, at);
}

// Purchase order PO-1 (line 1 = 10 x A-1, line 2 = 5 x A-2), sent to Ongoing.
void AddAndSendPurchaseOrder(const ErpBackend& db, const SimProcess& sim) {
  test::AddPurchaseOrderPo1(db);
  jobs::RunPurchaseOrderJob(Connection(db, sim), Options(), Log());
}

jobs::JobResult Receipts(const ErpBackend& db, const SimProcess& sim, bool full = false) {
  auto o = Options();
  o.full = full;
  return jobs::RunReceiptJob(Connection(db, sim), o, Log());
}

}  // namespace

ERP_BACKEND_TEST(
    a_full_delivery_sets_quantities_status_tracking_and_refuses_the_waiting_update_R18_R26_R15) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  // A newer version waits to be sent while the warehouse ships the order.
  db.Exec(
      "UPDATE customer_order SET remark = 'Ändrad', updated_at = '2026-11-27 08:00:00' "
      "WHERE order_id = 1");
  sim.store().Ship("O-1", {}, {{"PKG-1", "https://track.example/PKG-1", 0}});
  const auto result = Deliveries(db, sim);
  BOOST_TEST(result.sent == 1u, result.summary);
  CheckDelivered(db, 1, {2, 1, 0, 0});
  BOOST_TEST(OrderStatus(db, 1) == "DELIVERED");  // text and freight lines not expected back
  BOOST_TEST(db.Scalar("SELECT status FROM wms_document_status WHERE doc_no = 'O-1'") ==
             "DELIVERED");
  BOOST_TEST(db.Scalar("SELECT tracking_url FROM shipment_tracking WHERE order_id = 1") ==
             "https://track.example/PKG-1");

  // R15: the waiting update is refused locally now that Ongoing reported full delivery.
  sim.store().ResetCalls();
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  BOOST_TEST(sim.store().CallCount(sim::Operation::kProcessOrder) == 0);
  BOOST_TEST(db.Scalar("SELECT message FROM wms_document_status WHERE doc_no = 'O-1'")
                 .find("fully delivered") != std::string::npos);
}

ERP_BACKEND_TEST(a_shipped_internal_order_gets_its_delivered_quantities_R18_R23) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  db.Exec(
      "UPDATE warehouse SET address = 'Hamngatan 1', postcode = '41101', city = 'Göteborg', "
      "country_code = 'SE' WHERE warehouse_id = 1");
  db.Exec(
      "INSERT INTO warehouse (warehouse_id, code, name, address, postcode, city, "
      "country_code) VALUES (2, 'SHOP', 'Butik', 'Torget 2', '21134', 'Malmö', 'SE')");
  db.Exec(
      "INSERT INTO internal_order (io_id, io_no, from_warehouse_id, to_warehouse_id, "
      "delivery_date, status, updated_at) VALUES (1, 'T-1', 1, 2, '2026-12-03', 'OPEN', "
      "'2026-11-25 09:00:00')");
  db.Exec(
      "INSERT INTO internal_order_line (io_id, line_no, article_no, quantity) VALUES "
      "(1, 1, 'A-2', 3)");
  auto send = Options();
  send.only_doc_no = "T-1";
  jobs::RunInternalOrderJob(Connection(db, sim), send, Log());
  sim.store().Ship("IO-T-1");
  Deliveries(db, sim);
  BOOST_TEST(db.Scalar("SELECT status FROM internal_order WHERE io_id = 1") == "DELIVERED");
  BOOST_TEST(SameQuantity(db.Scalar("SELECT CAST(delivered_qty AS VARCHAR(20)) FROM "
                                    "internal_order_line WHERE io_id = 1"),
                          3));
}

ERP_BACKEND_TEST(a_partial_delivery_then_the_rest_with_parcels_added_later_R18_R26) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  sim.store().Ship("O-1", {{"1", "1"}}, {{"PKG-1", "https://t.example/1", 0}});
  Deliveries(db, sim);
  CheckDelivered(db, 1, {1, 0, 0, 0});
  BOOST_TEST(OrderStatus(db, 1) == "PARTIALLY_DELIVERED");

  sim.store().Ship("O-1", {{"1", "2"}, {"2", "1"}}, {{"PKG-2", "https://t.example/2", 0}});
  Deliveries(db, sim);
  CheckDelivered(db, 1, {2, 1, 0, 0});  // set to Ongoing's figure, never added to
  BOOST_TEST(OrderStatus(db, 1) == "DELIVERED");
  BOOST_TEST(db.Count("SELECT * FROM shipment_tracking WHERE order_id = 1") == 2);
}

ERP_BACKEND_TEST(a_picked_quantity_the_warehouse_lowers_is_set_down_never_kept_or_added_R18) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  sim.store().Ship("O-1", {{"1", "2"}});
  Deliveries(db, sim);
  CheckDelivered(db, 1, {2, 0, 0, 0});
  BOOST_TEST(OrderStatus(db, 1) == "PARTIALLY_DELIVERED");

  // The warehouse corrects its count: one cup less was picked than reported before.
  sim.store().Ship("O-1", {{"1", "1"}});
  Deliveries(db, sim);
  CheckDelivered(db, 1, {1, 0, 0, 0});  // Ongoing's figure: not 3 (added), not 2 (kept)
  BOOST_TEST(OrderStatus(db, 1) == "PARTIALLY_DELIVERED");
}

ERP_BACKEND_TEST(reading_the_same_report_twice_changes_nothing_R18_R19_R26) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  sim.store().Ship("O-1", {}, {{"PKG-1", "https://t.example/1", 0}});
  Deliveries(db, sim, true);
  CheckDelivered(db, 1, {2, 1, 0, 0});
  const auto again = Deliveries(db, sim, true, true);  // full: the same report once more
  BOOST_TEST(again.sent == 0u, again.summary);
  CheckDelivered(db, 1, {2, 1, 0, 0});
  BOOST_TEST(db.Count("SELECT * FROM shipment_tracking") == 1);
  BOOST_TEST(db.Count("SELECT * FROM invoice") == 1);
}

// Issue 15, point 4: an order whose quantities, status and parcels the ERP already holds costs
// no write: a re-read of shipped orders (every run reads an hour back) is read-only. A change
// Ongoing reports later (a lowered figure) is written again.
ERP_BACKEND_TEST(a_re_read_of_an_applied_delivery_writes_nothing) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  sim.store().Ship("O-1", {}, {{"PKG-1", "https://t.example/1", 0}});
  const auto applied = Deliveries(db, sim);
  const std::string last_run = "SELECT last_run_id FROM wms_sync_state WHERE doc_no = 'O-1'";
  BOOST_REQUIRE(db.Scalar(last_run) == std::to_string(applied.run_id));
  for (const bool full : {false, true}) {
    const auto again = Deliveries(db, sim, false, full);
    BOOST_TEST(again.sent == 0u, again.summary);
    BOOST_TEST(db.Scalar(last_run) == std::to_string(applied.run_id), "not written again");
    BOOST_TEST(test::DocumentField(db, "customer_order", "O-1", "status") == "DELIVERED");
  }
  CheckDelivered(db, 1, {2, 1, 0, 0});
  BOOST_TEST(db.Count("SELECT * FROM shipment_tracking") == 1);

  // The ERP's own status was changed by hand: the report puts it right again.
  db.Exec("UPDATE customer_order SET status = 'OPEN' WHERE order_id = 1");
  const auto corrected = Deliveries(db, sim, false, true);
  BOOST_TEST(db.Scalar(last_run) == std::to_string(corrected.run_id));
  BOOST_TEST(db.Scalar("SELECT status FROM customer_order WHERE order_id = 1") == "DELIVERED");
}

ERP_BACKEND_TEST(with_invoicing_on_each_delivery_gets_one_invoice_and_klarna_is_flagged_R19) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1, "KLARNA");
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  sim.store().Ship("O-1", {{"1", "1"}}, {});
  Deliveries(db, sim, true);
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE order_id = 1") == 1);
  // First invoice: 1 x 10.00 + the freight 49.00.
  BOOST_TEST(SameQuantity(db.Scalar("SELECT CAST(total AS VARCHAR(20)) FROM invoice"), 59));
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE activate_klarna = TRUE") == 1);

  sim.store().Ship("O-1", {{"1", "2"}, {"2", "1"}}, {});
  Deliveries(db, sim, true);
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE order_id = 1") == 2);
  BOOST_TEST(SameQuantity(db.Scalar("SELECT CAST(MAX(total) AS VARCHAR(20)) FROM invoice WHERE "
                                    "invoice_id = (SELECT MAX(invoice_id) FROM invoice)"),
                          35.5));
  Deliveries(db, sim, true, true);
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE order_id = 1") == 2, "never twice");
}

ERP_BACKEND_TEST(orders_this_connection_did_not_send_are_skipped_not_errors) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  ongoing::SoapWmsClient client(sim.Endpoint());
  wms::CustomerOrder foreign;
  foreign.order_number = "FOREIGN-1";
  foreign.delivery_date = "2026-12-01";
  foreign.consignee.name = "X";
  foreign.lines = {{"1", "A-1", "", "1", std::nullopt, std::nullopt, ""}};
  client.ProcessOrder(foreign);
  sim.store().Ship("FOREIGN-1");
  const auto result = Deliveries(db, sim);
  BOOST_TEST(pipeline::ToString(result.status) ==
             pipeline::ToString(pipeline::RunStatus::kCompleted));
  BOOST_TEST(result.summary.find("skipped 1") != std::string::npos, result.summary);
}

ERP_BACKEND_TEST(a_report_above_the_ordered_quantity_is_rejected_alone_R30) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1);
  AddOrder(db, 2);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  // The ERP lowered line 1 of O-1 after sending; Ongoing still picks 2.
  db.Exec("UPDATE customer_order_line SET quantity = 1 WHERE order_id = 1 AND line_no = 1");
  sim.store().Ship("O-1");
  sim.store().Ship("O-2");
  const auto result = Deliveries(db, sim);
  BOOST_TEST(result.rejected == 1u, result.summary);
  BOOST_TEST(OrderStatus(db, 2) == "DELIVERED");
  CheckDelivered(db, 2, {2, 1, 0, 0});
  CheckDelivered(db, 1, {0, 0, 0, 0});  // nothing of a refused report is applied
  BOOST_TEST(db.Scalar("SELECT reason FROM wms_run_record WHERE outcome = 'rejected'") ==
             "Ongoing reports 2 delivered on line 1 where 1 were ordered");
}

ERP_BACKEND_TEST(a_dry_run_of_the_read_backs_tells_what_it_would_do_and_writes_nothing) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1, "KLARNA");
  AddOrder(db, 2);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  // The ERP lowered line 1 of O-2 after sending: its report will be refused.
  db.Exec("UPDATE customer_order_line SET quantity = 1 WHERE order_id = 2 AND line_no = 1");
  sim.store().Ship("O-1", {}, {{"PKG-1", "https://t.example/1", 0}});
  sim.store().Ship("O-2");
  AddAndSendPurchaseOrder(db, sim);
  sim.store().Receive("PO-1", {{"1", "4"}});
  const std::string before =
      db.Scalar("SELECT status FROM customer_order WHERE order_id = 1") + " " +
      db.Scalar("SELECT status FROM purchase_order WHERE po_id = 1") + " " +
      db.Scalar("SELECT status FROM wms_document_status WHERE doc_no = 'O-1'") + " " +
      std::to_string(db.Count("SELECT * FROM wms_run")) + " " +
      std::to_string(db.Count("SELECT * FROM wms_run_record"));

  auto connection = Connection(db, sim);
  connection.invoice_at_delivery = true;
  auto dry = Options();
  dry.dry_run = true;
  const auto deliveries = jobs::RunDeliveryJob(connection, dry, Log());
  BOOST_TEST(deliveries.run_id == 0);
  BOOST_TEST(deliveries.sent == 1u, deliveries.summary);
  BOOST_TEST(deliveries.rejected == 1u, deliveries.summary);
  const auto receipts = jobs::RunReceiptJob(connection, dry, Log());
  BOOST_TEST(receipts.sent == 1u, receipts.summary);

  CheckDelivered(db, 1, {0, 0, 0, 0});
  CheckDelivered(db, 2, {0, 0, 0, 0});
  CheckReceived(db, 1, {0, 0});
  BOOST_TEST(db.Scalar("SELECT status FROM customer_order WHERE order_id = 1") + " " +
                 db.Scalar("SELECT status FROM purchase_order WHERE po_id = 1") + " " +
                 db.Scalar("SELECT status FROM wms_document_status WHERE doc_no = 'O-1'") + " " +
                 std::to_string(db.Count("SELECT * FROM wms_run")) + " " +
                 std::to_string(db.Count("SELECT * FROM wms_run_record")) ==
             before);
  BOOST_TEST(db.Count("SELECT * FROM shipment_tracking") == 0);
  BOOST_TEST(db.Count("SELECT * FROM invoice") == 0);

  // The real run afterwards applies everything.
  const auto real = jobs::RunDeliveryJob(connection, Options(), Log());
  BOOST_TEST(real.sent == 1u, real.summary);
  CheckDelivered(db, 1, {2, 1, 0, 0});
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE activate_klarna = TRUE") == 1);
}

ERP_BACKEND_TEST(paging_over_several_pages_applies_every_order_once) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  for (int i = 1; i <= 5; ++i)
    AddOrder(db, i);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  for (int i = 1; i <= 5; ++i)
    sim.store().Ship("O-" + std::to_string(i));
  sim.store().ResetCalls();
  const auto result = Deliveries(db, sim);
  BOOST_TEST(result.sent == 5u, result.summary);
  BOOST_TEST(sim.store().CallCount(sim::Operation::kGetOrdersByQuery) >= 3, "pages of 2");
  BOOST_TEST(db.Count("SELECT * FROM customer_order WHERE status = 'DELIVERED'") == 5);
}

ERP_BACKEND_TEST(a_run_broken_off_while_reading_is_completed_by_the_next_without_doubles_R31) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  for (int i = 1; i <= 5; ++i)
    AddOrder(db, i);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  for (int i = 1; i <= 5; ++i)
    sim.store().Ship("O-" + std::to_string(i));
  sim::FaultSpec drop;
  drop.kind = sim::FaultKind::kDrop;
  drop.operation = sim::Operation::kGetOrdersByQuery;
  drop.every = 2;  // the second page never arrives
  drop.times = 1;
  sim.store().AddFault(drop);
  const auto broken = Deliveries(db, sim, true);
  BOOST_TEST(pipeline::ToString(broken.status) ==
             pipeline::ToString(pipeline::RunStatus::kAborted));
  BOOST_TEST(db.Count("SELECT * FROM customer_order WHERE status = 'DELIVERED'") < 5);
  Deliveries(db, sim, true);
  BOOST_TEST(db.Count("SELECT * FROM customer_order WHERE status = 'DELIVERED'") == 5);
  for (int i = 1; i <= 5; ++i)
    CheckDelivered(db, i, {2, 1, 0, 0});  // orders read by both runs are not doubled
  BOOST_TEST(db.Count("SELECT * FROM invoice") == 5, "one invoice per order, none twice");
}

ERP_BACKEND_TEST(receipts_set_received_quantities_partially_then_fully_R22) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddAndSendPurchaseOrder(db, sim);
  sim.store().Receive("PO-1", {{"1", "4"}});
  Receipts(db, sim);
  CheckReceived(db, 1, {4, 0});  // line 2 untouched by the warehouse
  BOOST_TEST(db.Scalar("SELECT status FROM purchase_order") == "PARTIALLY_RECEIVED");
  sim.store().Receive("PO-1");
  Receipts(db, sim);
  CheckReceived(db, 1, {10, 5});  // set to Ongoing's figure, never added to
  BOOST_TEST(db.Scalar("SELECT status FROM purchase_order") == "RECEIVED");
  BOOST_TEST(db.Scalar("SELECT status FROM wms_document_status WHERE doc_no = 'PO-1'") ==
             "RECEIVED");
  const auto again = Receipts(db, sim, true);
  BOOST_TEST(again.sent == 0u, again.summary);
  CheckReceived(db, 1, {10, 5});
}

ERP_BACKEND_TEST(reading_the_same_receipt_twice_changes_no_quantity_R22) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddAndSendPurchaseOrder(db, sim);
  sim.store().Receive("PO-1", {{"1", "4"}, {"2", "5"}});
  const auto first = Receipts(db, sim);
  BOOST_TEST(first.sent == 1u, first.summary);
  CheckReceived(db, 1, {4, 5});
  // The next run's window overlaps the last one: it reads the same receipt again; so does a
  // full read.
  const auto again = Receipts(db, sim);
  BOOST_TEST(again.sent == 0u, again.summary);
  CheckReceived(db, 1, {4, 5});
  const auto full = Receipts(db, sim, true);
  BOOST_TEST(full.sent == 0u, full.summary);
  CheckReceived(db, 1, {4, 5});
  BOOST_TEST(db.Scalar("SELECT status FROM purchase_order") == "PARTIALLY_RECEIVED");
}

ERP_BACKEND_TEST(a_receipt_the_warehouse_lowers_sets_the_line_to_ongoings_figure_R22) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddAndSendPurchaseOrder(db, sim);
  sim.store().Receive("PO-1", {{"1", "6"}, {"2", "5"}});
  Receipts(db, sim);
  CheckReceived(db, 1, {6, 5});

  // The warehouse corrects its count: Ongoing now reports 4 on line 1 where it said 6.
  sim.store().Receive("PO-1", {{"1", "4"}});
  const auto corrected = Receipts(db, sim);
  BOOST_TEST(corrected.sent == 1u, corrected.summary);
  CheckReceived(db, 1, {4, 5});  // Ongoing's figure: not 10 (added), not 6 (kept)
  BOOST_TEST(db.Scalar("SELECT status FROM purchase_order") == "PARTIALLY_RECEIVED");
}

// --- Issue 11: what comes back is exactly what the warehouse did --------------------------------

ERP_BACKEND_TEST(only_parcels_booked_with_the_carrier_reach_shipment_tracking_R26) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  // The warehouse packs in its own box and pallet (IsTaPalletItem false) besides the parcel it
  // books with the carrier and the shipment's waybill.
  BOOST_TEST(sim.Cli({"ship", "--order", "O-1", "--parcel", "PKG-1=https://t.example/PKG-1",
                      "--package", "BOX-1", "--package", "PALLET-7", "--waybill", "WB-1",
                      "--waybill-url", "https://t.example/WB-1"}) == 0);
  const auto result = Deliveries(db, sim);
  BOOST_TEST(result.sent == 1u, result.summary);
  BOOST_TEST(db.Count("SELECT * FROM shipment_tracking WHERE order_id = 1") == 2);
  BOOST_TEST(db.Count("SELECT * FROM shipment_tracking WHERE tracking_no IN ('PKG-1', 'WB-1')") ==
             2);
  BOOST_TEST(db.Count("SELECT * FROM shipment_tracking WHERE tracking_no IN ('BOX-1', "
                      "'PALLET-7')") == 0);

  // A later internal package alone changes nothing and never appears.
  sim.store().Ship("O-1", {}, {{"BOX-2", "", 0, false}});
  const auto later = Deliveries(db, sim, false, true);
  BOOST_TEST(later.sent == 0u, later.summary);
  BOOST_TEST(db.Count("SELECT * FROM shipment_tracking") == 2);
}

ERP_BACKEND_TEST(a_shipped_time_is_stored_as_one_erp_time_whatever_form_ongoing_writes_R26) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  for (int i = 1; i <= 5; ++i)
    AddOrder(db, i);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  // One instant, 2026-07-01 12:27:00.25 UTC (14:27 in Stockholm, summer time), written by the
  // simulator in each form a .NET service writes a DateTime in; each order read by its own run.
  const std::vector<std::string> forms = {"utc", "offset", "local", "offset-fraction"};
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const std::string no = "O-" + std::to_string(i + 1);
    BOOST_TEST(sim.Cli({"time-form", forms[i]}) == 0);
    BOOST_TEST(sim.Cli({"ship", "--order", no, "--parcel", "PKG-" + no + "=", "--shipped-time",
                        "2026-07-01T12:27:00.25Z"}) == 0);
    const auto result = Deliveries(db, sim);
    BOOST_TEST(result.sent == 1u, forms[i] << ": " << result.summary);
  }
  for (int i = 1; i <= 4; ++i) {
    BOOST_TEST(db.Scalar("SELECT CAST(shipped_at AS VARCHAR(30)) FROM shipment_tracking WHERE "
                         "order_id = " +
                         std::to_string(i)) == "2026-07-01 14:27:00",
               "O-" << i << " read in form " << forms[i - 1]);
  }
  // An ERP that keeps UTC says so in the connection.
  BOOST_TEST(sim.Cli({"time-form", "local-fraction"}) == 0);
  sim.store().Ship("O-5", {}, {{"PKG-O-5", "", 0}}, sim::OrderStatus::kSent, {},
                   "2026-07-01T12:27:00.25Z");
  auto utc = Connection(db, sim);
  utc.erp_time_zone = stages::TimeZone::Named("UTC").value();
  jobs::RunDeliveryJob(utc, Options(), Log());
  BOOST_TEST(db.Scalar("SELECT CAST(shipped_at AS VARCHAR(30)) FROM shipment_tracking WHERE "
                       "order_id = 5") == "2026-07-01 12:27:00");
}

ERP_BACKEND_TEST(a_purchase_order_with_a_service_line_is_received_when_its_stock_lines_are_R22) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  db.Exec(
      "INSERT INTO purchase_order (po_id, po_no, supplier_no, supplier_name, warehouse_id, "
      "order_date, delivery_date, status, updated_at) VALUES (2, 'PO-2', 'S-1', 'Lev AB', 1, "
      "'2026-11-24', '2026-12-02', 'OPEN', '2026-11-25 09:00:00')");
  db.Exec(
      "INSERT INTO purchase_order_line (po_id, line_no, article_no, quantity) VALUES "
      "(2, 1, 'A-1', 10), (2, 2, 'FRAKT', 1)");  // the supplier's freight: never received
  jobs::RunPurchaseOrderJob(Connection(db, sim), Options(), Log());
  sim.store().Receive("PO-2", {{"1", "4"}});
  Receipts(db, sim);
  BOOST_TEST(db.Scalar("SELECT status FROM purchase_order WHERE po_id = 2") ==
             "PARTIALLY_RECEIVED");
  sim.store().Receive("PO-2");
  const auto full = Receipts(db, sim);
  BOOST_TEST(full.sent == 1u, full.summary);
  CheckReceived(db, 2, {10, 0});
  BOOST_TEST(db.Scalar("SELECT status FROM purchase_order WHERE po_id = 2") == "RECEIVED");
  BOOST_TEST(db.Scalar("SELECT status FROM wms_document_status WHERE doc_no = 'PO-2'") ==
             "RECEIVED");
}

ERP_BACKEND_TEST(turning_invoicing_on_invoices_only_deliveries_applied_after_it_R19) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  for (int i = 1; i <= 3; ++i)
    AddOrder(db, i);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  // Before invoicing is switched on: O-1 delivered in full, O-2 one cup of two (both invoiced
  // by hand, outside this product).
  sim.store().Ship("O-1");
  sim.store().Ship("O-2", {{"1", "1"}});
  Deliveries(db, sim);
  BOOST_TEST(OrderStatus(db, 1) == "DELIVERED");

  // Invoicing on. Ongoing reports all of them again (a full read; a status change does the
  // same): O-1 adds nothing, O-2 adds a cup and the teapot, O-3 is delivered for the first time.
  sim.store().Ship("O-2");
  sim.store().Ship("O-3");
  const auto on = Deliveries(db, sim, true, true);
  BOOST_TEST(on.sent == 2u, on.summary);
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE order_id = 1") == 0);
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE order_id = 2") == 1);
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE order_id = 3") == 1);
  // O-2: 1 x 10.00 + 1 x 25.50; its freight went with the first delivery, before invoicing.
  BOOST_TEST(SameQuantity(
      db.Scalar("SELECT CAST(total AS VARCHAR(20)) FROM invoice WHERE order_id = 2"), 35.5));
  BOOST_TEST(db.Count("SELECT * FROM invoice_line l JOIN invoice i ON i.invoice_id = "
                      "l.invoice_id WHERE i.order_id = 2 AND l.article_no = 'FRAKT'") == 0);
  // O-3: 2 x 10.00 + 25.50 + the freight 49.00.
  BOOST_TEST(SameQuantity(
      db.Scalar("SELECT CAST(total AS VARCHAR(20)) FROM invoice WHERE order_id = 3"), 94.5));

  const auto again = Deliveries(db, sim, true, true);
  BOOST_TEST(again.sent == 0u, again.summary);
  BOOST_TEST(db.Count("SELECT * FROM invoice") == 2, "never twice");
}

// --- Report-back (issue 16, point 1; reference notes 6c) -------------------------------------

namespace {

jobs::ConnectionConfig ReportBackConnection(const ErpBackend& db, const SimProcess& sim) {
  auto c = Connection(db, sim);
  c.readback_mode = jobs::ReadbackMode::kReportBack;
  return c;
}

jobs::JobResult ReportedDeliveries(const ErpBackend& db, const SimProcess& sim,
                                   bool invoice = false) {
  auto c = ReportBackConnection(db, sim);
  c.invoice_at_delivery = invoice;
  return jobs::RunDeliveryJob(c, Options(), Log());
}

jobs::JobResult ReportedReceipts(const ErpBackend& db, const SimProcess& sim) {
  return jobs::RunReceiptJob(ReportBackConnection(db, sim), Options(), Log());
}

// ReportedNumberOfItems of each article line of an order in the simulator ("" = nil).
std::vector<std::string> OrderMarks(SimProcess& sim, const std::string& order_number) {
  std::vector<std::string> marks;
  const auto order = sim.store().FindOrder(order_number);
  for (const sim::OrderLine& line : order.value().lines) {
    if (!line.is_text_line)
      marks.push_back(line.reported_qty);
  }
  return marks;
}

std::vector<std::string> InOrderMarks(SimProcess& sim, const std::string& order_number) {
  std::vector<std::string> marks;
  const auto in_order = sim.store().FindInOrder(order_number);
  for (const sim::InOrderLine& line : in_order.value().lines)
    marks.push_back(line.reported_qty);
  return marks;
}

// True when the run handled no document at all: Ongoing listed nothing to report.
bool NothingRead(const jobs::JobResult& result) {
  return result.summary.rfind("sent 0, unchanged 0, rejected 0, failed 0, skipped 0", 0) == 0;
}

// Makes the ERP's commit of any delivered quantity fail (a deferred check, so that every
// statement of the transaction runs and only the commit fails). SQLite checks deferred
// foreign keys only with FKSupport=1.
void FailDeliveryCommits(const ErpBackend& db) {
  if (db.Name() == "sqlite") {
    db.Exec("CREATE TABLE wms_test_parent (id INTEGER PRIMARY KEY)");
    db.Exec(
        "CREATE TABLE wms_test_child (id INTEGER REFERENCES wms_test_parent (id) DEFERRABLE "
        "INITIALLY DEFERRED)");
    db.Exec(
        "CREATE TRIGGER wms_test_fail AFTER UPDATE OF delivered_qty ON customer_order_line "
        "BEGIN INSERT INTO wms_test_child VALUES (1); END");
    return;
  }
  db.Exec(
      "CREATE FUNCTION wms_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the ERP "
      "fails'; END $$ LANGUAGE plpgsql");
  db.Exec(
      "CREATE CONSTRAINT TRIGGER wms_test_fail AFTER UPDATE ON customer_order_line DEFERRABLE "
      "INITIALLY DEFERRED FOR EACH ROW EXECUTE PROCEDURE wms_test_fail()");
}

void StopFailingDeliveryCommits(const ErpBackend& db) {
  db.Exec("DROP TRIGGER wms_test_fail" +
          std::string(db.Name() == "sqlite" ? "" : " ON customer_order_line"));
}

}  // namespace

ERP_BACKEND_TEST(
    report_back_marks_each_line_with_what_the_erp_took_and_reads_only_what_is_left_R18) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  sim.store().Ship("O-1", {{"1", "1"}}, {{"PKG-1", "https://t.example/1", 0}});
  const auto first = ReportedDeliveries(db, sim);
  BOOST_TEST(first.sent == 1u, first.summary);
  CheckDelivered(db, 1, {1, 0, 0, 0});
  // Line 1 is marked with what the ERP holds; line 2 (nothing picked, nothing to report) stays nil.
  const auto marks = OrderMarks(sim, "O-1");
  BOOST_TEST(marks.size() == 2u);  // A-1, A-2 (the freight line is never sent, R11)
  BOOST_TEST(SameQuantity(marks.at(0), 1), marks.at(0));
  BOOST_TEST(marks.at(1) == "");

  // Nothing new in the warehouse: one read call, no write, no document handled.
  sim.store().ResetCalls();
  const auto idle = ReportedDeliveries(db, sim);
  BOOST_TEST(sim.store().CallCount(sim::Operation::kGetOrdersByQuery) == 1);
  BOOST_TEST(sim.store().TotalWriteCalls() == 0);
  BOOST_TEST(NothingRead(idle), idle.summary);

  // The rest is shipped: the order is to report again, and only the changed lines are marked.
  sim.store().Ship("O-1");
  const auto rest = ReportedDeliveries(db, sim);
  BOOST_TEST(rest.sent == 1u, rest.summary);
  CheckDelivered(db, 1, {2, 1, 0, 0});
  BOOST_TEST(OrderStatus(db, 1) == "DELIVERED");
  const auto full = OrderMarks(sim, "O-1");
  BOOST_TEST(SameQuantity(full.at(0), 2), full.at(0));
  BOOST_TEST(SameQuantity(full.at(1), 1), full.at(1));
  BOOST_TEST(sim.store().CallCount(sim::Operation::kUpdateOrderLines) == 1);
}

ERP_BACKEND_TEST(a_failed_mark_is_made_by_the_next_run_and_nothing_is_applied_twice_R18_R19_R26) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  sim.store().Ship("O-1", {}, {{"PKG-1", "https://t.example/1", 0}});
  // The run stops between applying and marking: the marking call never gets an answer.
  sim::FaultSpec lost;
  lost.kind = sim::FaultKind::kDrop;
  lost.operation = sim::Operation::kUpdateOrderLines;
  lost.times = 1;
  sim.store().AddFault(lost);
  const auto broken = ReportedDeliveries(db, sim, true);
  BOOST_TEST(broken.sent == 1u, broken.summary);
  CheckDelivered(db, 1, {2, 1, 0, 0});
  BOOST_TEST(OrderMarks(sim, "O-1").at(0) == "", "not marked: still to report");

  // The next run reads it again, applies nothing twice and marks it.
  const auto next = ReportedDeliveries(db, sim, true);
  BOOST_TEST(next.sent == 0u, next.summary);
  CheckDelivered(db, 1, {2, 1, 0, 0});
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE order_id = 1") == 1, "never twice");
  BOOST_TEST(db.Count("SELECT * FROM invoice_line") == 3);  // freight
  BOOST_TEST(db.Count("SELECT * FROM shipment_tracking WHERE order_id = 1") == 1);
  const auto marks = OrderMarks(sim, "O-1");
  BOOST_TEST(SameQuantity(marks.at(0), 2), marks.at(0));
  BOOST_TEST(SameQuantity(marks.at(1), 1), marks.at(1));

  sim.store().ResetCalls();
  BOOST_TEST(NothingRead(ReportedDeliveries(db, sim, true)));
  BOOST_TEST(sim.store().TotalWriteCalls() == 0);
}

// Killed for real between applying and marking (issue 16 point 1, R31): the run applied the
// delivery and committed it, its UpdateOrderLines hangs in Ongoing, and the process is killed
// (SIGKILL). The order is still to report in Ongoing, so the next run reads it again, applies
// nothing twice (quantities, the tracking row, the invoice) and marks it.
ERP_BACKEND_TEST(a_run_killed_between_applying_and_marking_applies_nothing_twice_R18_R31) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  sim.store().Ship("O-1", {}, {{"PKG-1", "https://t.example/1", 0}});
  test::InstallationFile file(db, sim, sim.dir());
  file.Connection("readback_mode", "report_back");
  file.Connection("invoice_at_delivery", "true");
  const std::string config = file.Write();
  sim::FaultSpec slow;
  slow.kind = sim::FaultKind::kLatency;
  slow.operation = sim::Operation::kUpdateOrderLines;
  slow.ms = 20000;
  sim.store().AddFault(slow);
  sim.store().ResetCalls();
  Poco::ProcessHandle run = Poco::Process::launch(
      test::WmsBridgeBinary(), {"--config", config, "--no-progress", "run", "deliveries"});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (sim.store().CallCount(sim::Operation::kUpdateOrderLines) < 1 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  BOOST_TEST_REQUIRE(sim.store().CallCount(sim::Operation::kUpdateOrderLines) == 1);
  Poco::Process::kill(run);  // SIGKILL: no chance to clean up
  run.wait();
  CheckDelivered(db, 1, {2, 1, 0, 0});
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE order_id = 1") == 1);
  BOOST_TEST(OrderMarks(sim, "O-1").at(0) == "", "killed before Ongoing took the mark");

  sim.store().ClearFaults();
  const auto rerun = test::RunCli({"--config", config, "run", "deliveries", "--no-progress"});
  BOOST_TEST(rerun.code == 0, rerun.output);
  CheckDelivered(db, 1, {2, 1, 0, 0});
  BOOST_TEST(OrderStatus(db, 1) == "DELIVERED");
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE order_id = 1") == 1, "never twice");
  BOOST_TEST(db.Count("SELECT * FROM invoice_line") == 3);  // freight
  BOOST_TEST(db.Count("SELECT * FROM shipment_tracking WHERE order_id = 1") == 1);
  const auto marks = OrderMarks(sim, "O-1");
  BOOST_TEST(SameQuantity(marks.at(0), 2), marks.at(0));
  BOOST_TEST(SameQuantity(marks.at(1), 1), marks.at(1));
}

ERP_BACKEND_TEST(an_order_is_marked_only_once_the_erp_has_committed_it_R18_R31) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddOrder(db, 1);
  jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  sim.store().Ship("O-1");
  FailDeliveryCommits(db);
  auto c = ReportBackConnection(db, sim);
  if (db.Name() == "sqlite")
    c.erp_odbc += ";FKSupport=1";
  try {
    jobs::RunDeliveryJob(c, Options(), Log());
  } catch (const std::exception&) {
    // The ERP's failure may end the run: what matters is what Ongoing and the ERP hold.
  }
  CheckDelivered(db, 1, {0, 0, 0, 0});
  BOOST_TEST(OrderMarks(sim, "O-1").at(0) == "", "the ERP does not hold it: not marked");

  StopFailingDeliveryCommits(db);
  ReportedDeliveries(db, sim);
  CheckDelivered(db, 1, {2, 1, 0, 0});
  BOOST_TEST(SameQuantity(OrderMarks(sim, "O-1").at(0), 2));
}

ERP_BACKEND_TEST(report_back_marks_received_lines_and_reads_only_in_orders_left_to_report_R22) {
  SimProcess sim;
  SeedAndExportArticles(db, sim);
  AddAndSendPurchaseOrder(db, sim);
  sim.store().Receive("PO-1", {{"1", "4"}});
  const auto first = ReportedReceipts(db, sim);
  BOOST_TEST(first.sent == 1u, first.summary);
  CheckReceived(db, 1, {4, 0});
  auto marks = InOrderMarks(sim, "PO-1");
  BOOST_TEST(SameQuantity(marks.at(0), 4), marks.at(0));
  BOOST_TEST(marks.at(1) == "");

  sim.store().ResetCalls();
  const auto idle = ReportedReceipts(db, sim);
  BOOST_TEST(sim.store().CallCount(sim::Operation::kGetInOrdersByQuery) == 1);
  BOOST_TEST(sim.store().TotalWriteCalls() == 0);
  BOOST_TEST(NothingRead(idle), idle.summary);

  // A failed mark is made by the next run, which applies nothing twice.
  sim.store().Receive("PO-1");
  sim::FaultSpec lost;
  lost.kind = sim::FaultKind::kHttp500;
  lost.operation = sim::Operation::kUpdateInOrderLines;
  lost.times = 1;
  sim.store().AddFault(lost);
  BOOST_TEST(ReportedReceipts(db, sim).sent == 1u);
  CheckReceived(db, 1, {10, 5});
  const auto again = ReportedReceipts(db, sim);
  BOOST_TEST(again.sent == 0u, again.summary);
  CheckReceived(db, 1, {10, 5});
  marks = InOrderMarks(sim, "PO-1");
  BOOST_TEST(SameQuantity(marks.at(0), 10), marks.at(0));
  BOOST_TEST(SameQuantity(marks.at(1), 5), marks.at(1));
}
