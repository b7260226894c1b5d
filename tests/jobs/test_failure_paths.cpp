// Failure paths of every export and read-back job (issue 9): the WMS down, HTTP 500, a time-out
// before and after Ongoing acted, and Ongoing's refusal. A document counts as sent only when
// Ongoing said so; its record says why it was not; the next run sends it exactly once. A read
// that fails applies nothing and leaves the watermark; the next run applies everything once.
// ERP over ODBC (SQLite and PostgreSQL), the jobs, the simulator over HTTP. R18, R22, R29-R31.
#define BOOST_TEST_MODULE failure_paths
#include <Poco/Logger.h>

#include <boost/test/unit_test.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "jobs/article_job.h"
#include "jobs/order_jobs.h"
#include "jobs/readback_jobs.h"
#include "tests/support/backend_test.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;
using test::ErpBackend;
using test::SameQuantity;
using test::SimProcess;

namespace {

// Small retries and time-outs so that a fault that persists costs about a second per attempt.
constexpr int kAttempts = 2;
constexpr int kTimeoutFaultMs = 2500;  // longer than the receive time-out: the client gives up
constexpr const char* kOldWatermark = "2000-01-01 00:00:00";

// --- ERP data ------------------------------------------------------------------------------

// Two connected warehouses with addresses (internal orders go from one to the other), a
// currency, a delivery method Ongoing knows, a customer, two stock articles and freight.
void Seed(const ErpBackend& db) {
  db.Exec(
      "INSERT INTO warehouse (warehouse_id, code, name, address, postcode, city, country_code) "
      "VALUES (1, 'MAIN', 'Lager Göteborg', 'Hamngatan 1', '41101', 'Göteborg', 'SE'), "
      "(2, 'NORTH', 'Lager Umeå', 'Norrgatan 2', '90326', 'Umeå', 'SE')");
  db.Exec("INSERT INTO currency (code, name) VALUES ('SEK', 'krona')");
  db.Exec(
      "INSERT INTO delivery_method (delivery_method_id, code, name, carrier_code, "
      "carrier_service_code, external_key) VALUES "
      "(1, 'PN', 'PostNord MyPack', 'POSTNORD', 'MYPACK', 'pn-mypack')");
  db.Exec("INSERT INTO customer (customer_id, customer_no, name) VALUES (1, 'K-1', 'Åsa Öberg')");
  test::AddStockAndFreightArticles(db);
}

// An article the ERP has and Ongoing does not (it came after the article export): Ongoing
// refuses every document that names it until the article job has sent it.
void AddArticleOngoingLacks(const ErpBackend& db) {
  db.Exec(
      "INSERT INTO article (article_id, article_no, article_type, name, is_active, updated_at) "
      "VALUES (9, 'A-9', 'STOCK', 'Sockerskål', TRUE, '2026-11-21 10:00:00')");
}

jobs::ConnectionConfig Connection(const ErpBackend& db, const SimProcess& sim) {
  jobs::ConnectionConfig c = test::BaseConnection(db, sim);
  c.warehouses = {"MAIN", "NORTH"};
  c.currencies = {"SEK"};
  c.export_customer_orders = true;
  c.export_purchase_orders = true;
  c.invoice_at_delivery = true;
  c.connect_timeout = std::chrono::seconds(1);
  c.receive_timeout = std::chrono::seconds(1);
  c.batch_size = 2;
  return c;
}

jobs::JobOptions Options(bool full = false) {
  jobs::JobOptions o = test::BaseJobOptions();
  o.full = full;
  o.retry.max_attempts = kAttempts;
  o.retry.initial_delay = std::chrono::milliseconds(10);
  return o;
}

Poco::Logger& Log() {
  return test::TestLog();
}

// Reference data in the ERP, its articles in Ongoing, call counters at zero.
void Prepare(const ErpBackend& db, SimProcess& sim) {
  Seed(db);
  jobs::RunArticleJob(Connection(db, sim), Options(), Log());
  sim.store().ResetCalls();
}

std::string Watermark(const ErpBackend& db, const std::string& job) {
  return db.Scalar("SELECT value FROM wms_watermark WHERE connection_name = 'demo' AND job = '" +
                   job + "'");
}

// --- Faults --------------------------------------------------------------------------------

enum class WmsFault {
  kDown,           // the simulator is not running
  kHttp500,        // HTTP 500 on every call of the operation
  kTimeoutBefore,  // no answer, and the simulator did nothing
  kTimeoutAfter,   // the simulator did the work, then never answered
};

void Break(SimProcess& sim, WmsFault fault, sim::Operation operation) {
  if (fault == WmsFault::kDown) {
    sim.Stop();
    return;
  }
  sim::FaultSpec spec;
  spec.operation = operation;  // every call of it, for the whole run
  spec.kind = fault == WmsFault::kHttp500 ? sim::FaultKind::kHttp500 : sim::FaultKind::kTimeout;
  if (spec.kind == sim::FaultKind::kTimeout)
    spec.ms = kTimeoutFaultMs;
  spec.after = fault == WmsFault::kTimeoutAfter;
  sim.store().AddFault(spec);
}

void Repair(SimProcess& sim, WmsFault fault) {
  if (fault == WmsFault::kDown)
    sim.Start();
  else
    sim.store().ClearFaults();
}

// What the client makes of each fault: its error kind and the words of its reason.
wms::WmsErrorKind ExpectedKind(WmsFault fault) {
  switch (fault) {
    case WmsFault::kDown:
      return wms::WmsErrorKind::kConnect;
    case WmsFault::kHttp500:
      return wms::WmsErrorKind::kHttp;
    case WmsFault::kTimeoutBefore:
    case WmsFault::kTimeoutAfter:
      return wms::WmsErrorKind::kTimeout;
  }
  return wms::WmsErrorKind::kConnect;
}

std::string ExpectedReason(WmsFault fault) {
  switch (fault) {
    case WmsFault::kDown:
      return "cannot connect to the WMS";
    case WmsFault::kHttp500:
      return "HTTP status 500";
    case WmsFault::kTimeoutBefore:
    case WmsFault::kTimeoutAfter:
      return "no answer within 1 s";
  }
  return "";
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// --- A run as the caller and the ERP see it -----------------------------------------------------

struct RunRow {
  std::string id, status, message;
};

RunRow LastRun(const ErpBackend& db, const std::string& job) {
  const std::string id =
      db.Scalar("SELECT CAST(MAX(run_id) AS VARCHAR(20)) FROM wms_run WHERE job = '" + job + "'");
  const auto column = [&](const std::string& name) {
    return db.Scalar("SELECT " + name + " FROM wms_run WHERE run_id = " + id);
  };
  return {id, column("status"), column("message")};
}

// A job may end with a result or, when the WMS fails before the first document (Ongoing's
// transporters, say), with the WmsError; either way its wms_run row must tell.
struct Attempt {
  std::optional<jobs::JobResult> result;
  std::optional<wms::WmsErrorKind> thrown;
  RunRow run;
};

Attempt Try(const ErpBackend& db, const std::string& job,
            const std::function<jobs::JobResult()>& run) {
  Attempt attempt;
  try {
    attempt.result = run();
  } catch (const wms::WmsError& e) {
    attempt.thrown = e.kind();
  }
  attempt.run = LastRun(db, job);
  return attempt;
}

// The run was aborted because the WMS was unavailable, and says so with the transport's reason.
void CheckAbortedUnavailable(const Attempt& attempt, WmsFault fault) {
  BOOST_TEST(attempt.run.status == "ABORTED");
  BOOST_TEST(Contains(attempt.run.message, ExpectedReason(fault)), attempt.run.message);
  if (attempt.result) {
    BOOST_TEST(pipeline::ToString(attempt.result->status) ==
               pipeline::ToString(pipeline::RunStatus::kAborted));
    BOOST_TEST((attempt.result->wms_error == ExpectedKind(fault)));
    BOOST_TEST(attempt.result->sent == 0u, attempt.result->summary);
    BOOST_TEST(Contains(attempt.result->abort_reason, ExpectedReason(fault)),
               attempt.result->abort_reason);
  } else {
    BOOST_TEST((attempt.thrown == ExpectedKind(fault)));
  }
}

// --- Export jobs: one description per kind of document -----------------------------------------

struct Line {
  std::string article;
  double qty;
};

// One document Ongoing holds: its id and its pick lines.
struct WmsDocument {
  int id = 0;
  std::vector<Line> lines;
};

struct ExportKind {
  std::string job;       // wms_run.job
  std::string doc_type;  // doc_type in the wms_ tables
  std::string doc_no;    // the ERP's number
  sim::Operation write;  // the call that carries the document
  // Adds the document: line 1 = 2 x A-1, line 2 = 3 x `second_article`.
  std::function<void(const ErpBackend&, const std::string& second_article)> add;
  // Asks for it to be sent, where the job sends only what was asked for (R23); else nothing.
  std::function<void(const ErpBackend&)> request;
  std::function<jobs::JobResult(const ErpBackend&, const SimProcess&)> run;
  // Every document Ongoing holds under the document's number.
  std::function<std::vector<WmsDocument>(SimProcess&)> in_wms;
};

ExportKind CustomerOrders() {
  ExportKind k;
  k.job = jobs::kCustomerOrderJob;
  k.doc_type = "customer_order";
  k.doc_no = "9001";
  k.write = sim::Operation::kProcessOrder;
  k.add = [](const ErpBackend& db, const std::string& second) {
    db.Exec(
        "INSERT INTO customer_order (order_id, order_no, customer_id, warehouse_id, order_date, "
        "delivery_date, currency_code, delivery_method_id, delivery_name, delivery_address, "
        "delivery_postcode, delivery_city, delivery_country_code, status, updated_at) VALUES "
        "(1, '9001', 1, 1, '2026-11-25', '2026-12-01', 'SEK', 1, 'Åsa Öberg', 'Storgatan 1', "
        "'41101', 'Göteborg', 'SE', 'OPEN', '2026-11-25 09:00:00')");
    db.Exec(
        "INSERT INTO customer_order_line (order_id, line_no, article_no, description, quantity, "
        "unit_price) VALUES (1, 1, 'A-1', 'Rad', 2, 10), (1, 2, '" +
        second + "', 'Rad', 3, 10)");
  };
  k.request = [](const ErpBackend&) {};
  k.run = [](const ErpBackend& db, const SimProcess& sim) {
    return jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
  };
  k.in_wms = [](SimProcess& sim) {
    sim::OrderQuery query;
    query.order_numbers = {"9001"};
    std::vector<WmsDocument> out;
    for (const auto& order : sim.store().QueryOrders(test::kGoodsOwnerId, query)) {
      WmsDocument d{order.order_id, {}};
      for (const auto& l : order.lines) {
        if (!l.is_text_line)
          d.lines.push_back({l.article_number, std::stod(l.ordered_qty)});
      }
      out.push_back(d);
    }
    return out;
  };
  return k;
}

ExportKind PurchaseOrders() {
  ExportKind k;
  k.job = jobs::kPurchaseOrderJob;
  k.doc_type = "purchase_order";
  k.doc_no = "PO-9001";
  k.write = sim::Operation::kProcessInOrder;
  k.add = [](const ErpBackend& db, const std::string& second) {
    db.Exec(
        "INSERT INTO purchase_order (po_id, po_no, supplier_no, supplier_name, warehouse_id, "
        "order_date, delivery_date, status, updated_at) VALUES (1, 'PO-9001', 'S-9', "
        "'Leverantören AB', 1, '2026-11-24', '2026-12-02', 'OPEN', '2026-11-25 09:00:00')");
    db.Exec(
        "INSERT INTO purchase_order_line (po_id, line_no, article_no, quantity) VALUES "
        "(1, 1, 'A-1', 2), (1, 2, '" +
        second + "', 3)");
  };
  k.request = [](const ErpBackend&) {};
  k.run = [](const ErpBackend& db, const SimProcess& sim) {
    return jobs::RunPurchaseOrderJob(Connection(db, sim), Options(), Log());
  };
  k.in_wms = [](SimProcess& sim) {
    sim::InOrderQuery query;
    query.order_numbers = {"PO-9001"};
    std::vector<WmsDocument> out;
    for (const auto& in_order : sim.store().QueryInOrders(test::kGoodsOwnerId, query)) {
      WmsDocument d{in_order.in_order_id, {}};
      for (const auto& l : in_order.lines)
        d.lines.push_back({l.article_number, std::stod(l.advised_qty)});
      out.push_back(d);
    }
    return out;
  };
  return k;
}

// Internal orders are sent only on request (R23): each case asks through wms_send_request,
// which stays pending until a run that completes.
ExportKind InternalOrders() {
  ExportKind k;
  k.job = jobs::kInternalOrderJob;
  k.doc_type = "internal_order";
  k.doc_no = "T-9001";
  k.write = sim::Operation::kProcessOrder;
  k.add = [](const ErpBackend& db, const std::string& second) {
    db.Exec(
        "INSERT INTO internal_order (io_id, io_no, from_warehouse_id, to_warehouse_id, "
        "delivery_date, status, updated_at) VALUES (1, 'T-9001', 1, 2, '2026-12-03', 'OPEN', "
        "'2026-11-25 09:00:00')");
    db.Exec(
        "INSERT INTO internal_order_line (io_id, line_no, article_no, quantity) VALUES "
        "(1, 1, 'A-1', 2), (1, 2, '" +
        second + "', 3)");
  };
  k.request = [](const ErpBackend& db) {
    db.Exec(
        "INSERT INTO wms_send_request (doc_type, doc_no, requested_at) VALUES "
        "('internal_order', 'T-9001', '2026-11-27 10:00:00')");
  };
  k.run = [](const ErpBackend& db, const SimProcess& sim) {
    return jobs::RunInternalOrderJob(Connection(db, sim), Options(), Log());
  };
  k.in_wms = [](SimProcess& sim) {
    sim::OrderQuery query;
    query.order_numbers = {"IO-T-9001"};
    std::vector<WmsDocument> out;
    for (const auto& order : sim.store().QueryOrders(test::kGoodsOwnerId, query)) {
      WmsDocument d{order.order_id, {}};
      for (const auto& l : order.lines) {
        if (!l.is_text_line)
          d.lines.push_back({l.article_number, std::stod(l.ordered_qty)});
      }
      out.push_back(d);
    }
    return out;
  };
  return k;
}

std::string DocWhere(const ExportKind& kind) {
  return " WHERE doc_type = '" + kind.doc_type + "' AND doc_no = '" + kind.doc_no + "'";
}

std::string DocStatus(const ErpBackend& db, const ExportKind& kind, const std::string& column) {
  return db.Scalar("SELECT " + column + " FROM wms_document_status" + DocWhere(kind));
}

std::int64_t WriteCalls(SimProcess& sim, const ExportKind& kind) {
  return sim.store().CallCount(kind.write);
}

// Nothing in the ERP says the document reached Ongoing: not SENT, no Ongoing id, no run record
// "sent" in any run so far.
void CheckNotRecordedSent(const ErpBackend& db, const ExportKind& kind) {
  BOOST_TEST(DocStatus(db, kind, "status") != "SENT");
  BOOST_TEST(DocStatus(db, kind, "sent_at").empty());
  BOOST_TEST(db.Count("SELECT * FROM wms_sync_state" + DocWhere(kind) +
                      " AND (status = 'SENT' OR wms_id IS NOT NULL OR last_sent_at IS NOT NULL)") ==
             0);
  BOOST_TEST(db.Count("SELECT * FROM wms_run_record" + DocWhere(kind) + " AND outcome = 'sent'") ==
             0);
}

std::string RequestColumn(const ErpBackend& db, const std::string& column) {
  return db.Scalar("SELECT " + column +
                   " FROM wms_send_request WHERE request_id = (SELECT MAX(request_id) FROM "
                   "wms_send_request)");
}

bool OnRequestOnly(const ExportKind& kind) {
  return kind.doc_type == "internal_order";
}

// The next run sends the document with one write call, Ongoing holds it once with `lines`, the
// ERP records it SENT under Ongoing's id, and the run after that sends nothing.
void CheckNextRunSendsOnce(const ErpBackend& db, SimProcess& sim, const ExportKind& kind,
                           const std::vector<Line>& lines) {
  const auto calls = WriteCalls(sim, kind);
  const jobs::JobResult result = kind.run(db, sim);
  BOOST_TEST(pipeline::ToString(result.status) ==
             pipeline::ToString(pipeline::RunStatus::kCompleted));
  BOOST_TEST(result.sent == 1u, result.summary);
  BOOST_TEST(WriteCalls(sim, kind) - calls == 1, "one write call for the document");

  const std::vector<WmsDocument> held = kind.in_wms(sim);
  BOOST_REQUIRE_EQUAL(held.size(), 1u);
  BOOST_REQUIRE_EQUAL(held[0].lines.size(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    BOOST_TEST(held[0].lines[i].article == lines[i].article);
    BOOST_TEST(held[0].lines[i].qty == lines[i].qty);
  }
  BOOST_TEST(DocStatus(db, kind, "status") == "SENT");
  BOOST_TEST(!DocStatus(db, kind, "sent_at").empty());
  BOOST_TEST(db.Scalar("SELECT CAST(wms_id AS VARCHAR(20)) FROM wms_sync_state" + DocWhere(kind)) ==
             std::to_string(held[0].id));
  BOOST_TEST(db.Count("SELECT * FROM wms_run_record" + DocWhere(kind) + " AND outcome = 'sent'") ==
             1);
  if (OnRequestOnly(kind))
    BOOST_TEST(RequestColumn(db, "outcome") == "SENT");

  const auto settled = WriteCalls(sim, kind);
  kind.run(db, sim);
  BOOST_TEST(WriteCalls(sim, kind) == settled, "sent once: the next run has nothing to send");
  BOOST_TEST(kind.in_wms(sim).size() == 1u);
}

// The WMS fails throughout one run: the document is not recorded as sent, the run and the
// document's run record say why, and once the WMS is back the next run sends it exactly once.
void CheckUnavailableThenSentOnce(const ErpBackend& db, const ExportKind& kind, WmsFault fault) {
  SimProcess sim;
  Prepare(db, sim);
  kind.add(db, "A-2");
  kind.request(db);
  Break(sim, fault, kind.write);
  const auto calls = WriteCalls(sim, kind);
  const Attempt failed = Try(db, kind.job, [&] { return kind.run(db, sim); });

  CheckAbortedUnavailable(failed, fault);
  CheckNotRecordedSent(db, kind);
  const std::string where = DocWhere(kind) + " AND run_id = " + failed.run.id;
  const std::string outcome = db.Scalar("SELECT outcome FROM wms_run_record" + where);
  const std::string reason = db.Scalar("SELECT reason FROM wms_run_record" + where);
  if (fault == WmsFault::kDown) {
    // The run may end before it reaches the document: reading Ongoing's transporters (customer
    // orders) or a check at the start of the job meets the dead WMS first.
    BOOST_TEST((outcome.empty() || outcome == "failed"), outcome);
    BOOST_TEST((outcome.empty() || Contains(reason, ExpectedReason(fault))), reason);
    BOOST_TEST(kind.in_wms(sim).empty());
  } else {
    BOOST_TEST(outcome == "failed");
    BOOST_TEST(Contains(reason, ExpectedReason(fault)), reason);
    // What the ERP shows next to the document (R29): still not sent, and why.
    BOOST_TEST(DocStatus(db, kind, "status") == "NOT_SENT");
    const std::string shown = DocStatus(db, kind, "message");
    BOOST_TEST(Contains(shown, "WMS was unavailable"), shown);
    BOOST_TEST(Contains(shown, ExpectedReason(fault)), shown);
    BOOST_TEST(WriteCalls(sim, kind) - calls == kAttempts, "retried, then given up");
    // Before: Ongoing has nothing. After: Ongoing stored it, and we never heard so.
    BOOST_TEST(kind.in_wms(sim).size() == (fault == WmsFault::kTimeoutAfter ? 1u : 0u));
  }
  if (OnRequestOnly(kind))
    BOOST_TEST(RequestColumn(db, "processed_at").empty(), "the request waits for the next run");

  Repair(sim, fault);
  CheckNextRunSendsOnce(db, sim, kind, {{"A-1", 2}, {"A-2", 3}});
}

// Ongoing refuses the document: it is recorded as refused in Ongoing's words, not retried, the
// run completes with a reject. Once the cause is fixed in Ongoing the unchanged document is not
// sent by itself (R32: Ongoing refused this very payload); a person asks, and the next run sends
// it exactly once.
void CheckRefusalThenFixedSentOnce(const ErpBackend& db, const ExportKind& kind) {
  SimProcess sim;
  Prepare(db, sim);
  AddArticleOngoingLacks(db);
  kind.add(db, "A-9");
  kind.request(db);
  const auto calls = WriteCalls(sim, kind);
  const Attempt refused = Try(db, kind.job, [&] { return kind.run(db, sim); });

  BOOST_REQUIRE_MESSAGE(refused.result.has_value(), "a refusal is data, never an exception");
  BOOST_TEST(pipeline::ToString(refused.result->status) ==
             pipeline::ToString(pipeline::RunStatus::kCompletedWithRejects));
  BOOST_TEST(refused.result->rejected == 1u, refused.result->summary);
  BOOST_TEST(refused.result->sent == 0u, refused.result->summary);
  BOOST_TEST(refused.run.status == "COMPLETED_WITH_REJECTS");
  BOOST_TEST(WriteCalls(sim, kind) - calls == 1, "a refusal is not retried");
  BOOST_TEST(kind.in_wms(sim).empty());

  CheckNotRecordedSent(db, kind);
  BOOST_TEST(DocStatus(db, kind, "status") == "ERROR");
  const std::string message = DocStatus(db, kind, "message");
  BOOST_TEST(message.rfind("Ongoing refused ", 0) == 0u, message);
  BOOST_TEST(Contains(message, kind.doc_no), message);
  BOOST_TEST(Contains(message, "A-9"), message);  // Ongoing's own reason names the article
  const std::string where = DocWhere(kind) + " AND run_id = " + refused.run.id;
  BOOST_TEST(db.Scalar("SELECT outcome FROM wms_run_record" + where) == "rejected");
  BOOST_TEST(db.Scalar("SELECT reason FROM wms_run_record" + where) == message);
  if (OnRequestOnly(kind))
    BOOST_TEST(RequestColumn(db, "outcome") == "ERROR");

  // The remedy: the article goes to Ongoing. The document has not changed: no run sends it.
  jobs::RunArticleJob(Connection(db, sim), Options(), Log());
  BOOST_REQUIRE(sim.store().FindArticle("A-9").has_value());
  const auto before_held = WriteCalls(sim, kind);
  kind.run(db, sim);
  BOOST_TEST(WriteCalls(sim, kind) == before_held, "refused as it is: not sent again (R32)");
  BOOST_TEST(DocStatus(db, kind, "status") == "ERROR");
  BOOST_TEST(DocStatus(db, kind, "message") == message, "Ongoing's reason stays");
  // A person asks (the ERP's "send to 3PL" action).
  db.Exec("INSERT INTO wms_send_request (doc_type, doc_no, requested_at) VALUES ('" +
          kind.doc_type + "', '" + kind.doc_no + "', '2026-11-27 10:00:00')");
  CheckNextRunSendsOnce(db, sim, kind, {{"A-1", 2}, {"A-9", 3}});
}

// --- Read-back jobs ------------------------------------------------------------------------

struct ReadBackKind {
  std::string job;      // wms_run.job and wms_watermark.job
  sim::Operation read;  // the call that reads Ongoing
  // Sends the document and lets the warehouse do part of it; a completed run applies that.
  std::function<void(const ErpBackend&, SimProcess&)> first_part;
  // The warehouse does the rest.
  std::function<void(SimProcess&)> rest;
  std::function<jobs::JobResult(const ErpBackend&, const SimProcess&, bool full)> run;
  // Everything the job may write about the document in the ERP, as one text.
  std::function<std::string(const ErpBackend&)> snapshot;
  // The ERP after the rest was applied.
  std::function<void(const ErpBackend&)> check_rest_applied;
};

std::string Quantity(const ErpBackend& db, const std::string& sql) {
  const std::string text = db.Scalar(sql);
  return text.empty() ? "NULL" : std::to_string(std::stod(text));
}

// Order O-1: line 1 = 2 x A-1 at 10.00, line 2 = 1 x A-2 at 25.50, line 3 freight, line 4 text.
ReadBackKind Deliveries() {
  ReadBackKind k;
  k.job = jobs::kDeliveryJob;
  k.read = sim::Operation::kGetOrdersByQuery;
  k.run = [](const ErpBackend& db, const SimProcess& sim, bool full) {
    return jobs::RunDeliveryJob(Connection(db, sim), Options(full), Log());
  };
  k.first_part = [k](const ErpBackend& db, SimProcess& sim) {
    db.Exec(
        "INSERT INTO customer_order (order_id, order_no, customer_id, warehouse_id, order_date, "
        "delivery_date, currency_code, delivery_name, delivery_address, delivery_postcode, "
        "delivery_city, delivery_country_code, payment_method, status, updated_at) VALUES "
        "(1, 'O-1', 1, 1, '2026-11-25', '2026-12-01', 'SEK', 'Kund', 'Gatan 1', '41101', "
        "'Göteborg', 'SE', 'INVOICE', 'OPEN', '2026-11-25 09:00:00')");
    db.Exec(
        "INSERT INTO customer_order_line (order_id, line_no, article_no, description, quantity, "
        "unit_price) VALUES (1, 1, 'A-1', 'Kaffekopp', 2, 10), (1, 2, 'A-2', 'Tekanna', 1, "
        "25.50), (1, 3, 'FRAKT', 'Frakt', 1, 49), (1, 4, NULL, 'Tack!', 1, 0)");
    jobs::RunCustomerOrderJob(Connection(db, sim), Options(), Log());
    sim.store().Ship("O-1", {{"1", "1"}}, {{"PKG-1", "https://t.example/1", 0}});
    const auto applied = k.run(db, sim, false);
    BOOST_REQUIRE_MESSAGE(applied.sent == 1u, applied.summary);
  };
  k.rest = [](SimProcess& sim) {
    sim.store().Ship("O-1", {{"1", "2"}, {"2", "1"}}, {{"PKG-2", "https://t.example/2", 0}});
  };
  k.snapshot = [](const ErpBackend& db) {
    const auto line = [&](int no) {
      return Quantity(db,
                      "SELECT CAST(delivered_qty AS VARCHAR(20)) FROM customer_order_line WHERE "
                      "order_id = 1 AND line_no = " +
                          std::to_string(no));
    };
    return "order " + db.Scalar("SELECT status FROM customer_order WHERE order_id = 1") +
           " lines " + line(1) + "/" + line(2) + " tracking " +
           std::to_string(db.Count("SELECT * FROM shipment_tracking")) + " invoices " +
           std::to_string(db.Count("SELECT * FROM invoice")) + " total " +
           Quantity(db, "SELECT CAST(SUM(total) AS VARCHAR(20)) FROM invoice") + " state " +
           db.Scalar("SELECT status FROM wms_document_status WHERE doc_no = 'O-1'");
  };
  k.check_rest_applied = [](const ErpBackend& db) {
    const auto delivered = [&](int no) {
      return db.Scalar(
          "SELECT CAST(delivered_qty AS VARCHAR(20)) FROM customer_order_line WHERE order_id = "
          "1 AND line_no = " +
          std::to_string(no));
    };
    BOOST_TEST(SameQuantity(delivered(1), 2),
               "set to Ongoing's figure, not added: " + delivered(1));
    BOOST_TEST(SameQuantity(delivered(2), 1), delivered(2));
    BOOST_TEST(db.Scalar("SELECT status FROM customer_order WHERE order_id = 1") == "DELIVERED");
    BOOST_TEST(db.Count("SELECT * FROM shipment_tracking WHERE order_id = 1") == 2);
    BOOST_TEST(db.Count("SELECT * FROM shipment_tracking WHERE tracking_url = "
                        "'https://t.example/1'") == 1);
    BOOST_TEST(db.Count("SELECT * FROM shipment_tracking WHERE tracking_url = "
                        "'https://t.example/2'") == 1);
    // One invoice per delivery: the first part's, and one for the rest (1 x 25.50 + 1 x 10.00).
    BOOST_TEST(db.Count("SELECT * FROM invoice WHERE order_id = 1") == 2);
    BOOST_TEST(SameQuantity(db.Scalar("SELECT CAST(total AS VARCHAR(20)) FROM invoice WHERE "
                                      "invoice_id = (SELECT MAX(invoice_id) FROM invoice)"),
                            35.5));
  };
  return k;
}

// Purchase order PO-1: line 1 = 10 x A-1, line 2 = 5 x A-2.
ReadBackKind Receipts() {
  ReadBackKind k;
  k.job = jobs::kReceiptJob;
  k.read = sim::Operation::kGetInOrdersByQuery;
  k.run = [](const ErpBackend& db, const SimProcess& sim, bool full) {
    return jobs::RunReceiptJob(Connection(db, sim), Options(full), Log());
  };
  k.first_part = [k](const ErpBackend& db, SimProcess& sim) {
    test::AddPurchaseOrderPo1(db);
    jobs::RunPurchaseOrderJob(Connection(db, sim), Options(), Log());
    sim.store().Receive("PO-1", {{"1", "4"}});
    const auto applied = k.run(db, sim, false);
    BOOST_REQUIRE_MESSAGE(applied.sent == 1u, applied.summary);
  };
  k.rest = [](SimProcess& sim) { sim.store().Receive("PO-1"); };
  k.snapshot = [](const ErpBackend& db) {
    const auto line = [&](int no) {
      return Quantity(db,
                      "SELECT CAST(received_qty AS VARCHAR(20)) FROM purchase_order_line WHERE "
                      "po_id = 1 AND line_no = " +
                          std::to_string(no));
    };
    return "purchase order " + db.Scalar("SELECT status FROM purchase_order WHERE po_id = 1") +
           " lines " + line(1) + "/" + line(2) + " state " +
           db.Scalar("SELECT status FROM wms_document_status WHERE doc_no = 'PO-1'");
  };
  k.check_rest_applied = [](const ErpBackend& db) {
    const auto received = [&](int no) {
      return db.Scalar(
          "SELECT CAST(received_qty AS VARCHAR(20)) FROM purchase_order_line WHERE po_id = 1 "
          "AND line_no = " +
          std::to_string(no));
    };
    BOOST_TEST(SameQuantity(received(1), 10), "set to Ongoing's figure, not added: " + received(1));
    BOOST_TEST(SameQuantity(received(2), 5), received(2));
    BOOST_TEST(db.Scalar("SELECT status FROM purchase_order WHERE po_id = 1") == "RECEIVED");
    BOOST_TEST(db.Scalar("SELECT status FROM wms_document_status WHERE doc_no = 'PO-1'") ==
               "RECEIVED");
  };
  return k;
}

// The read fails: nothing is applied, the run is aborted and says why, the watermark stays; the
// next run applies the rest exactly once, and reading the same report again changes nothing.
void CheckFailedReadAppliesNothing(const ErpBackend& db, const ReadBackKind& kind, WmsFault fault) {
  SimProcess sim;
  Prepare(db, sim);
  kind.first_part(db, sim);
  // A watermark far back, so that any move of it shows.
  BOOST_REQUIRE(!Watermark(db, kind.job).empty());
  db.Exec("UPDATE wms_watermark SET value = '" + std::string(kOldWatermark) + "' WHERE job = '" +
          kind.job + "'");
  kind.rest(sim);
  const std::string before = kind.snapshot(db);
  Break(sim, fault, kind.read);
  const Attempt failed = Try(db, kind.job, [&] { return kind.run(db, sim, false); });

  CheckAbortedUnavailable(failed, fault);
  BOOST_TEST(kind.snapshot(db) == before, "nothing applied");
  BOOST_TEST(db.Count("SELECT * FROM wms_run_record WHERE run_id = " + failed.run.id) == 0);
  BOOST_TEST(Watermark(db, kind.job) == kOldWatermark);

  Repair(sim, fault);
  const jobs::JobResult result = kind.run(db, sim, false);
  BOOST_TEST(pipeline::ToString(result.status) ==
             pipeline::ToString(pipeline::RunStatus::kCompleted));
  BOOST_TEST(result.sent == 1u, result.summary);
  kind.check_rest_applied(db);
  BOOST_TEST(Watermark(db, kind.job) != kOldWatermark, "a completed run moves it");

  const std::string applied = kind.snapshot(db);
  const jobs::JobResult again = kind.run(db, sim, true);  // the same report read once more
  BOOST_TEST(again.sent == 0u, again.summary);
  BOOST_TEST(kind.snapshot(db) == applied, "applied once, never added to");
}

}  // namespace

// --- Customer orders ---------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(customer_orders)

ERP_BACKEND_TEST(a_wms_that_is_down_records_nothing_as_sent_and_the_next_run_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, CustomerOrders(), WmsFault::kDown);
}

ERP_BACKEND_TEST(a_lasting_http_500_records_nothing_as_sent_and_the_next_run_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, CustomerOrders(), WmsFault::kHttp500);
}

ERP_BACKEND_TEST(a_time_out_before_ongoing_acted_records_nothing_as_sent_and_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, CustomerOrders(), WmsFault::kTimeoutBefore);
}

ERP_BACKEND_TEST(a_time_out_after_ongoing_acted_records_nothing_as_sent_and_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, CustomerOrders(), WmsFault::kTimeoutAfter);
}

ERP_BACKEND_TEST(ongoings_refusal_is_recorded_in_its_words_and_once_fixed_sent_once_R30_R29) {
  CheckRefusalThenFixedSentOnce(db, CustomerOrders());
}

BOOST_AUTO_TEST_SUITE_END()

// --- Purchase orders (Ongoing in-orders) -------------------------------------------------------

BOOST_AUTO_TEST_SUITE(purchase_orders)

ERP_BACKEND_TEST(a_wms_that_is_down_records_nothing_as_sent_and_the_next_run_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, PurchaseOrders(), WmsFault::kDown);
}

ERP_BACKEND_TEST(a_lasting_http_500_records_nothing_as_sent_and_the_next_run_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, PurchaseOrders(), WmsFault::kHttp500);
}

ERP_BACKEND_TEST(a_time_out_before_ongoing_acted_records_nothing_as_sent_and_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, PurchaseOrders(), WmsFault::kTimeoutBefore);
}

ERP_BACKEND_TEST(a_time_out_after_ongoing_acted_records_nothing_as_sent_and_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, PurchaseOrders(), WmsFault::kTimeoutAfter);
}

ERP_BACKEND_TEST(ongoings_refusal_is_recorded_in_its_words_and_once_fixed_sent_once_R30_R29) {
  CheckRefusalThenFixedSentOnce(db, PurchaseOrders());
}

BOOST_AUTO_TEST_SUITE_END()

// --- Internal orders (sent on request only) ------------------------------------------------------

BOOST_AUTO_TEST_SUITE(internal_orders)

ERP_BACKEND_TEST(a_wms_that_is_down_records_nothing_as_sent_and_the_next_run_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, InternalOrders(), WmsFault::kDown);
}

ERP_BACKEND_TEST(a_lasting_http_500_records_nothing_as_sent_and_the_next_run_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, InternalOrders(), WmsFault::kHttp500);
}

ERP_BACKEND_TEST(a_time_out_before_ongoing_acted_records_nothing_as_sent_and_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, InternalOrders(), WmsFault::kTimeoutBefore);
}

ERP_BACKEND_TEST(a_time_out_after_ongoing_acted_records_nothing_as_sent_and_sends_once_R29_R31) {
  CheckUnavailableThenSentOnce(db, InternalOrders(), WmsFault::kTimeoutAfter);
}

ERP_BACKEND_TEST(ongoings_refusal_is_recorded_in_its_words_and_once_fixed_sent_once_R30_R29) {
  CheckRefusalThenFixedSentOnce(db, InternalOrders());
}

BOOST_AUTO_TEST_SUITE_END()

// --- Deliveries ----------------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(deliveries)

ERP_BACKEND_TEST(a_read_with_the_wms_down_applies_nothing_keeps_the_watermark_R31_R18_R19) {
  CheckFailedReadAppliesNothing(db, Deliveries(), WmsFault::kDown);
}

ERP_BACKEND_TEST(a_read_answered_with_http_500_applies_nothing_keeps_the_watermark_R31_R18_R19) {
  CheckFailedReadAppliesNothing(db, Deliveries(), WmsFault::kHttp500);
}

ERP_BACKEND_TEST(a_read_that_times_out_applies_nothing_keeps_the_watermark_R31_R18_R19) {
  CheckFailedReadAppliesNothing(db, Deliveries(), WmsFault::kTimeoutBefore);
}

BOOST_AUTO_TEST_SUITE_END()

// --- Receipts ------------------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(receipts)

ERP_BACKEND_TEST(a_read_with_the_wms_down_applies_nothing_keeps_the_watermark_R31_R22) {
  CheckFailedReadAppliesNothing(db, Receipts(), WmsFault::kDown);
}

ERP_BACKEND_TEST(a_read_answered_with_http_500_applies_nothing_keeps_the_watermark_R31_R22) {
  CheckFailedReadAppliesNothing(db, Receipts(), WmsFault::kHttp500);
}

ERP_BACKEND_TEST(a_read_that_times_out_applies_nothing_keeps_the_watermark_R31_R22) {
  CheckFailedReadAppliesNothing(db, Receipts(), WmsFault::kTimeoutBefore);
}

BOOST_AUTO_TEST_SUITE_END()

// --- One passing fault on a read (issue 10) ------------------------------------------------------
// Every WMS call is retried by the run's one policy, reads as much as writes: one HTTP 500 on
// a read costs a retry, not the run.

namespace {

// True once the fault fired: the simulator removes a fault whose `times` are spent.
bool Spent(SimProcess& sim, int fault_id) {
  for (const auto& f : sim.store().Faults()) {
    if (f.id == fault_id)
      return false;
  }
  return true;
}

// Ongoing answers the next call of `operation` with HTTP 500, once.
int FailOnce(SimProcess& sim, sim::Operation operation) {
  sim::FaultSpec spec;
  spec.operation = operation;
  spec.kind = sim::FaultKind::kHttp500;
  spec.times = 1;
  const int id = sim.store().AddFault(spec);
  BOOST_REQUIRE(!Spent(sim, id));
  return id;
}

void CheckCompleted(const jobs::JobResult& result) {
  BOOST_TEST(
      pipeline::ToString(result.status) == pipeline::ToString(pipeline::RunStatus::kCompleted),
      result.summary + " " + result.abort_reason);
  BOOST_TEST(!result.wms_error.has_value());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(passing_read_faults)

ERP_BACKEND_TEST(one_http_500_on_reading_transporters_is_retried_and_the_order_sent_R31_R5) {
  SimProcess sim;
  Prepare(db, sim);
  const ExportKind kind = CustomerOrders();  // the order names a delivery method (R5)
  kind.add(db, "A-2");
  const int fault = FailOnce(sim, sim::Operation::kGetTransporterContracts);
  const jobs::JobResult result = kind.run(db, sim);
  CheckCompleted(result);
  BOOST_TEST(Spent(sim, fault), "the HTTP 500 was answered");
  BOOST_TEST(sim.store().CallCount(sim::Operation::kGetTransporterContracts) == 2,
             "the failed read and its retry");
  BOOST_TEST(result.sent == 1u, result.summary);
  BOOST_TEST(kind.in_wms(sim).size() == 1u);
  BOOST_TEST(DocStatus(db, kind, "status") == "SENT");
}

ERP_BACKEND_TEST(one_http_500_on_reading_orders_is_retried_and_the_delivery_applied_R31_R18) {
  SimProcess sim;
  Prepare(db, sim);
  const ReadBackKind kind = Deliveries();
  kind.first_part(db, sim);
  kind.rest(sim);
  const int fault = FailOnce(sim, sim::Operation::kGetOrdersByQuery);
  const jobs::JobResult result = kind.run(db, sim, false);
  CheckCompleted(result);
  BOOST_TEST(Spent(sim, fault), "the HTTP 500 was answered");
  BOOST_TEST(result.sent == 1u, result.summary);
  kind.check_rest_applied(db);
}

ERP_BACKEND_TEST(one_http_500_on_reading_in_orders_is_retried_and_the_receipt_applied_R31_R22) {
  SimProcess sim;
  Prepare(db, sim);
  const ReadBackKind kind = Receipts();
  kind.first_part(db, sim);
  kind.rest(sim);
  const int fault = FailOnce(sim, sim::Operation::kGetInOrdersByQuery);
  const jobs::JobResult result = kind.run(db, sim, false);
  CheckCompleted(result);
  BOOST_TEST(Spent(sim, fault), "the HTTP 500 was answered");
  BOOST_TEST(result.sent == 1u, result.summary);
  kind.check_rest_applied(db);
}

BOOST_AUTO_TEST_SUITE_END()
