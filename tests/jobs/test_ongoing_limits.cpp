// Within Ongoing's limits (R32; issue 11 point 15; reference notes 6b, 6c) end to end: the ERP
// over ODBC (SQLite and PostgreSQL), the jobs and the command line, and the simulator over HTTP
// enforcing Ongoing's rate limits per method. One test per rule, named after it:
//  - a document Ongoing refused for its data is not sent again until its payload changes or a
//    person asks (`wmsbridge send`, a wms_send_request row; for articles `run articles
//    --full`); a refused cancel (of an order cancelled or deleted in the ERP) is not tried
//    again until a person asks;
//  - a rate-limited answer is waited out when it asks for a short wait, never retried at once;
//    a run that meets a limit stops calling the method, ends with exit 69 and says so, and
//    nothing is lost: the next run after the window completes;
//  - read-backs ask Ongoing for pages of wms_page_size, not of the run's batch size.
#define BOOST_TEST_MODULE ongoing_limits
#include <Poco/Logger.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "jobs/article_job.h"
#include "jobs/exit_codes.h"
#include "jobs/order_jobs.h"
#include "jobs/readback_jobs.h"
#include "tests/support/backend_test.h"
#include "tests/support/cli_process.h"
#include "tests/support/erp_backend.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;
using test::ErpBackend;
using test::SimProcess;

namespace {

// Reference data: warehouse MAIN, SEK, one delivery method, a customer, articles,
// FRAKT.
void Seed(const ErpBackend& db) {
  db.Exec("INSERT INTO warehouse (warehouse_id, code, name) VALUES (1, 'MAIN', 'Göteborg')");
  db.Exec("INSERT INTO currency (code, name) VALUES ('SEK', 'krona')");
  db.Exec(
      "INSERT INTO delivery_method (delivery_method_id, code, name, carrier_code, "
      "carrier_service_code, external_key) VALUES "
      "(1, 'PN', 'PostNord MyPack', 'POSTNORD', 'MYPACK', 'pn-mypack')");
  db.Exec("INSERT INTO customer (customer_id, customer_no, name) VALUES (1, 'K-1', 'Åsa Öberg')");
  test::AddStockAndFreightArticles(db);
}

// An article the ERP has and Ongoing does not (it came after the article export): Ongoing
// refuses every document that names it, for its data.
void AddArticleOngoingLacks(const ErpBackend& db, int id, const std::string& no) {
  db.Exec(
      "INSERT INTO article (article_id, article_no, article_type, name, is_active, updated_at) "
      "VALUES (" +
      std::to_string(id) + ", '" + no + "', 'STOCK', 'Sockerskål', TRUE, '2026-11-21 10:00:00')");
}

// A customer order with one line: `quantity` x `article`.
void AddOrder(const ErpBackend& db, int id, const std::string& no,
              const std::string& article = "A-1", int quantity = 2) {
  const std::string i = std::to_string(id);
  db.Exec(
      "INSERT INTO customer_order (order_id, order_no, customer_id, warehouse_id, order_date, "
      "delivery_date, currency_code, delivery_method_id, delivery_name, delivery_address, "
      "delivery_postcode, delivery_city, delivery_country_code, payment_method, status, "
      "updated_at) VALUES (" +
      i + ", '" + no +
      "', 1, 1, '2026-11-25', '2026-12-01', 'SEK', 1, 'Åsa Öberg', 'Storgatan 1', '41101', "
      "'Göteborg', 'SE', 'INVOICE', 'OPEN', '2026-11-25 09:00:00')");
  db.Exec(
      "INSERT INTO customer_order_line (order_id, line_no, article_no, description, quantity, "
      "unit_price) VALUES (" +
      i + ", 1, '" + article + "', 'Rad', " + std::to_string(quantity) + ", 10)");
}

// A changed order: a new quantity, and a later updated_at (what an ERP user's edit does).
void ChangeQuantity(const ErpBackend& db, int id, int quantity, const std::string& at) {
  db.Exec("UPDATE customer_order_line SET quantity = " + std::to_string(quantity) +
          " WHERE order_id = " + std::to_string(id));
  db.Exec("UPDATE customer_order SET updated_at = '" + at +
          "' WHERE order_id = " + std::to_string(id));
}

void AddPurchaseOrder(const ErpBackend& db, int id, const std::string& no,
                      const std::string& article) {
  db.Exec(
      "INSERT INTO purchase_order (po_id, po_no, supplier_no, supplier_name, warehouse_id, "
      "order_date, delivery_date, status, updated_at) VALUES (" +
      std::to_string(id) + ", '" + no +
      "', 'S-1', 'Lev AB', 1, '2026-11-24', '2026-12-02', 'OPEN', '2026-11-25 09:00:00')");
  db.Exec("INSERT INTO purchase_order_line (po_id, line_no, article_no, quantity) VALUES (" +
          std::to_string(id) + ", 1, '" + article + "', 10)");
}

jobs::ConnectionConfig Connection(const ErpBackend& db, const SimProcess& sim) {
  jobs::ConnectionConfig c = test::BaseConnection(db, sim);
  c.warehouses = {"MAIN"};
  c.currencies = {"SEK"};
  c.export_customer_orders = true;
  c.export_purchase_orders = true;
  c.batch_size = 2;  // several pages even for small test data
  return c;
}

jobs::JobOptions Options() {
  return test::BaseJobOptions();
}

Poco::Logger& Log() {
  return test::TestLog();
}

jobs::JobResult RunOrders(const ErpBackend& db, const SimProcess& sim,
                          const jobs::JobOptions& options = Options()) {
  return jobs::RunCustomerOrderJob(Connection(db, sim), options, Log());
}

// The reference data in the ERP, its articles in Ongoing, call counters at zero.
void Prepare(const ErpBackend& db, SimProcess& sim) {
  Seed(db);
  jobs::RunArticleJob(Connection(db, sim), Options(), Log());
  sim.store().ResetCalls();
}

std::int64_t Calls(SimProcess& sim, sim::Operation operation) {
  return sim.store().CallCount(operation);
}

std::string Order(const ErpBackend& db, const std::string& no, const std::string& column) {
  return test::DocumentField(db, "customer_order", no, column);
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string StatusText(const jobs::JobResult& result) {
  return std::string(pipeline::ToString(result.status));
}

// A limit of the simulated Ongoing.
void Limit(SimProcess& sim, sim::Operation operation, sim::RateLimitKind kind, int calls,
           int seconds) {
  sim.store().SetRateLimit({operation, kind, calls, seconds});
}

// Waits until a window of `seconds` that began before now has passed.
void WaitOutWindow(int seconds) {
  std::this_thread::sleep_for(std::chrono::milliseconds(seconds * 1000 + 300));
}

}  // namespace

// --- A document Ongoing refused ------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(refused_documents)

ERP_BACKEND_TEST(an_order_ongoing_refused_is_not_sent_again_until_it_changes_R32) {
  SimProcess sim;
  Prepare(db, sim);
  AddArticleOngoingLacks(db, 9, "A-9");
  AddOrder(db, 1, "7001", "A-9");
  AddOrder(db, 2, "7002");
  RunOrders(db, sim);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == 2);
  BOOST_REQUIRE(Order(db, "7001", "status") == "ERROR");
  const std::string refusal = Order(db, "7001", "message");
  BOOST_TEST(Contains(refusal, "A-9"), refusal);  // Ongoing's reason
  BOOST_TEST(Contains(refusal, "not sent again until it changes"), refusal);

  // Unchanged: no run sends it, incremental or full; it keeps its ERROR and Ongoing's reason.
  for (const bool full : {false, true}) {
    BOOST_TEST_CONTEXT(std::string(full ? "full" : "incremental") + " run") {
      jobs::JobOptions options = Options();
      options.full = full;
      const auto held = RunOrders(db, sim, options);
      BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == 2, "no call for it");
      BOOST_TEST(held.rejected == 1u, held.summary);  // still a document in error
      BOOST_TEST(jobs::ExitCodeOf(held) == 65);
      BOOST_TEST(Order(db, "7001", "status") == "ERROR");
      BOOST_TEST(Order(db, "7001", "message") == refusal);
      BOOST_TEST(db.Count("SELECT * FROM wms_run_record WHERE doc_no = '7001' AND outcome = "
                          "'held' AND run_id = " +
                          std::to_string(held.run_id)) == 1);
    }
  }

  // Changed: sent once more (and refused again, the article is still missing)...
  ChangeQuantity(db, 1, 3, "2026-11-27 08:00:00");
  RunOrders(db, sim);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == 3);
  BOOST_TEST(Order(db, "7001", "status") == "ERROR");
  // ...and that payload is not sent again either.
  RunOrders(db, sim);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == 3);

  // The article reaches Ongoing and the order changes again: sent and taken.
  jobs::RunArticleJob(Connection(db, sim), Options(), Log());
  ChangeQuantity(db, 1, 4, "2026-11-27 09:00:00");
  const auto sent = RunOrders(db, sim);
  BOOST_TEST(sent.sent == 1u, sent.summary);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == 4);
  BOOST_TEST(Order(db, "7001", "status") == "SENT");
  const auto order = sim.store().FindOrder("7001");
  BOOST_REQUIRE(order.has_value());
  BOOST_TEST(order->lines.at(0).ordered_qty == "4");
}

ERP_BACKEND_TEST(a_refused_document_is_sent_again_when_a_person_asks_R32_R14) {
  SimProcess sim;
  Prepare(db, sim);
  AddArticleOngoingLacks(db, 9, "A-9");
  AddArticleOngoingLacks(db, 8, "A-8");
  AddOrder(db, 1, "7101", "A-9");
  AddPurchaseOrder(db, 1, "PO-71", "A-8");
  RunOrders(db, sim);
  jobs::RunPurchaseOrderJob(Connection(db, sim), Options(), Log());
  BOOST_REQUIRE(Order(db, "7101", "status") == "ERROR");
  BOOST_REQUIRE(test::DocumentField(db, "purchase_order", "PO-71", "status") == "ERROR");

  // The 3PL's side is fixed (the articles reach Ongoing); the documents are unchanged.
  jobs::RunArticleJob(Connection(db, sim), Options(), Log());
  sim.store().ResetCalls();
  RunOrders(db, sim);
  jobs::RunPurchaseOrderJob(Connection(db, sim), Options(), Log());
  BOOST_TEST(sim.store().TotalWriteCalls() == 0, "held until a person asks");

  // `wmsbridge send customer-order 7101`: sent, whatever Ongoing said before.
  jobs::JobOptions send = Options();
  send.only_doc_no = "7101";
  const auto manual = RunOrders(db, sim, send);
  BOOST_TEST(manual.sent == 1u, manual.summary);
  BOOST_TEST(Order(db, "7101", "status") == "SENT");
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == 1);

  // The ERP's "send to 3PL" action (a wms_send_request row): sent by the next run.
  db.Exec(
      "INSERT INTO wms_send_request (doc_type, doc_no, requested_at) VALUES "
      "('purchase_order', 'PO-71', '2026-11-27 10:00:00')");
  const auto requested = jobs::RunPurchaseOrderJob(Connection(db, sim), Options(), Log());
  BOOST_TEST(requested.sent == 1u, requested.summary);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessInOrder) == 1);
  BOOST_TEST(test::DocumentField(db, "purchase_order", "PO-71", "status") == "SENT");
  BOOST_TEST(db.Scalar("SELECT outcome FROM wms_send_request WHERE doc_no = 'PO-71'") == "SENT");
  BOOST_TEST(sim.store().FindInOrder("PO-71").has_value());
}

// An article Ongoing refused for its data is held like an order: not sent again unchanged, not
// even by the full comparison that falls due by itself; sent once it changes, or when a person
// asks for every article (`run articles --full`, articles having no send action).
ERP_BACKEND_TEST(an_article_ongoing_refused_is_not_sent_again_until_it_changes_or_is_asked_R32) {
  SimProcess sim;
  Seed(db);
  sim::FaultSpec refuse;  // Ongoing refuses the next ProcessArticle for its data
  refuse.kind = sim::FaultKind::kRefusal;
  refuse.operation = sim::Operation::kProcessArticle;
  refuse.times = 1;
  sim.store().AddFault(refuse);
  const auto articles = [&](bool full = false) {
    jobs::JobOptions options = Options();
    options.full = full;
    return jobs::RunArticleJob(Connection(db, sim), options, Log());
  };
  const auto article = [&](const std::string& column) {
    return test::DocumentField(db, "article", "A-1", column);
  };
  const auto first = articles();
  BOOST_TEST(first.rejected == 1u, first.summary);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessArticle) == 3);
  BOOST_REQUIRE(article("status") == "ERROR");
  const std::string refusal = article("message");
  BOOST_TEST(Contains(refusal, "Simulated refusal"), refusal);  // Ongoing's words
  BOOST_TEST(Contains(refusal, "not sent again until it changes"), refusal);

  // Unchanged: neither an incremental run nor the full comparison that falls due sends it.
  for (const bool due : {false, true}) {
    BOOST_TEST_CONTEXT((due ? "a full comparison due" : "an incremental run")) {
      if (due)
        db.Exec("DELETE FROM wms_watermark WHERE job = 'articles:full'");
      const auto held = articles();
      const std::string run = std::to_string(held.run_id);
      BOOST_TEST(db.Scalar("SELECT mode FROM wms_run WHERE run_id = " + run) ==
                 (due ? "full" : "incremental"));
      BOOST_TEST(Calls(sim, sim::Operation::kProcessArticle) == 3, "no call for it");
      BOOST_TEST(held.rejected == 1u, held.summary);
      BOOST_TEST(article("status") == "ERROR");
      BOOST_TEST(article("message") == refusal, "Ongoing's reason stays");
      BOOST_TEST(db.Count("SELECT * FROM wms_run_record WHERE doc_no = 'A-1' AND outcome = "
                          "'held' AND run_id = " +
                          run) == 1);
    }
  }

  // Changed: sent once more (refused again), and that payload is then held too.
  sim.store().AddFault(refuse);
  db.Exec(
      "UPDATE article SET name = 'Kaffekopp stor', updated_at = '2026-11-27 08:00:00' "
      "WHERE article_id = 1");
  articles();
  BOOST_TEST(Calls(sim, sim::Operation::kProcessArticle) == 4);
  BOOST_TEST(article("status") == "ERROR");
  articles();
  BOOST_TEST(Calls(sim, sim::Operation::kProcessArticle) == 4);

  // A person asks for every article: sent (and taken); the others are unchanged.
  const auto asked = articles(true);
  BOOST_TEST(asked.sent == 1u, asked.summary);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessArticle) == 5);
  BOOST_TEST(article("status") == "SENT");
  BOOST_TEST(sim.store().FindArticle("A-1")->name == "Kaffekopp stor");
}

// Ongoing refuses a change and a cancel once picking has started (R15, R16): the orders keep
// their status, and the same change or cancel is not tried again by any run, a full one
// included, until a person asks (before R32, every full run and every run within the
// watermark's overlap made the refused call again).
ERP_BACKEND_TEST(a_change_or_cancel_refused_once_picking_started_waits_for_a_person_R32) {
  SimProcess sim;
  Prepare(db, sim);
  AddOrder(db, 1, "7301");
  AddOrder(db, 2, "7302");
  RunOrders(db, sim);
  sim.store().StartPicking("7301");
  sim.store().StartPicking("7302");
  db.Exec(
      "UPDATE customer_order SET status = 'CANCELLED', updated_at = '2026-11-27 08:00:00' "
      "WHERE order_id = 1");
  ChangeQuantity(db, 2, 5, "2026-11-27 08:00:00");
  const auto calls = Calls(sim, sim::Operation::kProcessOrder);
  RunOrders(db, sim);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == calls + 2, "both refused once");
  BOOST_REQUIRE(Order(db, "7301", "status") == "SENT");
  BOOST_REQUIRE(Order(db, "7302", "status") == "SENT");
  const std::string refusal = Order(db, "7301", "message");
  BOOST_TEST(Contains(refusal, "refused the cancelling of order 7301"), refusal);

  for (const bool full : {false, true}) {
    BOOST_TEST_CONTEXT(std::string(full ? "full" : "incremental") + " run") {
      jobs::JobOptions options = Options();
      options.full = full;
      const auto held = RunOrders(db, sim, options);
      BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == calls + 2, "no call for either");
      BOOST_TEST(Order(db, "7301", "status") == "SENT");
      BOOST_TEST(Order(db, "7301", "message") == refusal, "Ongoing's reason stays");
      if (full) {
        BOOST_TEST(db.Count("SELECT * FROM wms_run_record WHERE outcome = 'held' AND run_id = " +
                            std::to_string(held.run_id)) == 2);
      }
    }
  }

  // A person asks for each: tried once more (and refused again: the warehouse is picking).
  for (const std::string no : {"7301", "7302"}) {
    jobs::JobOptions send = Options();
    send.only_doc_no = no;
    RunOrders(db, sim, send);
  }
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == calls + 4);
  BOOST_TEST(!sim.store().FindOrder("7301")->is_cancelled);
}

// The cancel of an order deleted in the ERP that Ongoing refuses for another reason than the
// warehouse's handling (and whose explaining look-up fails as well) is recorded in Ongoing's
// words and held: no run tries it again (before, every run did, each a failed call against the
// consecutive-failure limit), until a person asks with `send` of the deleted number.
ERP_BACKEND_TEST(a_refused_cancel_of_a_deleted_order_waits_for_a_person_R32_R16) {
  SimProcess sim;
  Prepare(db, sim);
  AddOrder(db, 1, "7601");
  AddOrder(db, 2, "7602");
  RunOrders(db, sim);
  BOOST_REQUIRE(Order(db, "7601", "status") == "SENT");
  db.Exec("DELETE FROM customer_order_line WHERE order_id = 1");
  db.Exec("DELETE FROM customer_order WHERE order_id = 1");
  for (const sim::Operation operation :
       {sim::Operation::kProcessOrder, sim::Operation::kGetOrdersByQuery}) {
    sim::FaultSpec refuse;  // the Remove refused for its data; the look-up after it refused too
    refuse.kind = sim::FaultKind::kRefusal;
    refuse.operation = operation;
    refuse.times = 1;
    sim.store().AddFault(refuse);
  }
  const auto calls = Calls(sim, sim::Operation::kProcessOrder);
  const auto refused = RunOrders(db, sim);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == calls + 1, "the Remove, once");
  BOOST_TEST(Calls(sim, sim::Operation::kGetOrdersByQuery) >= 1, "the refusal was looked up");
  BOOST_TEST(Order(db, "7601", "status") == "ERROR", refused.summary);
  const std::string refusal = Order(db, "7601", "message");
  BOOST_TEST(Contains(refusal, "Simulated refusal"), refusal);  // Ongoing's words
  BOOST_TEST(Contains(refusal, "wmsbridge send customer-order 7601"), refusal);
  BOOST_TEST(!sim.store().FindOrder("7601")->is_cancelled);

  for (const bool full : {false, true}) {
    BOOST_TEST_CONTEXT(std::string(full ? "full" : "incremental") + " run") {
      jobs::JobOptions options = Options();
      options.full = full;
      const auto held = RunOrders(db, sim, options);
      BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == calls + 1, "not tried again");
      BOOST_TEST(Order(db, "7601", "status") == "ERROR");
      BOOST_TEST(Order(db, "7601", "message") == refusal, "Ongoing's reason stays");
      BOOST_TEST(db.Count("SELECT * FROM wms_run_record WHERE outcome = 'held' AND doc_no = "
                          "'7601' AND run_id = " +
                          std::to_string(held.run_id)) == 1);
    }
  }

  // A person asks for the deleted number: the cancel is made once more, taken, the number
  // retired.
  jobs::JobOptions send = Options();
  send.only_doc_no = "7601";
  const auto asked = RunOrders(db, sim, send);
  BOOST_TEST(asked.sent == 1u, asked.summary);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == calls + 2);
  BOOST_TEST(sim.store().FindOrder("7601")->is_cancelled);
  BOOST_TEST(db.Count("SELECT * FROM wms_sync_state WHERE doc_no = '7601'") == 0);
  BOOST_TEST(db.Count("SELECT * FROM wms_retired_number WHERE doc_no = '7601'") == 1);
  RunOrders(db, sim);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == calls + 2, "nothing more to do");
}

// The same for a purchase order deleted in the ERP, asked for again by a reload of the job and
// by the ERP's "send to 3PL" action (a wms_send_request row of the deleted number).
ERP_BACKEND_TEST(a_refused_cancel_of_a_deleted_purchase_order_waits_for_a_request_R32_R21) {
  SimProcess sim;
  Prepare(db, sim);
  AddPurchaseOrder(db, 1, "PO-77", "A-1");
  const auto purchase_orders = [&] {
    return jobs::RunPurchaseOrderJob(Connection(db, sim), Options(), Log());
  };
  purchase_orders();
  BOOST_REQUIRE(sim.store().FindInOrder("PO-77").has_value());
  db.Exec("DELETE FROM purchase_order_line WHERE po_id = 1");
  db.Exec("DELETE FROM purchase_order WHERE po_id = 1");
  sim::FaultSpec refuse;
  refuse.kind = sim::FaultKind::kRefusal;
  refuse.operation = sim::Operation::kProcessInOrder;
  refuse.times = 1;
  sim.store().AddFault(refuse);
  purchase_orders();
  purchase_orders();
  BOOST_TEST(Calls(sim, sim::Operation::kProcessInOrder) == 2, "sent, then the Remove once");
  BOOST_TEST(test::DocumentField(db, "purchase_order", "PO-77", "status") == "ERROR");
  BOOST_TEST(!sim.store().FindInOrder("PO-77")->is_cancelled);

  // A reload of the job asks again (and Ongoing refuses once more): still held afterwards.
  sim.store().AddFault(refuse);
  jobs::JobOptions reload = Options();
  reload.reload_from = "";
  jobs::RunPurchaseOrderJob(Connection(db, sim), reload, Log());
  purchase_orders();
  BOOST_TEST(Calls(sim, sim::Operation::kProcessInOrder) == 3, "the reload's Remove, once");
  BOOST_TEST(test::DocumentField(db, "purchase_order", "PO-77", "status") == "ERROR");

  db.Exec(
      "INSERT INTO wms_send_request (doc_type, doc_no, requested_at) VALUES "
      "('purchase_order', 'PO-77', '2026-11-27 10:00:00')");
  const auto requested = purchase_orders();
  BOOST_TEST(requested.sent == 1u, requested.summary);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessInOrder) == 4);
  BOOST_TEST(sim.store().FindInOrder("PO-77")->is_cancelled);
  BOOST_TEST(db.Scalar("SELECT outcome FROM wms_send_request WHERE doc_no = 'PO-77'") ==
             "CANCELLED");
}

BOOST_AUTO_TEST_SUITE_END()

// --- Rate limits ---------------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(rate_limits)

// Ongoing's example: a few failed calls in a row and every call of the method is refused for a
// while, good documents too. The run stops calling, says so, exits 69; nothing is lost.
ERP_BACKEND_TEST(a_run_meeting_the_consecutive_failure_limit_stops_calling_and_exits_69_R32) {
  SimProcess sim;
  Prepare(db, sim);
  AddArticleOngoingLacks(db, 9, "A-9");
  for (int i = 1; i <= 3; ++i)
    AddOrder(db, i, "720" + std::to_string(i), "A-9");  // refused by Ongoing
  AddOrder(db, 4, "7204");
  AddOrder(db, 5, "7205");
  Limit(sim, sim::Operation::kProcessOrder, sim::RateLimitKind::kFailures, 2, 3);
  const std::string ini = test::InstallationFile(db, sim, sim.dir())
                              .Connection("export.customer_orders", "true")
                              .Connection("batch_size", "2")
                              .Connection("rate_limit_max_wait_s", "0")
                              .Write();

  const test::CliResult limited =
      test::RunCli({"--config", ini, "--no-progress", "run", "customer-orders"});
  BOOST_TEST(limited.code == 69, limited.output);
  BOOST_TEST(Contains(limited.output, "rate limit for ProcessOrder was reached"), limited.output);
  BOOST_TEST(Contains(limited.output, "at most 2 consecutive failed calls in 3 seconds"),
             limited.output);
  BOOST_TEST(Contains(limited.output, "not called again in this run"), limited.output);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == 3, "2 refused, 1 rate-limited, no more");
  BOOST_TEST(!sim.store().FindOrder("7204").has_value());
  BOOST_TEST(db.Scalar("SELECT status FROM wms_run ORDER BY run_id DESC LIMIT 1") == "ABORTED");
  BOOST_TEST(Contains(db.Scalar("SELECT message FROM wms_run ORDER BY run_id DESC LIMIT 1"),
                      "ProcessOrder"));
  // The order in hand was not sent, and says why; it is not taken for refused.
  BOOST_TEST(Order(db, "7203", "status") == "NOT_SENT");
  BOOST_TEST(Contains(Order(db, "7203", "message"), "rate-limited"), Order(db, "7203", "message"));

  // After the window the next run completes: the refused ones are held, the rest is sent.
  WaitOutWindow(3);
  const auto next = RunOrders(db, sim);
  BOOST_TEST(StatusText(next) == pipeline::ToString(pipeline::RunStatus::kCompletedWithRejects),
             next.summary);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == 6, "7203 refused, 7204 and 7205 sent");
  BOOST_TEST(Order(db, "7204", "status") == "SENT");
  BOOST_TEST(Order(db, "7205", "status") == "SENT");
  BOOST_TEST(Order(db, "7203", "status") == "ERROR");
}

// A read-back over a volume limit: the read stops where the limit hit, nothing of it is taken
// for done, and the run after the window applies everything once.
ERP_BACKEND_TEST(a_read_meeting_the_volume_limit_stops_and_the_next_run_completes_R32_R31) {
  SimProcess sim;
  Prepare(db, sim);
  for (int i = 1; i <= 5; ++i)
    AddOrder(db, i, "730" + std::to_string(i));
  RunOrders(db, sim);
  jobs::ConnectionConfig connection = Connection(db, sim);
  connection.wms_page_size = 2;  // 3 calls for 5 orders
  connection.rate_limit_max_wait = std::chrono::seconds(0);
  // At most 3 reads in 3 seconds; an earlier run (nothing shipped yet) has used one.
  Limit(sim, sim::Operation::kGetOrdersByQuery, sim::RateLimitKind::kVolume, 3, 3);
  jobs::RunDeliveryJob(connection, Options(), Log());
  const std::string watermark = db.Scalar("SELECT value FROM wms_watermark WHERE job = '" +
                                          std::string(jobs::kDeliveryJob) + "'");
  for (int i = 1; i <= 5; ++i)
    sim.store().Ship("730" + std::to_string(i));
  sim.store().ResetCalls();

  const auto limited = jobs::RunDeliveryJob(connection, Options(), Log());
  BOOST_TEST(jobs::ExitCodeOf(limited) == 69, limited.summary);
  BOOST_TEST(Contains(limited.abort_reason, "rate limit for GetOrdersByQuery"),
             limited.abort_reason);
  BOOST_TEST(Contains(limited.abort_reason, "at most 3 calls in 3 seconds"), limited.abort_reason);
  BOOST_TEST(Calls(sim, sim::Operation::kGetOrdersByQuery) == 3, "2 pages, then the limit");
  BOOST_TEST(db.Count("SELECT * FROM customer_order WHERE status = 'DELIVERED'") == 4);
  BOOST_TEST(db.Scalar("SELECT value FROM wms_watermark WHERE job = '" +
                       std::string(jobs::kDeliveryJob) + "'") == watermark,
             "an aborted read is no completed run");

  WaitOutWindow(3);
  const auto next = jobs::RunDeliveryJob(connection, Options(), Log());
  BOOST_TEST(StatusText(next) == pipeline::ToString(pipeline::RunStatus::kCompleted), next.summary);
  BOOST_TEST(db.Count("SELECT * FROM customer_order WHERE status = 'DELIVERED'") == 5);
  BOOST_TEST(db.Count("SELECT * FROM customer_order_line WHERE delivered_qty = 2") == 5,
             "applied once, never added");
}

// A short wait Ongoing asks for (Retry-After) is waited out within the run, then the call is
// made once more: the run completes.
ERP_BACKEND_TEST(a_short_wait_ongoing_asks_for_is_waited_out_and_the_run_completes_R32) {
  SimProcess sim;
  Prepare(db, sim);
  for (int i = 1; i <= 3; ++i)
    AddOrder(db, i, "740" + std::to_string(i));
  Limit(sim, sim::Operation::kProcessOrder, sim::RateLimitKind::kVolume, 2, 2);
  const auto started = std::chrono::steady_clock::now();
  const auto result = RunOrders(db, sim);
  const auto took = std::chrono::steady_clock::now() - started;
  BOOST_TEST(StatusText(result) == pipeline::ToString(pipeline::RunStatus::kCompleted),
             result.summary);
  BOOST_TEST(result.sent == 3u, result.summary);
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == 4, "the limited call, once more");
  BOOST_TEST((took >= std::chrono::milliseconds(900)), "waited as Ongoing asked");
}

// The refusal's explanation asks Ongoing what it holds (GetOrdersByQuery); when that read is
// rate-limited, the refusal is still recorded, in Ongoing's words, and the run ends there.
ERP_BACKEND_TEST(a_rate_limited_look_up_after_a_refusal_ends_the_run_R32) {
  SimProcess sim;
  Prepare(db, sim);
  AddArticleOngoingLacks(db, 9, "A-9");
  AddOrder(db, 1, "7501", "A-9");
  AddOrder(db, 2, "7502", "A-9");
  AddOrder(db, 3, "7503");
  Limit(sim, sim::Operation::kGetOrdersByQuery, sim::RateLimitKind::kVolume, 1, 600);
  const auto limited = RunOrders(db, sim);
  BOOST_TEST(jobs::ExitCodeOf(limited) == 69, limited.summary);
  BOOST_TEST(Contains(limited.abort_reason, "GetOrdersByQuery"), limited.abort_reason);
  BOOST_TEST(Order(db, "7502", "status") == "ERROR");
  BOOST_TEST(Contains(Order(db, "7502", "message"), "A-9"), Order(db, "7502", "message"));
  BOOST_TEST(!sim.store().FindOrder("7503").has_value(), "the run ended at the limit");

  sim.store().ClearRateLimits();  // the window has passed
  RunOrders(db, sim);
  BOOST_TEST(Order(db, "7503", "status") == "SENT");
  BOOST_TEST(Calls(sim, sim::Operation::kProcessOrder) == 3, "the refused ones are held");
}

BOOST_AUTO_TEST_SUITE_END()

// --- Paging --------------------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(paging)

// A read makes as few calls as the data needs: pages of wms_page_size (at most Ongoing's 1000),
// whatever the run's batch size.
ERP_BACKEND_TEST(read_backs_ask_for_pages_of_the_configured_size_R32) {
  SimProcess sim;
  Prepare(db, sim);
  for (int i = 1; i <= 5; ++i) {
    AddOrder(db, i, "760" + std::to_string(i));
    AddPurchaseOrder(db, i, "PO-76" + std::to_string(i), "A-1");
  }
  RunOrders(db, sim);
  jobs::RunPurchaseOrderJob(Connection(db, sim), Options(), Log());
  for (int i = 1; i <= 5; ++i) {
    sim.store().Ship("760" + std::to_string(i));
    sim.store().Receive("PO-76" + std::to_string(i));
  }
  jobs::JobOptions full = Options();
  full.full = true;  // every run reads every document again
  // Page size -> read calls for 5 documents (a full last page is followed by one empty one).
  for (const auto& [page_size, calls] : {std::pair{1000, 1}, {2, 3}, {5, 2}}) {
    BOOST_TEST_CONTEXT("wms_page_size " << page_size) {
      jobs::ConnectionConfig connection = Connection(db, sim);  // batch size 2
      connection.wms_page_size = page_size;
      sim.store().ResetCalls();
      const auto deliveries = jobs::RunDeliveryJob(connection, full, Log());
      BOOST_TEST(Calls(sim, sim::Operation::kGetOrdersByQuery) == calls, deliveries.summary);
      const auto receipts = jobs::RunReceiptJob(connection, full, Log());
      BOOST_TEST(Calls(sim, sim::Operation::kGetInOrdersByQuery) == calls, receipts.summary);
      BOOST_TEST(db.Count("SELECT * FROM customer_order WHERE status = 'DELIVERED'") == 5);
      BOOST_TEST(db.Count("SELECT * FROM purchase_order WHERE status = 'RECEIVED'") == 5);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
