// Reloads (R28) and status (R29) of the job runner (issue 13, points 5 and 6), through the
// command line and the ERP database (SQLite and PostgreSQL) with the simulator: a reload resends
// exactly the documents from its date and duplicates nothing in Ongoing or the ERP, a read-back
// reload re-reads and books nothing twice, every reload is a run with its parameters; status
// shows each job of each connection, says when one is stale by its exit code, and writes CSV
// and JSON that parse.
#define BOOST_TEST_MODULE reload_status
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "jobs/exit_codes.h"
#include "jobs/job_definitions.h"
#include "jobs/job_status.h"
#include "jobs/readback_jobs.h"
#include "jobs/reload_command.h"
#include "jobs/status_table.h"
#include "tests/support/backend_test.h"
#include "tests/support/cli_process.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;
using test::ErpBackend;
using test::SimProcess;

namespace {

void Seed(const ErpBackend& db) {
  db.Exec("INSERT INTO warehouse (warehouse_id, code, name) VALUES (1, 'MAIN', 'Göteborg')");
  db.Exec("INSERT INTO currency (code, name) VALUES ('SEK', 'krona')");
  db.Exec("INSERT INTO customer (customer_id, customer_no, name) VALUES (1, 'K-1', 'Kund')");
  test::AddStockAndFreightArticles(db);
}

// Order O-ID updated at `updated_at`: line 1 = 2 x A-1, line 2 = 1 x A-2.
void AddOrder(const ErpBackend& db, int id, const std::string& updated_at) {
  const std::string i = std::to_string(id);
  db.Exec(
      "INSERT INTO customer_order (order_id, order_no, customer_id, warehouse_id, order_date, "
      "delivery_date, currency_code, delivery_name, delivery_address, delivery_postcode, "
      "delivery_city, delivery_country_code, payment_method, status, updated_at) VALUES (" +
      i + ", 'O-" + i +
      "', 1, 1, '2026-11-25', '2026-12-01', 'SEK', 'Kund', 'Gatan 1', '41101', 'Göteborg', "
      "'SE', 'INVOICE', 'OPEN', '" +
      updated_at + "')");
  db.Exec(
      "INSERT INTO customer_order_line (order_id, line_no, article_no, description, quantity, "
      "unit_price) VALUES (" +
      i + ", 1, 'A-1', 'Kaffekopp', 2, 10), (" + i + ", 2, 'A-2', 'Tekanna', 1, 25.50)");
}

std::string Config(const ErpBackend& db, const SimProcess& sim) {
  test::InstallationFile file(db, sim, sim.dir());
  file.Connection("export.customer_orders", "true");
  return file.Write();
}

std::string LastRun(const ErpBackend& db, const std::string& column) {
  return db.Scalar("SELECT " + column +
                   " FROM wms_run WHERE run_id = (SELECT MAX(run_id) FROM "
                   "wms_run)");
}

// Three orders updated 20, 26 and 27 November, all sent once.
std::string SentOrders(const ErpBackend& db, SimProcess& sim) {
  Seed(db);
  AddOrder(db, 1, "2026-11-20 10:00:00");
  AddOrder(db, 2, "2026-11-26 08:00:00");
  AddOrder(db, 3, "2026-11-27 09:30:00");
  const std::string config = Config(db, sim);
  auto run = test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  BOOST_REQUIRE_MESSAGE(run.code == 0, run.output);
  run = test::RunCli({"--config", config, "run", "customer-orders", "--no-progress"});
  BOOST_REQUIRE_MESSAGE(run.code == 0, run.output);
  BOOST_REQUIRE(sim.store().CallCount(sim::Operation::kProcessOrder) == 3);
  return config;
}

// Records of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false, in_quotes = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      records.back().push_back(field);
      field.clear();
      quoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      records.back().push_back(field);
      field.clear();
      quoted = false;
      records.emplace_back();
      ++i;
    } else {
      BOOST_TEST_REQUIRE(c != '\n', "a bare LF in CSV: " + text);
      field += c;
    }
  }
  if (records.back().empty())
    records.pop_back();
  return records;
}

// The CSV records whose first columns are `connection` and `job`.
std::map<std::string, std::string> CsvRow(const std::vector<std::vector<std::string>>& csv,
                                          const std::string& connection, const std::string& job) {
  std::map<std::string, std::string> row;
  for (const auto& record : csv) {
    if (record.size() >= 2 && record[0] == connection && record[1] == job) {
      for (std::size_t i = 0; i < record.size() && i < csv.front().size(); ++i)
        row[csv.front()[i]] = record[i];
    }
  }
  return row;
}

// `status ARGS -o FILE`: its exit code, its log, and what it wrote.
struct StatusResult {
  int code = 0;
  std::string output, text;
};
StatusResult Status(const std::string& config, std::vector<std::string> args) {
  const std::string file = config + ".status.out";
  std::vector<std::string> cli = {"--config", config, "status", "-o", file};
  cli.insert(cli.end(), args.begin(), args.end());
  const auto run = test::RunCli(cli);
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::remove(file.c_str());
  return {run.code, run.output, text.str()};
}

}  // namespace

// --- Reloads (R28) -------------------------------------------------------------------------------

ERP_BACKEND_TEST(a_reload_from_a_date_resends_exactly_the_documents_from_it_duplicating_none_R28) {
  SimProcess sim;
  const std::string config = SentOrders(db, sim);
  // Unchanged since: a plain run sends nothing.
  sim.store().ResetCalls();
  auto run = test::RunCli({"--config", config, "run", "customer-orders", "--no-progress"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(sim.store().CallCount(sim::Operation::kProcessOrder) == 0);

  run = test::RunCli(
      {"--config", config, "reload", "customer-orders", "--from", "2026-11-26", "--no-progress"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(sim.store().CallCount(sim::Operation::kProcessOrder) == 2);  // O-2 and O-3 only
  const std::string id = LastRun(db, "run_id");
  BOOST_TEST(
      db.Count("SELECT * FROM wms_run_record WHERE run_id = " + id + " AND outcome = 'sent'") == 2);
  BOOST_TEST(
      db.Count("SELECT * FROM wms_run_record WHERE run_id = " + id + " AND doc_no = 'O-1'") == 0);
  // Recorded as a run with its parameters.
  BOOST_TEST(LastRun(db, "mode") == "reload");
  BOOST_TEST(LastRun(db, "status") == "COMPLETED");
  BOOST_TEST(LastRun(db, "parameters") == "connection=demo; from=2026-11-26 00:00:00");
  // Nothing twice: Ongoing has each order once, the ERP one state row per order.
  BOOST_TEST(sim.store().QueryOrders(sim.store().DefaultGoodsOwner().id, {}).size() == 3u);
  BOOST_TEST(db.Count("SELECT * FROM wms_sync_state WHERE doc_type = 'customer_order'") == 3);
  BOOST_TEST(db.Count("SELECT * FROM wms_sync_state WHERE status <> 'SENT' AND doc_type = "
                      "'customer_order'") == 0);

  // Without --from: every order; a dry run sends nothing and writes no run.
  sim.store().ResetCalls();
  run =
      test::RunCli({"--config", config, "reload", "customer-orders", "--dry-run", "--no-progress"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(sim.store().CallCount(sim::Operation::kProcessOrder) == 0);
  BOOST_TEST(LastRun(db, "run_id") == id);
  run = test::RunCli({"--config", config, "reload", "customer-orders", "--no-progress"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(sim.store().CallCount(sim::Operation::kProcessOrder) == 3);
  BOOST_TEST(LastRun(db, "parameters") == "connection=demo; from=(all)");
  BOOST_TEST(sim.store().QueryOrders(sim.store().DefaultGoodsOwner().id, {}).size() == 3u);
}

ERP_BACKEND_TEST(a_reload_of_articles_sends_even_a_held_refusal_from_its_date_on_R28_R32) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);  // all updated 2026-11-20 10:00
  test::InstallationFile file(db, sim, sim.dir());
  const std::string config = file.Write();
  auto run = test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  BOOST_REQUIRE_MESSAGE(run.code == 0, run.output);
  // Ongoing refused A-1 as it is: held, no call, until it changes or a person asks (R32).
  db.Exec(
      "UPDATE wms_sync_state SET refused_payload_hash = payload_hash, payload_hash = 'other', "
      "status = 'ERROR' WHERE doc_type = 'article' AND doc_no = 'A-1'");
  sim.store().ResetCalls();
  run = test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  BOOST_TEST(run.code == 65, run.output);  // held: a rejection
  BOOST_TEST(sim.store().CallCount(sim::Operation::kProcessArticle) == 0);
  // A reload from after their update date sends none of them; from that date, all three.
  run = test::RunCli(
      {"--config", config, "reload", "articles", "--from", "2026-11-21", "--no-progress"});
  BOOST_TEST(sim.store().CallCount(sim::Operation::kProcessArticle) == 0, run.output);
  run = test::RunCli(
      {"--config", config, "reload", "articles", "--from", "2026-11-20", "--no-progress"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(sim.store().CallCount(sim::Operation::kProcessArticle) == 3);
  BOOST_TEST(sim.store().Articles().size() == 3u);  // updated, none created twice
  BOOST_TEST(db.Scalar("SELECT status FROM wms_sync_state WHERE doc_no = 'A-1'") == "SENT");
}

ERP_BACKEND_TEST(a_reload_leaves_the_watermark_where_it_was_R28) {
  SimProcess sim;
  const std::string config = SentOrders(db, sim);
  // An older watermark than the documents: a reload that moved it would skip nothing here, but
  // from a later date it would skip what came in between.
  db.Exec("UPDATE wms_watermark SET value = '2026-11-01 00:00:00' WHERE job = 'customer_orders'");
  const std::string mark = "2026-11-01 00:00:00";
  const auto run = test::RunCli({"--config", config, "reload", "customer-orders", "--from",
                                 "2026-11-27 09:00", "--no-progress"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(db.Scalar("SELECT value FROM wms_watermark WHERE job = 'customer_orders'") == mark);
}

ERP_BACKEND_TEST(a_bad_date_or_a_job_that_cannot_be_reloaded_is_a_usage_error_R28) {
  SimProcess sim;
  Seed(db);
  const std::string config = Config(db, sim);
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"reload", "customer-orders", "--from", "2026-02-30"},
                                             {"reload", "customer-orders", "--from", "yesterday"},
                                             {"reload", "no-such-job"},
                                             {"reload", "stock"},
                                             {"reload", "internal-orders"},
                                             {"reload"}}) {
    std::vector<std::string> cli = {"--config", config};
    cli.insert(cli.end(), args.begin(), args.end());
    const auto run = test::RunCli(cli);
    BOOST_TEST(run.code == 64, run.output);
  }
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 0);
  BOOST_TEST(sim.store().TotalWriteCalls() == 0);
}

ERP_BACKEND_TEST(a_reload_of_deliveries_rereads_and_books_nothing_twice_R28_R18_R19_R26) {
  SimProcess sim;
  const std::string config = SentOrders(db, sim);
  sim.store().Ship("O-2", {}, {{"PKG-2", "https://t.example/2", 0}});
  auto connection = test::BaseConnection(db, sim);
  connection.warehouses = {"MAIN"};
  connection.invoice_at_delivery = true;
  auto options = test::BaseJobOptions();
  jobs::RunDeliveryJob(connection, options, test::TestLog());
  const auto quantities = [&] {
    return db.Scalar("SELECT CAST(SUM(delivered_qty) AS NUMERIC(12,3)) FROM customer_order_line");
  };
  const std::string delivered = quantities();
  BOOST_REQUIRE(db.Count("SELECT * FROM shipment_tracking") == 1);
  BOOST_REQUIRE(db.Count("SELECT * FROM invoice") == 1);

  for (const std::string from : {"", "2026-01-01 00:00:00"}) {
    sim.store().ResetCalls();
    options.reload_from = from;
    const auto result = jobs::RunDeliveryJob(connection, options, test::TestLog());
    BOOST_TEST((result.status == pipeline::RunStatus::kCompleted), result.summary);
    BOOST_TEST(sim.store().CallCount(sim::Operation::kGetOrdersByQuery) >= 1);  // read again
    BOOST_TEST(quantities() == delivered);
    BOOST_TEST(db.Count("SELECT * FROM shipment_tracking") == 1);
    BOOST_TEST(db.Count("SELECT * FROM invoice") == 1);
    BOOST_TEST(db.Count("SELECT * FROM invoice_line") ==
               db.Count("SELECT * FROM invoice_line WHERE invoice_id = (SELECT MIN(invoice_id) "
                        "FROM invoice)"));
    BOOST_TEST(LastRun(db, "mode") == "reload");
  }
  // The CLI takes the read-back too, with its date.
  const auto run = test::RunCli(
      {"--config", config, "reload", "deliveries", "--from", "2026-11-01", "--no-progress"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(LastRun(db, "job") == "deliveries");
  BOOST_TEST(LastRun(db, "parameters") == "connection=demo; from=2026-11-01 00:00:00");
  BOOST_TEST(quantities() == delivered);
  BOOST_TEST(db.Count("SELECT * FROM shipment_tracking") == 1);
}

// --- Status (R29) --------------------------------------------------------------------------------

namespace {

// Only the article job on a schedule (articles-full and the others off).
std::string OnlyArticlesScheduled(const ErpBackend& db, const SimProcess& sim) {
  test::InstallationFile file(db, sim, sim.dir());
  for (const char* job : {"articles-full", "customer-orders", "purchase-orders", "internal-orders",
                          "deliveries", "receipts", "stock"})
    file.Connection(std::string("schedule.") + job, "off");
  return file.Write();
}

}  // namespace

ERP_BACKEND_TEST(a_stale_job_makes_status_exit_79_and_a_fresh_one_0_R29) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  const std::string config = OnlyArticlesScheduled(db, sim);
  // Never run: its latest slot is long past.
  auto status = test::RunCli({"--config", config, "status"});
  BOOST_TEST(status.code == jobs::kExitStale, status.output);
  BOOST_TEST(status.output.find("articles is stale") != std::string::npos, status.output);

  auto run = test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  BOOST_REQUIRE_MESSAGE(run.code == 0, run.output);
  status = test::RunCli({"--config", config, "status"});
  BOOST_TEST(status.code == 0, status.output);
  BOOST_TEST(status.output.find("STALE") == std::string::npos, status.output);

  // Days later with no run since: stale again.
  status = test::RunCli({"--config", config, "status", "--now", "2099-06-05 12:00:00"});
  BOOST_TEST(status.code == jobs::kExitStale, status.output);

  // Only a completed run counts: Wednesday 2026-12-02 10:40 in Stockholm, the slot an hour back
  // is 09:30 (08:30 UTC); a run aborted after it does not make the job fresh, one completed does.
  const auto insert = [&](const std::string& started, const std::string& run_status) {
    db.Exec(
        "INSERT INTO wms_run (connection_name, job, mode, started_at, status) VALUES "
        "('demo', 'articles', 'incremental', '" +
        started + "', '" + run_status + "')");
  };
  db.Exec("DELETE FROM wms_run");
  insert("2026-12-01 06:00:00", "COMPLETED");
  insert("2026-12-02 08:35:00", "ABORTED");
  status = test::RunCli({"--config", config, "status", "--now", "2026-12-02 09:40:00"});
  BOOST_TEST(status.code == jobs::kExitStale, status.output);
  insert("2026-12-02 08:50:00", "COMPLETED_WITH_REJECTS");
  status = test::RunCli({"--config", config, "status", "--now", "2026-12-02 09:40:00"});
  BOOST_TEST(status.code == 0, status.output);
}

ERP_BACKEND_TEST(status_shows_each_job_of_each_connection_in_table_csv_and_json_R29) {
  SimProcess sim;
  Seed(db);
  test::InstallationFile file(db, sim, sim.dir());
  file.AddConnection("second", {});
  const std::string config = file.Write();
  auto run = test::RunCli(
      {"--config", config, "run", "articles", "--connection", "demo", "--no-progress"});
  BOOST_REQUIRE_MESSAGE(run.code == 0, run.output);
  const std::string articles_run = LastRun(db, "run_id");
  // A document in ERROR waiting for a person.
  db.Exec(
      "INSERT INTO wms_sync_state (connection_name, doc_type, doc_no, status, message) VALUES "
      "('demo', 'customer_order', 'O-9', 'ERROR', 'no such article, \"X\"')");
  const std::size_t jobs_per_connection = jobs::JobDefinitions().size() + 1;  // + articles-full

  auto table = test::RunCli({"--config", config, "status"});
  BOOST_TEST((table.code == 0 || table.code == jobs::kExitStale), table.output);
  BOOST_TEST(table.output.find("demo") != std::string::npos, table.output);
  BOOST_TEST(table.output.find("second") != std::string::npos, table.output);

  auto csv_run = Status(config, {"--format", "csv"});
  const auto csv = ParseCsv(csv_run.text);
  BOOST_REQUIRE_MESSAGE(csv.size() == 1 + 2 * jobs_per_connection, csv_run.text);
  for (const auto& record : csv)
    BOOST_TEST(record.size() == csv.front().size());
  auto row = CsvRow(csv, "demo", "articles");
  BOOST_TEST(row["last_run"] == articles_run);
  BOOST_TEST(row["outcome"] == "COMPLETED");
  BOOST_TEST(row["sent"] == "3");
  // The first run of articles is a full comparison (none yet): its parameters say so.
  BOOST_TEST(row["parameters"] == "connection=demo; full");
  BOOST_TEST(!row["next_due_at"].empty());
  BOOST_TEST(CsvRow(csv, "demo", "customer-orders")["error_documents"] == "1");
  BOOST_TEST(CsvRow(csv, "second", "customer-orders")["error_documents"] == "0");
  BOOST_TEST(CsvRow(csv, "second", "articles")["last_run"] == "");
  BOOST_TEST(CsvRow(csv, "demo", "stock")["flagged_differences"] == "0");

  auto json_run = Status(config, {"--format", "json"});
  BOOST_TEST(json_run.code == csv_run.code);
  Poco::JSON::Parser parser;
  const auto json = parser.parse(json_run.text).extract<Poco::JSON::Object::Ptr>();
  const auto rows = json->getArray("jobs");
  BOOST_REQUIRE(rows->size() == 2 * jobs_per_connection);
  BOOST_TEST(json->getValue<bool>("stale") == (json_run.code == jobs::kExitStale));
  bool found = false;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto object = rows->getObject(static_cast<unsigned>(i));
    if (object->getValue<std::string>("connection") == "demo" &&
        object->getValue<std::string>("job") == "articles") {
      found = true;
      BOOST_TEST(object->getValue<int>("sent") == 3);
      BOOST_TEST(object->getValue<std::string>("outcome") == "COMPLETED");
    }
    if (object->getValue<std::string>("connection") == "second")
      BOOST_TEST(object->isNull("last_run"));
  }
  BOOST_TEST(found);
}

ERP_BACKEND_TEST(status_run_lists_its_records_and_parameters_and_bad_arguments_are_64_R29) {
  SimProcess sim;
  const std::string config = SentOrders(db, sim);
  auto run = test::RunCli(
      {"--config", config, "reload", "customer-orders", "--from", "2026-11-27", "--no-progress"});
  BOOST_REQUIRE_MESSAGE(run.code == 0, run.output);
  const std::string id = LastRun(db, "run_id");

  auto status = Status(config, {"--run", id});
  BOOST_TEST(status.code == 0, status.output);
  BOOST_TEST(status.text.find("from=2026-11-27 00:00:00") != std::string::npos, status.text);
  BOOST_TEST(status.text.find("O-3") != std::string::npos, status.text);

  status = Status(config, {"--run", id, "--format", "json"});
  BOOST_TEST(status.code == 0, status.output);
  Poco::JSON::Parser parser;
  const auto json = parser.parse(status.text).extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST(json->getObject("run")->getValue<std::string>("mode") == "reload");
  BOOST_TEST(json->getArray("records")->size() == 1u);
  BOOST_TEST(json->getArray("records")->getObject(0)->getValue<std::string>("doc_no") == "O-3");

  status = Status(config, {"--run", id, "--format", "csv"});
  const auto csv = ParseCsv(status.text);
  BOOST_REQUIRE(csv.size() == 2u);
  BOOST_TEST(CsvRow(csv, id, "demo")["parameters"] == "connection=demo; from=2026-11-27 00:00:00");

  BOOST_TEST(test::RunCli({"--config", config, "status", "--run", "abc"}).code == 64);
  BOOST_TEST(test::RunCli({"--config", config, "status", "--format", "xml"}).code == 64);
  BOOST_TEST(test::RunCli({"--config", config, "status", "--run", "999999"}).code == 65);
}

// --- The rules without a database ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(reload_dates_are_read_strictly_R28) {
  BOOST_TEST(jobs::ParseReloadFrom("2026-11-26").value_or("") == "2026-11-26 00:00:00");
  BOOST_TEST(jobs::ParseReloadFrom("2026-11-26 07:05").value_or("") == "2026-11-26 07:05:00");
  BOOST_TEST(jobs::ParseReloadFrom("2024-02-29T23:59:58").value_or("") == "2024-02-29 23:59:58");
  for (const char* bad : {"", "2026-02-30", "2025-02-29", "2026-13-01", "26-11-01",
                          "2026-11-26 24:00", "2026-11-26 10:61", "today", "2026-11-26x"})
    BOOST_TEST(!jobs::ParseReloadFrom(bad), bad);
}

BOOST_AUTO_TEST_CASE(a_job_is_stale_only_when_a_slot_an_hour_old_has_no_completed_run_R29) {
  const auto zone = *stages::TimeZone::Named("Europe/Stockholm");
  const auto utc = [](const char* text) {
    int tz = 0;
    return Poco::DateTimeParser::parse("%Y-%m-%d %H:%M:%S", text, tz).timestamp();
  };
  const jobs::Schedule every_15 = jobs::Schedule::Parse("daily 05:00-21:00 every 15m");
  // Wednesday 2026-12-02 09:40 in Stockholm (08:40 UTC): the slot an hour back is 08:30 local.
  const auto now = utc("2026-12-02 08:40:00");
  BOOST_TEST(jobs::IsStale(every_15, zone, now, std::nullopt));
  BOOST_TEST(!jobs::IsStale(every_15, zone, now, utc("2026-12-02 07:30:10")));  // 08:30 local
  BOOST_TEST(jobs::IsStale(every_15, zone, now, utc("2026-12-02 07:29:59")));
  // One failed run (the 09:30 slot) is not stale: the last success covers the 08:30 slot.
  BOOST_TEST(!jobs::IsStale(every_15, zone, now, utc("2026-12-02 08:15:00")));
  // Nightly 02:30: at 03:20 local its slot is not an hour old yet; at 03:40 it is.
  const jobs::Schedule nightly = jobs::Schedule::Nightly(2, 30);
  BOOST_TEST(!jobs::IsStale(nightly, zone, utc("2026-12-02 02:20:00"), utc("2026-12-01 01:31:00")));
  BOOST_TEST(jobs::IsStale(nightly, zone, utc("2026-12-02 02:40:00"), utc("2026-12-01 01:31:00")));
  BOOST_TEST(!jobs::IsStale(nightly, zone, utc("2026-12-02 02:40:00"), utc("2026-12-02 01:30:05")));
  BOOST_TEST(!jobs::IsStale(jobs::Schedule::Parse("off"), zone, now, std::nullopt));
}

BOOST_AUTO_TEST_CASE(every_job_of_the_list_has_a_status_row_R29) {
  // A job added to the list must be mapped to its wms_run.job (job_status.cpp): its status would
  // otherwise never find its runs and call it stale for ever.
  jobs::AppConfig app;
  jobs::ConnectionConfig c;
  c.name = "x";
  c.erp_odbc = "Driver=SQLite3;Database=/nonexistent/folder/erp.db";
  const auto rows = jobs::CollectStatus(app, {&c}, Poco::Timestamp());
  BOOST_TEST(rows.size() == jobs::JobDefinitions().size() + 1);
  BOOST_TEST(jobs::StatusExitCode(rows) == 74);
}

BOOST_AUTO_TEST_CASE(csv_quotes_as_rfc_4180_and_json_writes_numbers_and_nulls_R29) {
  jobs::StatusTable table;
  table.columns = {{"name"}, {"count", true}, {"note"}};
  table.rows = {{"a,b", "3", "he said \"hi\"\nthen left"}, {"plain", "", ""}};
  std::ostringstream csv;
  jobs::WriteCsv(table, csv);
  BOOST_TEST(csv.str() ==
             "name,count,note\r\n\"a,b\",3,\"he said \"\"hi\"\"\nthen left\"\r\nplain,,\r\n");
  const auto parsed = ParseCsv(csv.str());
  BOOST_TEST(parsed.size() == 3u);
  BOOST_TEST(parsed[1][2] == "he said \"hi\"\nthen left");

  std::ostringstream json;
  jobs::JsonRows(table)->stringify(json);
  Poco::JSON::Parser parser;
  const auto rows = parser.parse(json.str()).extract<Poco::JSON::Array::Ptr>();
  BOOST_TEST(rows->getObject(0)->getValue<int>("count") == 3);
  BOOST_TEST(rows->getObject(0)->getValue<std::string>("note") == "he said \"hi\"\nthen left");
  BOOST_TEST(rows->getObject(1)->isNull("count"));

  std::ostringstream aligned;
  jobs::WriteAligned({{{"a"}, {"bb"}}, {{"Åsa", "1"}, {"x", ""}}}, aligned);
  BOOST_TEST(aligned.str() == "a    bb\nÅsa  1\nx    -\n");
}
