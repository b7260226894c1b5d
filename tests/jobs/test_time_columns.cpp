// The wms_ tables' times (issue 14, point 8; migration 014, docs/dba.md): on PostgreSQL a
// `timestamp` holding UTC, on SQLite UTC text; an upgrade keeps every value as the same instant,
// and the jobs go on reading and writing them through both ODBC drivers (leases, schedule slots,
// watermarks). ERP over ODBC (SQLite and PostgreSQL), the simulator over HTTP.
#define BOOST_TEST_MODULE time_columns
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "stages/erp/migrator.h"
#include "tests/support/backend_test.h"
#include "tests/support/cli_process.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;
using test::ErpBackend;
using test::SimProcess;

namespace {

constexpr const char* kUpgrade = "014_timestamp_columns.sql";

// Every time column of the wms_ tables.
const std::vector<std::pair<std::string, std::string>> kTimeColumns = {
    {"wms_run", "started_at"},
    {"wms_run", "finished_at"},
    {"wms_run_record", "recorded_at"},
    {"wms_sync_state", "first_sent_at"},
    {"wms_sync_state", "last_sent_at"},
    {"wms_sync_state", "last_attempt_at"},
    {"wms_sync_state", "handling_started_at"},
    {"wms_send_request", "requested_at"},
    {"wms_send_request", "processed_at"},
    {"wms_job_lock", "locked_at"},
    {"wms_job_lock", "expires_at"},
    {"wms_job_schedule", "last_due_at"},
    {"wms_job_schedule", "claimed_at"},
    {"wms_retired_number", "retired_at"},
    {"wms_stock_journal", "adjusted_at"},
    {"wms_watermark", "value"},
    {"wms_schema_version", "applied_at"},
    {"wms_webhook_events", "received_at"},
    {"wms_webhook_events", "next_attempt_at"},
    {"wms_webhook_events", "done_at"},
};

std::string DataType(const ErpBackend& db, const std::string& table, const std::string& column) {
  return db.Scalar(
      "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() "
      "AND table_name = '" +
      table + "' AND column_name = '" + column + "'");
}

// The database as migration 013 left it: every wms_ table and view dropped, then the migrations
// of the repository but 014 applied (from a copy of sql/ without it).
void RewindTo013(const ErpBackend& db) {
  const bool pg = db.Name() == "postgresql";
  const std::string objects =
      pg ? "SELECT table_name FROM information_schema.tables WHERE table_schema = "
           "current_schema() AND table_name LIKE 'wms%' AND table_type = "
         : "SELECT name FROM sqlite_master WHERE name LIKE 'wms%' AND type = ";
  for (const std::string kind : {"VIEW", "TABLE"}) {
    const std::string type =
        pg ? (kind == "VIEW" ? "'VIEW'" : "'BASE TABLE'") : (kind == "VIEW" ? "'view'" : "'table'");
    for (std::string name = db.Scalar(objects + type); !name.empty();
         name = db.Scalar(objects + type))
      db.Exec("DROP " + kind + " " + name + (pg ? " CASCADE" : ""));
  }
  const std::filesystem::path sql = test::TempDir("sql-013");
  const std::filesystem::path migrations = std::filesystem::path(db.Name()) / "migrations";
  std::filesystem::create_directories(sql / migrations);
  for (const auto& file :
       std::filesystem::directory_iterator(std::filesystem::path(test::SqlDir()) / migrations)) {
    if (file.path().filename() != kUpgrade)
      std::filesystem::copy_file(file.path(), sql / migrations / file.path().filename());
  }
  erp::ErpDatabase at_013(db.ConnectionString(), sql.string());
  erp::Migrate(at_013);
  BOOST_REQUIRE(db.Count("SELECT * FROM wms_schema_version WHERE version = 14") == 0);
}

std::string UtcText(const Poco::Timestamp& at) {
  return Poco::DateTimeFormatter::format(at, "%Y-%m-%d %H:%M:%S");
}

struct Stored {
  std::string select;  // the value's column and row
  std::string text;    // what the product wrote, and reads back
};

}  // namespace

// A database migrated to 013 holds runs, their records, sync state, a send request, a lease,
// a schedule slot, watermarks, a retired number and a stock journal line, in the text forms
// the product writes (UTC, "YYYY-MM-DD HH:MM:SS"; two in the hours daylight saving skips and
// repeats in Europe). After 014 every value reads back as the same text and, on PostgreSQL, is a
// `timestamp` equal to that instant; the jobs then go on with them: a live lease refuses a run,
// an expired one is taken over and its dead run closed, the full comparison's mark is read (the
// run is incremental), the watermark moves, and run-due honours the slot claimed before.
ERP_BACKEND_TEST(an_upgrade_to_014_keeps_every_time_and_the_jobs_run_on_it) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  RewindTo013(db);
  const bool pg = db.Name() == "postgresql";
  const std::string recent_full = UtcText(Poco::Timestamp() - Poco::Timespan(3600, 0));

  db.Exec(
      "INSERT INTO wms_run (connection_name, job, mode, started_at, status, host, pid) VALUES "
      "('demo', 'articles', 'incremental', '2026-03-29 02:30:00', 'RUNNING', 'elsewhere', 4242)");
  const std::string dead = db.Scalar("SELECT MAX(run_id) FROM wms_run");
  db.Exec(
      "INSERT INTO wms_run (connection_name, job, mode, started_at, finished_at, status) VALUES "
      "('demo', 'customer-orders', 'incremental', '2026-10-25 02:30:00', '2026-10-25 02:31:05', "
      "'COMPLETED_WITH_REJECTS')");
  const std::string finished = db.Scalar("SELECT MAX(run_id) FROM wms_run");
  db.Exec(
      "INSERT INTO wms_run_record (run_id, doc_type, doc_no, outcome, reason, recorded_at) "
      "VALUES (" +
      finished + ", 'customer_order', 'SO-9', 'rejected', 'no address', '2026-10-25 02:30:59')");
  db.Exec(
      "INSERT INTO wms_sync_state (connection_name, doc_type, doc_no, erp_id, status, "
      "first_sent_at, last_sent_at, last_attempt_at, handling_started_at) VALUES ('demo', "
      "'customer_order', 'SO-8', '8', 'SENT', '2026-01-31 23:59:59', '2026-02-28 12:00:00', "
      "'2026-12-01 00:00:00', '2026-12-01 06:07:08')");
  db.Exec(
      "INSERT INTO wms_send_request (doc_type, doc_no, requested_at, processed_at, outcome) "
      "VALUES ('purchase_order', 'PO-3', '2026-11-27 10:00:00', '2026-11-27 10:05:00', 'SENT')");
  db.Exec(
      "INSERT INTO wms_job_lock (connection_name, job, run_id, host, pid, locked_at, expires_at) "
      "VALUES ('demo', 'articles', " +
      dead + ", 'elsewhere', 4242, '2026-03-29 02:30:00', '2999-01-01 00:00:00')");
  db.Exec(
      "INSERT INTO wms_job_schedule (connection_name, job, last_due_at, claimed_by, claimed_at) "
      "VALUES ('demo', 'articles', '2026-11-30 08:00:00', 'elsewhere:4242', "
      "'2026-11-30 08:10:03')");
  db.Exec(
      "INSERT INTO wms_retired_number (connection_name, doc_type, doc_no, erp_id, wms_id, "
      "retired_at) VALUES ('demo', 'customer_order', 'SO-7', '7', 70, '2026-06-30 22:00:00')");
  db.Exec(
      "INSERT INTO wms_stock_journal (run_id, connection_name, article_no, warehouse_id, "
      "warehouse_code, before_qty, after_qty, difference, adjusted_at) VALUES (" +
      finished + ", 'demo', 'A-1', 1, 'MAIN', 3, 5, 2, '2026-07-01 00:00:00')");
  db.Exec(
      "INSERT INTO wms_watermark (connection_name, job, value) VALUES "
      "('demo', 'articles', '2026-11-01 00:00:00'), ('demo', 'articles:full', '" +
      recent_full + "'), ('demo', 'deliveries', '2026-11-30 07:00:00')");
  const std::string applied_013 =
      db.Scalar("SELECT applied_at FROM wms_schema_version WHERE version = 13");
  if (pg) {  // an ERP's updated_at in a form nobody reads (possible only on PostgreSQL's text)
    db.Exec(
        "INSERT INTO wms_watermark (connection_name, job, value) VALUES "
        "('demo', 'purchase_orders', 'yesterday')");
  }

  const std::vector<Stored> stored = {
      {"started_at FROM wms_run WHERE run_id = " + dead, "2026-03-29 02:30:00"},
      {"started_at FROM wms_run WHERE run_id = " + finished, "2026-10-25 02:30:00"},
      {"finished_at FROM wms_run WHERE run_id = " + finished, "2026-10-25 02:31:05"},
      {"recorded_at FROM wms_run_record", "2026-10-25 02:30:59"},
      {"first_sent_at FROM wms_sync_state", "2026-01-31 23:59:59"},
      {"last_sent_at FROM wms_sync_state", "2026-02-28 12:00:00"},
      {"last_attempt_at FROM wms_sync_state", "2026-12-01 00:00:00"},
      {"handling_started_at FROM wms_sync_state", "2026-12-01 06:07:08"},
      {"sent_at FROM wms_document_status WHERE doc_no = 'SO-8'", "2026-02-28 12:00:00"},
      {"requested_at FROM wms_send_request", "2026-11-27 10:00:00"},
      {"processed_at FROM wms_send_request", "2026-11-27 10:05:00"},
      {"locked_at FROM wms_job_lock", "2026-03-29 02:30:00"},
      {"expires_at FROM wms_job_lock", "2999-01-01 00:00:00"},
      {"last_due_at FROM wms_job_schedule", "2026-11-30 08:00:00"},
      {"claimed_at FROM wms_job_schedule", "2026-11-30 08:10:03"},
      {"retired_at FROM wms_retired_number", "2026-06-30 22:00:00"},
      {"adjusted_at FROM wms_stock_journal", "2026-07-01 00:00:00"},
      {"value FROM wms_watermark WHERE job = 'articles'", "2026-11-01 00:00:00"},
      {"value FROM wms_watermark WHERE job = 'articles:full'", recent_full},
      {"value FROM wms_watermark WHERE job = 'deliveries'", "2026-11-30 07:00:00"},
      {"applied_at FROM wms_schema_version WHERE version = 13", applied_013},
  };

  auto session = db.Open();
  const erp::MigrationResult upgraded = erp::Migrate(*session);
  BOOST_TEST(upgraded.applied == std::vector<std::string>{kUpgrade});
  for (const Stored& value : stored) {
    BOOST_TEST(db.Scalar("SELECT " + value.select) == value.text, value.select);
    if (pg) {  // the same instant, as a timestamp
      const std::string column = value.select.substr(0, value.select.find(' '));
      const std::string where =
          value.select.find(" WHERE ") == std::string::npos ? " WHERE " : " AND ";
      BOOST_TEST(db.Count("SELECT " + value.select + where + column + " = TIMESTAMP '" +
                          value.text + "'") == 1,
                 value.select);
    }
  }
  if (pg) {
    for (const auto& [table, column] : kTimeColumns)
      BOOST_TEST(DataType(db, table, column) == "timestamp without time zone",
                 table + "." + column);
    BOOST_TEST(db.Count("SELECT * FROM wms_watermark WHERE job = 'purchase_orders'") == 0,
               "a watermark that is no time is dropped: the next run reads everything");
  }
  // The views over the converted columns work.
  BOOST_TEST(db.Count("SELECT * FROM wms_v_last_run_problems") == 1);
  BOOST_TEST(db.Scalar("SELECT recorded_at FROM wms_v_last_run_problems") == "2026-10-25 02:30:59");
  BOOST_TEST(db.Count("SELECT * FROM wms_v_runs_per_day") == 2);
  BOOST_TEST(db.Scalar("SELECT job FROM wms_v_runs_per_day WHERE run_date = '2026-03-29'") ==
             "articles");

  test::InstallationFile file(db, sim, sim.dir());
  for (const char* job : {"customer-orders", "purchase-orders", "internal-orders", "deliveries",
                          "receipts", "stock", "articles-full"})
    file.Connection(std::string("schedule.") + job, "off");
  const std::string config = file.Write();

  // The lease taken before the upgrade is live until 2999: the run is refused.
  auto run = test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  BOOST_TEST(run.code == 75, run.output);
  BOOST_TEST(run.output.find("host elsewhere, pid 4242") != std::string::npos, run.output);

  // Expired: the next run takes it over, closes the dead run, runs incrementally (the full
  // comparison's mark of an hour ago was read as a time) and moves the watermark.
  db.Exec("UPDATE wms_job_lock SET expires_at = '2026-03-29 02:35:00'");
  run = test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(db.Scalar("SELECT status FROM wms_run WHERE run_id = " + dead) == "ABORTED");
  BOOST_TEST(!db.Scalar("SELECT finished_at FROM wms_run WHERE run_id = " + dead).empty());
  BOOST_TEST(db.Count("SELECT * FROM wms_job_lock") == 0);
  const std::string last = "(SELECT MAX(run_id) FROM wms_run)";
  BOOST_TEST(db.Scalar("SELECT mode FROM wms_run WHERE run_id = " + last) == "incremental");
  BOOST_TEST(db.Scalar("SELECT status FROM wms_run WHERE run_id = " + last) == "COMPLETED");
  BOOST_TEST(db.Scalar("SELECT value FROM wms_watermark WHERE job = 'articles'") ==
             "2026-11-20 09:50:00");  // the articles' updated_at less the 10 minutes' overlap
  BOOST_TEST(db.Count("SELECT * FROM wms_run WHERE started_at > finished_at") == 0);

  // run-due: the slot of 08:00 UTC was claimed before the upgrade, so nothing is due at 08:20;
  // on Wednesday the 10:00 slot runs once.
  const long runs = db.Count("SELECT * FROM wms_run");
  run = test::RunCli({"--config", config, "run-due", "--now", "2026-11-30 08:20:00"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == runs);
  run = test::RunCli({"--config", config, "run-due", "--now", "2026-12-02 10:20:00"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == runs + 1);
  BOOST_TEST(db.Scalar("SELECT last_due_at FROM wms_job_schedule WHERE job = 'articles'") ==
             "2026-12-02 10:00:00");
}

// After `db migrate` every time column of a wms_ table or view is a timestamp on PostgreSQL
// (none left as text: a time column a later migration adds as text is caught by its name), and
// the product's writes read back in the form it wrote.
ERP_BACKEND_TEST(the_wms_times_are_timestamps_on_postgresql_after_db_migrate) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  test::InstallationFile file(db, sim, sim.dir());
  const std::string config = file.Write();
  const auto migrate = test::RunCli({"--config", config, "db", "migrate"});
  BOOST_TEST(migrate.code == 0, migrate.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_schema_version WHERE version = 14") == 1);
  if (db.Name() == "postgresql") {
    for (const auto& [table, column] : kTimeColumns)
      BOOST_TEST(DataType(db, table, column) == "timestamp without time zone",
                 table + "." + column);
    BOOST_TEST(DataType(db, "wms_document_status", "sent_at") == "timestamp without time zone");
    BOOST_TEST(db.Scalar("SELECT MIN(table_name || '.' || column_name) FROM "
                         "information_schema.columns WHERE table_schema = current_schema() AND "
                         "table_name LIKE 'wms%' AND column_name LIKE '%\\_at' AND data_type <> "
                         "'timestamp without time zone'") == "");
  }
  const auto run = test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  BOOST_TEST(run.code == 0, run.output);
  const std::string started = db.Scalar("SELECT started_at FROM wms_run");
  BOOST_TEST(started.size() == 19u, started);  // "YYYY-MM-DD HH:MM:SS", no zone, no fraction
  BOOST_TEST(db.Scalar("SELECT finished_at FROM wms_run") >= started);
  BOOST_TEST(db.Scalar("SELECT value FROM wms_watermark WHERE job = 'articles'") ==
             "2026-11-20 09:50:00");
}
