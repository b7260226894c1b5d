// The read-back stores and the rows their TypeHandlers map, on both backends (the SQLite ODBC
// driver and psqlODBC type computed columns differently; NULL reads as ""). R18, R19, R22,
// R26, R29. The decisions that use these rows are tested in tests/stages/.
#include <boost/test/unit_test.hpp>

#include "stages/erp/delivery_store.h"
#include "stages/erp/erp_transaction.h"
#include "stages/erp/receipt_store.h"
#include "tests/support/backend_test.h"
#include "tests/support/erp_backend.h"

using namespace wmsbridge;

namespace {

void SentAs(const test::ErpBackend& db, const std::string& doc_type, const std::string& doc_no,
            const std::string& erp_id, int wms_id) {
  db.Exec(
      "INSERT INTO wms_sync_state (connection_name, doc_type, doc_no, erp_id, wms_id, status) "
      "VALUES ('demo', '" +
      doc_type + "', '" + doc_no + "', '" + erp_id + "', " + std::to_string(wms_id) + ", 'SENT')");
}

}  // namespace

ERP_BACKEND_TEST(the_delivery_store_reads_a_customer_order_line_by_line_R18_R19_R26) {
  db.Exec(
      "INSERT INTO article (article_id, article_no, article_type, name) VALUES "
      "(1, 'A-1', 'STOCK', 'Kopp'), (3, 'FRAKT', 'SERVICE', 'Frakt')");
  db.Exec(
      "INSERT INTO customer_order (order_id, order_no, payment_method, status) VALUES "
      "(5, 'O-5', 'KLARNA', 'OPEN')");
  db.Exec(
      "INSERT INTO customer_order_line (order_id, line_no, article_no, description, quantity, "
      "unit_price, delivered_qty) VALUES (5, 1, 'A-1', 'Kopp', 2, 10.5, 1), "
      "(5, 2, 'FRAKT', NULL, 1, 49, 0), (5, 3, NULL, 'Tack!', 1, 0, 0)");
  db.Exec(
      "INSERT INTO shipment_tracking (order_id, parcel_no, tracking_no) VALUES (5, 1, 'PKG-1')");
  db.Exec("INSERT INTO invoice (invoice_id, invoice_no, order_id) VALUES (9, 'INV-9', 5)");
  db.Exec(
      "INSERT INTO invoice_line (invoice_id, line_no, article_no, quantity, unit_price) VALUES "
      "(9, 1, 'A-1', 1, 10.5)");
  SentAs(db, "customer_order", "O-5", "5", 1001);
  SentAs(db, "purchase_order", "PO-5", "5", 1002);

  auto session = db.Open();
  erp::DeliveryStore store(*session, "demo");
  BOOST_TEST(!store.FindSent(1002).has_value(), "a purchase order is not delivered");
  BOOST_TEST(!store.FindSent(4711).has_value());
  BOOST_TEST(!erp::DeliveryStore(*session, "other").FindSent(1001).has_value(),
             "another connection's document");
  const auto sent = store.FindSent(1001);
  BOOST_TEST_REQUIRE(sent.has_value());
  BOOST_TEST((sent->type == erp::DeliveredDocType::kCustomerOrder));
  BOOST_TEST(sent->doc_no == "O-5");
  BOOST_TEST(sent->erp_id == "5");

  const auto lines = store.Lines(*sent);
  BOOST_TEST_REQUIRE(lines.size() == 3u);
  BOOST_TEST(lines[0].line_no == "1");
  BOOST_TEST(lines[0].article_no == "A-1");
  BOOST_TEST(lines[0].article_type == "STOCK");
  BOOST_TEST(lines[0].description == "Kopp");
  BOOST_TEST(lines[0].order_no == "O-5");
  BOOST_TEST(lines[0].payment_method == "KLARNA");
  BOOST_TEST(lines[1].article_type == "SERVICE");
  BOOST_TEST(lines[1].description == "", "NULL reads as empty");
  BOOST_TEST(lines[2].article_no == "", "a text line has no article");
  BOOST_TEST(lines[2].article_type == "");
  BOOST_TEST(std::stod(lines[0].quantity) == 2.0);
  BOOST_TEST(std::stod(lines[0].delivered_qty) == 1.0);
  BOOST_TEST(std::stod(lines[0].unit_price) == 10.5);

  BOOST_TEST(store.TrackingNumbers("5") == std::vector<std::string>{"PKG-1"},
             boost::test_tools::per_element());
  const auto invoiced = store.InvoicedQuantities("5");
  BOOST_TEST_REQUIRE(invoiced.size() == 1u);
  BOOST_TEST(invoiced[0].line_no == "1");
  BOOST_TEST(std::stod(invoiced[0].quantity) == 1.0);
  BOOST_TEST(store.NextInvoiceId("5") == "10");
}

ERP_BACKEND_TEST(the_delivery_store_writes_one_documents_delivery_R18_R19_R26) {
  db.Exec("INSERT INTO customer_order (order_id, order_no, status) VALUES (5, 'O-5', 'OPEN')");
  db.Exec(
      "INSERT INTO customer_order_line (order_id, line_no, article_no, quantity, unit_price) "
      "VALUES (5, 1, 'A-1', 2, 10)");
  SentAs(db, "customer_order", "O-5", "5", 1001);
  auto session = db.Open();
  erp::DeliveryStore store(*session, "demo");
  const auto sent = store.FindSent(1001);
  BOOST_TEST_REQUIRE(sent.has_value());
  {
    erp::ErpTransaction transaction(session->session());
    store.SetDelivered(*sent, "1", "2");
    store.SetStatus(*sent, erp::DocStatus::kDelivered, "Ongoing status 450 Sent", 3);
    store.AddTracking("5", "PKG-1", "https://t.example/1", "POSTNORD", "2026-11-27 10:15:00");
    store.AddTracking("5", "PKG-2", "", "POSTNORD", "2026-11-27 10:15:00");
    const std::string id = store.NextInvoiceId("5");
    store.AddInvoice({id, "INV-" + id, "5", "2026-11-27 11:00:00", "20", true});
    store.AddInvoiceLine(id, {"1", "A-1", "", "2", "10"});
    transaction.Commit();
  }
  BOOST_TEST(std::stod(db.Scalar("SELECT CAST(delivered_qty AS VARCHAR(20)) FROM "
                                 "customer_order_line WHERE order_id = 5")) == 2.0);
  BOOST_TEST(db.Scalar("SELECT status FROM customer_order WHERE order_id = 5") == "DELIVERED");
  BOOST_TEST(db.Scalar("SELECT status FROM wms_sync_state WHERE doc_no = 'O-5'") == "DELIVERED");
  BOOST_TEST(db.Scalar("SELECT message FROM wms_sync_state WHERE doc_no = 'O-5'") ==
             "Ongoing status 450 Sent");
  BOOST_TEST(db.Scalar("SELECT tracking_no FROM shipment_tracking WHERE parcel_no = 2") == "PKG-2");
  BOOST_TEST(db.Scalar("SELECT invoice_no FROM invoice") == "INV-1");
  BOOST_TEST(db.Count("SELECT * FROM invoice WHERE activate_klarna = TRUE") == 1);
  BOOST_TEST(db.Count("SELECT * FROM invoice_line WHERE invoice_id = 1") == 1);
}

ERP_BACKEND_TEST(the_delivery_store_reads_an_internal_order_with_what_it_lacks_empty_R23) {
  db.Exec("INSERT INTO internal_order (io_id, io_no, status) VALUES (2, 'T-2', 'OPEN')");
  db.Exec(
      "INSERT INTO internal_order_line (io_id, line_no, article_no, quantity) VALUES "
      "(2, 1, 'A-2', 3)");
  SentAs(db, "internal_order", "T-2", "2", 2001);
  auto session = db.Open();
  erp::DeliveryStore store(*session, "demo");
  const auto sent = store.FindSent(2001);
  BOOST_TEST_REQUIRE(sent.has_value());
  BOOST_TEST((sent->type == erp::DeliveredDocType::kInternalOrder));
  const auto lines = store.Lines(*sent);
  BOOST_TEST_REQUIRE(lines.size() == 1u);
  BOOST_TEST(lines[0].article_no == "A-2");
  BOOST_TEST(lines[0].description == "");
  BOOST_TEST(lines[0].unit_price == "");
  BOOST_TEST(lines[0].payment_method == "");
  BOOST_TEST(lines[0].order_no == "T-2");
  BOOST_TEST(std::stod(lines[0].delivered_qty) == 0.0);
  store.SetDelivered(*sent, "1", "3");
  store.SetStatus(*sent, erp::DocStatus::kDelivered, "Ongoing status 450 Sent", 3);
  BOOST_TEST(db.Scalar("SELECT status FROM internal_order WHERE io_id = 2") == "DELIVERED");
}

ERP_BACKEND_TEST(the_receipt_store_reads_and_writes_a_purchase_order_R22) {
  db.Exec("INSERT INTO purchase_order (po_id, po_no, status) VALUES (4, 'PO-4', 'OPEN')");
  db.Exec(
      "INSERT INTO purchase_order_line (po_id, line_no, article_no, quantity, received_qty) "
      "VALUES (4, 1, 'A-1', 10, 4), (4, 2, 'A-2', 5, NULL)");
  SentAs(db, "purchase_order", "PO-4", "4", 3001);
  SentAs(db, "customer_order", "O-4", "4", 3002);
  auto session = db.Open();
  erp::ReceiptStore store(*session, "demo");
  BOOST_TEST(!store.FindSent(3002).has_value(), "a customer order is not received");
  const auto sent = store.FindSent(3001);
  BOOST_TEST_REQUIRE(sent.has_value());
  BOOST_TEST(sent->doc_no == "PO-4");
  const auto lines = store.Lines(*sent);
  BOOST_TEST_REQUIRE(lines.size() == 2u);
  BOOST_TEST(lines[0].article_no == "A-1");
  BOOST_TEST(std::stod(lines[0].quantity) == 10.0);
  BOOST_TEST(std::stod(lines[0].received_qty) == 4.0);
  BOOST_TEST(lines[1].received_qty == "", "NULL reads as empty");
  {
    erp::ErpTransaction transaction(session->session());
    store.SetReceived(*sent, "2", "5");
    store.SetStatus(*sent, erp::DocStatus::kPartiallyReceived,
                    "Ongoing in-order status 300 Received", 3);
    transaction.Commit();
  }
  BOOST_TEST(db.Scalar("SELECT status FROM purchase_order") == "PARTIALLY_RECEIVED");
  BOOST_TEST(db.Scalar("SELECT status FROM wms_sync_state WHERE doc_no = 'PO-4'") ==
             "PARTIALLY_RECEIVED");
}
