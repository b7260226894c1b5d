// The stock job end to end (issue 12, R25): the simulator plays the warehouse and its stock;
// stock_balance, the journal and the stored report are checked over ODBC (SQLite and
// PostgreSQL); the CSV and HTML renderings are parsed back. The pure rules (DecideStock, CSV
// quoting) are checked on their own at the end.
#define BOOST_TEST_MODULE stock_job
#include <Poco/Logger.h>
#include <Poco/Process.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "jobs/article_job.h"
#include "jobs/stock_job.h"
#include "stages/stock/csv.h"
#include "stages/stock/stock_decision.h"
#include "tests/support/backend_test.h"
#include "tests/support/cli_process.h"
#include "tests/support/erp_backend.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;
using test::ErpBackend;
using test::SameQuantity;
using test::SimProcess;

BOOST_TEST_DONT_PRINT_LOG_VALUE(std::vector<std::string>)

namespace {

jobs::ConnectionConfig Connection(const ErpBackend& db, const SimProcess& sim) {
  jobs::ConnectionConfig c = test::BaseConnection(db, sim);
  c.warehouses = {"MAIN"};
  c.batch_size = 2;     // the comparison's pages hold 2 articles
  c.wms_page_size = 2;  // and so do Ongoing's (GetInventoryPerWarehouse)
  c.stock_report_dir = sim.dir();
  return c;
}

jobs::JobOptions Options() {
  jobs::JobOptions o = test::BaseJobOptions();
  o.retry.max_attempts = 1;
  return o;
}

// Warehouse MAIN (id 1); articles A-1, A-2 (STOCK), FRAKT (SERVICE) plus A-3..A-5, all
// exported to Ongoing.
void Seed(const ErpBackend& db, const SimProcess& sim) {
  db.Exec("INSERT INTO warehouse (warehouse_id, code, name) VALUES (1, 'MAIN', 'Göteborg')");
  test::AddStockAndFreightArticles(db);
  db.Exec(
      "INSERT INTO article (article_id, article_no, article_type, name, is_active, updated_at) "
      "VALUES (4, 'A-3', 'STOCK', 'Sked', TRUE, '2026-11-20 10:00:00'), "
      "(5, 'A-4', 'STOCK', 'Gaffel', TRUE, '2026-11-20 10:00:00'), "
      "(6, 'A-5', 'STOCK', 'Kniv \"Stor\", rostfri', TRUE, '2026-11-20 10:00:00')");
  jobs::RunArticleJob(Connection(db, sim), Options(), test::TestLog());
}

// Both sides hold the same stock: A-1 10, A-2 5, A-3 2.5 in MAIN.
void SameStock(const ErpBackend& db, SimProcess& sim) {
  db.Exec(
      "INSERT INTO stock_balance (article_no, warehouse_id, quantity) VALUES ('A-1', 1, 10), "
      "('A-2', 1, 5), ('A-3', 1, 2.5)");
  sim.store().SetStock("A-1", "MAIN", "10");
  sim.store().SetStock("A-2", "MAIN", "5");
  sim.store().SetStock("A-3", "MAIN", "2.5");
}

jobs::JobResult Stock(const ErpBackend& db, const SimProcess& sim,
                      const std::function<void(jobs::ConnectionConfig&)>& adapt = {}) {
  auto c = Connection(db, sim);
  if (adapt)
    adapt(c);
  return jobs::RunStockJob(c, Options(), test::TestLog());
}

std::string Balance(const ErpBackend& db, const std::string& article) {
  return db.Scalar(
      "SELECT CAST(quantity AS VARCHAR(40)) FROM stock_balance WHERE warehouse_id = 1 AND "
      "article_no = '" +
      article + "'");
}

std::string Action(const ErpBackend& db, std::int64_t run, const std::string& article) {
  return db.Scalar("SELECT action FROM wms_stock_report WHERE run_id = " + std::to_string(run) +
                   " AND article_no = '" + article + "'");
}

long Journal(const ErpBackend& db, std::int64_t run) {
  return db.Count("SELECT * FROM wms_stock_journal WHERE run_id = " + std::to_string(run));
}

std::string Report(const ErpBackend& db, const SimProcess& sim, std::int64_t run,
                   stock::ReportFormat format) {
  std::ostringstream out;
  jobs::WriteStockReport(Connection(db, sim), test::BaseJobOptions().sql_dir, run, format, out);
  return out.str();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

ERP_BACKEND_TEST(no_differences_adjust_nothing_and_the_report_says_so_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  const auto result = Stock(db, sim);
  BOOST_TEST(result.sent == 0u, result.summary);
  BOOST_TEST(Journal(db, result.run_id) == 0);
  BOOST_TEST(db.Scalar("SELECT CAST(adjusted_count AS VARCHAR(10)) FROM wms_stock_run") == "0");
  BOOST_TEST(db.Scalar("SELECT CAST(equal_count AS VARCHAR(10)) FROM wms_stock_run") == "3");
  const std::string html =
      ReadFile(jobs::StockReportPath(Connection(db, sim), stock::ReportFormat::kHtml));
  BOOST_TEST(html.find("No differences") != std::string::npos);
}

ERP_BACKEND_TEST(differences_are_set_to_ongoings_figure_journaled_and_not_again_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  sim.store().SetStock("A-1", "MAIN", "7");    // the warehouse counted 3 fewer
  sim.store().SetStock("A-2", "MAIN", "5.5");  // and half a unit more
  db.Exec("INSERT INTO stock_balance (article_no, warehouse_id, quantity) VALUES ('A-4', 1, 4)");
  sim.store().SetStock("A-5", "MAIN", "6");  // no ERP row yet: created at Ongoing's figure
  const auto first = Stock(db, sim);
  BOOST_TEST(first.sent == 4u, first.summary);
  BOOST_TEST(SameQuantity(Balance(db, "A-1"), 7));
  BOOST_TEST(SameQuantity(Balance(db, "A-2"), 5.5));
  BOOST_TEST(SameQuantity(Balance(db, "A-3"), 2.5));
  BOOST_TEST(SameQuantity(Balance(db, "A-4"), 0));  // Ongoing knows A-4 and has none of it
  BOOST_TEST(SameQuantity(Balance(db, "A-5"), 6));
  BOOST_TEST(Journal(db, first.run_id) == 4);
  const std::string where = " FROM wms_stock_journal WHERE article_no = 'A-1'";
  BOOST_TEST(SameQuantity(db.Scalar("SELECT CAST(before_qty AS VARCHAR(40))" + where), 10));
  BOOST_TEST(SameQuantity(db.Scalar("SELECT CAST(after_qty AS VARCHAR(40))" + where), 7));
  BOOST_TEST(SameQuantity(db.Scalar("SELECT CAST(difference AS VARCHAR(40))" + where), -3));
  BOOST_TEST(db.Scalar("SELECT CAST(before_qty AS VARCHAR(40)) FROM wms_stock_journal WHERE "
                       "article_no = 'A-5'") == "");
  BOOST_TEST(Action(db, first.run_id, "A-1") == "adjusted");
  BOOST_TEST(Action(db, first.run_id, "A-3") == "equal");

  const auto second = Stock(db, sim);
  BOOST_TEST(second.sent == 0u, second.summary);
  BOOST_TEST(Journal(db, second.run_id) == 0);
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_report WHERE action <> 'equal' AND run_id = " +
                      std::to_string(second.run_id)) == 0);
}

ERP_BACKEND_TEST(articles_on_one_side_only_are_reported_and_service_left_out_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  // Ongoing has stock of A-4, which the ERP no longer knows.
  sim.store().SetStock("A-4", "MAIN", "3");
  db.Exec("DELETE FROM article WHERE article_no = 'A-4'");
  // The ERP has stock of an article never exported.
  db.Exec(
      "INSERT INTO article (article_id, article_no, article_type, name, is_active, updated_at) "
      "VALUES (9, 'NY-1', 'STOCK', 'Ny', TRUE, '2026-11-20 10:00:00')");
  db.Exec(
      "INSERT INTO stock_balance (article_no, warehouse_id, quantity) VALUES ('NY-1', 1, 8), "
      "('FRAKT', 1, 99)");
  const auto result = Stock(db, sim);
  BOOST_TEST(Action(db, result.run_id, "A-4") == "only_in_wms");
  BOOST_TEST(Action(db, result.run_id, "NY-1") == "only_in_erp");
  BOOST_TEST(Action(db, result.run_id, "FRAKT") == "");  // SERVICE: never compared
  BOOST_TEST(SameQuantity(Balance(db, "NY-1"), 8));      // not adjusted
  BOOST_TEST(SameQuantity(Balance(db, "FRAKT"), 99));
  BOOST_TEST(Balance(db, "A-4") == "");
  BOOST_TEST(Journal(db, result.run_id) == 0);
  const std::string html = Report(db, sim, result.run_id, stock::ReportFormat::kHtml);
  pugi::xml_document doc;
  BOOST_TEST(doc.load_string(html.c_str()));
  const auto missing = doc.select_nodes("//table[@id='missing']/tbody/tr");
  BOOST_TEST(missing.size() == 2u);
}

ERP_BACKEND_TEST(a_report_only_run_changes_nothing_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  sim.store().SetStock("A-1", "MAIN", "7");
  const auto result = Stock(db, sim, [](auto& c) { c.stock_report_only = true; });
  BOOST_TEST(SameQuantity(Balance(db, "A-1"), 10));
  BOOST_TEST(Journal(db, result.run_id) == 0);
  BOOST_TEST(Action(db, result.run_id, "A-1") == "report_only");
  BOOST_TEST(db.Scalar("SELECT mode FROM wms_stock_run") == "report-only");
}

ERP_BACKEND_TEST(a_difference_above_the_threshold_is_flagged_not_adjusted_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  sim.store().SetStock("A-1", "MAIN", "4");    // -6: above 5 units
  sim.store().SetStock("A-2", "MAIN", "6");    // +1: 20 % of 5, above 10 %
  sim.store().SetStock("A-3", "MAIN", "2.6");  // +0.1: 4 % of 2.5, within both
  const auto result = Stock(db, sim, [](auto& c) {
    c.stock_threshold_units = "5";
    c.stock_threshold_percent = "10";
  });
  BOOST_TEST(Action(db, result.run_id, "A-1") == "flagged");
  BOOST_TEST(Action(db, result.run_id, "A-2") == "flagged");
  BOOST_TEST(Action(db, result.run_id, "A-3") == "adjusted");
  BOOST_TEST(SameQuantity(Balance(db, "A-1"), 10));
  BOOST_TEST(SameQuantity(Balance(db, "A-2"), 5));
  BOOST_TEST(SameQuantity(Balance(db, "A-3"), 2.6));
  BOOST_TEST(result.rejected == 2u, result.summary);  // a person is needed: the run says so
  const std::string status = jobs::StockStatusLine(Connection(db, sim), Options().sql_dir);
  BOOST_TEST(status.find("2 FLAGGED") != std::string::npos, status);
}

ERP_BACKEND_TEST(stock_is_read_and_compared_across_several_pages_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  sim.store().SetStock("A-5", "MAIN", "1");
  sim.store().SetStock("A-4", "MAIN", "2");
  sim.store().ResetCalls();
  const auto result = Stock(db, sim);
  // 6 articles in Ongoing, 2 a page: 3 full pages and an empty one.
  BOOST_TEST(sim.store().CallCount(sim::Operation::kGetInventoryPerWarehouse) >= 3);
  BOOST_TEST(SameQuantity(Balance(db, "A-4"), 2));
  BOOST_TEST(SameQuantity(Balance(db, "A-5"), 1));
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_report WHERE run_id = " +
                      std::to_string(result.run_id)) == 5);
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_snapshot") == 0);  // the staged copy is gone
}

ERP_BACKEND_TEST(the_csv_and_html_reports_read_back_and_render_again_identically_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  sim.store().SetStock("A-1", "MAIN", "1");    // -9, the largest
  sim.store().SetStock("A-2", "MAIN", "7");    // +2
  sim.store().SetStock("A-5", "MAIN", "0.5");  // +0.5, a name with quotes and a comma
  const auto first = Stock(db, sim);

  const std::string csv =
      ReadFile(jobs::StockReportPath(Connection(db, sim), stock::ReportFormat::kCsv));
  const auto records = stock::ParseCsv(csv);
  BOOST_REQUIRE(records.size() == 5u);  // header and
  BOOST_TEST(records[0][0] == "warehouse");
  BOOST_TEST(records[1][1] == "A-1");
  BOOST_TEST(records[1][2] == "10");
  BOOST_TEST(records[1][3] == "1");
  BOOST_TEST(records[1][4] == "-9");
  BOOST_TEST(records[1][5] == "adjusted");
  BOOST_TEST(records[2][1] == "A-2");
  BOOST_TEST(records[2][4] == "2");
  BOOST_TEST(csv.find("\r\n") != std::string::npos);

  const std::string html =
      ReadFile(jobs::StockReportPath(Connection(db, sim), stock::ReportFormat::kHtml));
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(html.c_str());
  BOOST_TEST(parsed, parsed.description());
  BOOST_TEST(doc.select_node("//svg[@id='chart-largest']/rect") != nullptr);
  BOOST_TEST(doc.select_node("//svg[@id='chart-sizes']") != nullptr);
  const auto rows = doc.select_nodes("//table[@id='differences']/tbody/tr");
  BOOST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(std::string(rows.first().node().child("td").next_sibling("td").text().get()) == "A-1");
  BOOST_TEST(html.find("http") == html.find("http://www.w3.org"));  // no network needed

  // A later run does not change how the earlier one renders.
  sim.store().SetStock("A-3", "MAIN", "9");
  Stock(db, sim);
  BOOST_TEST(Report(db, sim, first.run_id, stock::ReportFormat::kHtml) == html);
  BOOST_TEST(Report(db, sim, first.run_id, stock::ReportFormat::kCsv) == csv);
}

ERP_BACKEND_TEST(the_command_line_runs_stock_and_writes_a_stored_report_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  sim.store().SetStock("A-1", "MAIN", "8");
  test::InstallationFile file(db, sim, sim.dir());
  file.Connection("stock.report_dir", sim.dir());
  const std::string config = file.Write();
  const auto run = test::RunCli({"--config", config, "run", "stock", "--no-progress"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(SameQuantity(Balance(db, "A-1"), 8));
  const std::string out = sim.dir() + "/again.csv";
  const auto report =
      test::RunCli({"--config", config, "report", "stock", "--format", "csv", "-o", out});
  BOOST_TEST(report.code == 0, report.output);
  BOOST_TEST(ReadFile(out) == ReadFile(sim.dir() + "/stock-demo.csv"));
  const auto none = test::RunCli({"--config", config, "report", "stock", "--run", "999"});
  BOOST_TEST(none.code == 65, none.output);
}

// --- Two warehouses (issue 12: every connected warehouse, R3 codes) -----------------------------

namespace {

// A second ERP warehouse SOUTH (id 2), which Ongoing calls NORTH (the simulator's warehouse 2).
void TwoWarehouses(jobs::ConnectionConfig& c) {
  c.warehouses = {"MAIN", "SOUTH"};
  c.wms_warehouse_codes = {{"SOUTH", "NORTH"}};
}

std::string BalanceIn(const ErpBackend& db, int warehouse, const std::string& article) {
  return db.Scalar("SELECT CAST(quantity AS VARCHAR(40)) FROM stock_balance WHERE warehouse_id = " +
                   std::to_string(warehouse) + " AND article_no = '" + article + "'");
}

}  // namespace

ERP_BACKEND_TEST(two_warehouses_are_each_adjusted_in_their_own_across_pages_R25_R3) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  db.Exec("INSERT INTO warehouse (warehouse_id, code, name) VALUES (2, 'SOUTH', 'Malmö')");
  db.Exec(
      "INSERT INTO stock_balance (article_no, warehouse_id, quantity) VALUES ('A-1', 2, 3), "
      "('A-3', 2, 1), ('A-4', 2, 8)");
  sim.store().SetStock("A-1", "MAIN", "7");   // MAIN: 3 fewer
  sim.store().SetStock("A-1", "NORTH", "4");  // SOUTH: 1 more
  sim.store().SetStock("A-2", "NORTH", "2");  // SOUTH: no ERP row yet
  sim.store().SetStock("A-3", "NORTH", "1");  // SOUTH: equal
  sim.store().SetStock("A-4", "NORTH", "8");
  sim.store().SetStock("A-5", "NORTH", "9");
  sim.store().ResetCalls();
  const auto run = Stock(db, sim, TwoWarehouses);
  // 6 articles in Ongoing, 2 a page: several pages, each holding both warehouses' lines.
  BOOST_TEST(sim.store().CallCount(sim::Operation::kGetInventoryPerWarehouse) >= 3);
  BOOST_TEST(run.sent == 4u, run.summary);
  BOOST_TEST(SameQuantity(BalanceIn(db, 1, "A-1"), 7));
  BOOST_TEST(SameQuantity(BalanceIn(db, 1, "A-2"), 5), "MAIN's A-2 is not NORTH's");
  BOOST_TEST(SameQuantity(BalanceIn(db, 2, "A-1"), 4));
  BOOST_TEST(SameQuantity(BalanceIn(db, 2, "A-2"), 2));
  BOOST_TEST(SameQuantity(BalanceIn(db, 2, "A-3"), 1));
  BOOST_TEST(SameQuantity(BalanceIn(db, 2, "A-5"), 9));
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_journal WHERE warehouse_code = 'MAIN'") == 1);
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_journal WHERE warehouse_code = 'SOUTH' AND "
                      "warehouse_id = 2") == 3);
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_report WHERE run_id = " +
                      std::to_string(run.run_id) + " AND warehouse_code = 'SOUTH'") == 5);
  // An intra-day run: a change in NORTH touches SOUTH's row only.
  const auto with_feed = [](jobs::ConnectionConfig& c) {
    TwoWarehouses(c);
    c.stock_full_comparison_hours = 24;
  };
  Stock(db, sim, with_feed);  // the first full comparison with the feed in use
  sim.store().AdjustStock("A-3", "NORTH", "2");
  const auto intra = Stock(db, sim, with_feed);
  BOOST_TEST(intra.sent == 1u, intra.summary);
  BOOST_TEST(SameQuantity(BalanceIn(db, 2, "A-3"), 3));
  BOOST_TEST(SameQuantity(BalanceIn(db, 1, "A-3"), 2.5));
  BOOST_TEST(db.Scalar("SELECT warehouse_code FROM wms_stock_journal WHERE run_id = " +
                       std::to_string(intra.run_id)) == "SOUTH");
}

// More lines than a page of the stored report (1000): keyset paging on (difference, warehouse,
// article) must give every line once, in order, across page ends that fall inside ties.
ERP_BACKEND_TEST(a_large_report_pages_every_line_once_in_order_R25) {
  SimProcess sim;
  db.Exec(
      "INSERT INTO wms_stock_run (run_id, connection_name, mode, warehouses, compared_count, "
      "equal_count, adjusted_count, flagged_count, report_only_count, only_erp_count, "
      "only_wms_count, abs_difference) VALUES (900, 'demo', 'adjust', 'MAIN,SOUTH', 2500, 0, "
      "2500, 0, 0, 0, 0, 0)");
  db.Exec(
      "INSERT INTO wms_stock_report (run_id, warehouse_code, article_no, erp_quantity, "
      "wms_quantity, difference, abs_difference, action, reason) "
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500) "
      "SELECT 900, CASE WHEN i % 2 = 0 THEN 'MAIN' ELSE 'SOUTH' END, "
      "'A-' || CAST(1000000 + i AS VARCHAR(10)), 0, i % 7, i % 7, i % 7, 'adjusted', '' FROM n");
  const auto records = stock::ParseCsv(Report(db, sim, 900, stock::ReportFormat::kCsv));
  BOOST_TEST_REQUIRE(records.size() == 2501u);  // the header and every line once
  std::set<std::string> seen;
  for (std::size_t i = 1; i < records.size(); ++i) {
    seen.insert(records[i][0] + "/" + records[i][1]);
    if (i > 1) {
      const auto& a = records[i - 1];
      const auto& b = records[i];
      const bool ordered = std::stod(a[4]) > std::stod(b[4]) ||
                           (a[4] == b[4] && (a[0] < b[0] || (a[0] == b[0] && a[1] < b[1])));
      BOOST_TEST_REQUIRE(ordered, "line " << i);
    }
  }
  BOOST_TEST(seen.size() == 2500u);
}

// --- Intra-day runs over Ongoing's change feed (issue 12, point 3) -----------------------------

namespace {

// The feed in use: a full comparison every 24 hours, intra-day runs in between.
void WithFeed(jobs::ConnectionConfig& c) {
  c.stock_full_comparison_hours = 24;
}

long Unreported(SimProcess& sim) {
  long count = 0;
  for (const auto& t : sim.store().InventoryTransactions())
    count += t.reported ? 0 : 1;
  return count;
}

}  // namespace

ERP_BACKEND_TEST(an_intra_day_run_applies_only_what_the_change_feed_names_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  const auto nightly = Stock(db, sim, WithFeed);  // no full comparison yet: this one is
  BOOST_TEST(Unreported(sim) == 0, "the full run acknowledged the changes it covered");
  BOOST_TEST(db.Scalar("SELECT mode FROM wms_stock_run WHERE run_id = " +
                       std::to_string(nightly.run_id)) == "adjust");
  sim.store().AdjustStock("A-1", "MAIN", "-3");                                // in the feed
  db.Exec("UPDATE stock_balance SET quantity = 99 WHERE article_no = 'A-2'");  // not in it
  sim.store().ResetCalls();
  const auto intra = Stock(db, sim, WithFeed);
  BOOST_TEST(intra.sent == 1u, intra.summary);
  BOOST_TEST(SameQuantity(Balance(db, "A-1"), 7));
  BOOST_TEST(SameQuantity(Balance(db, "A-2"), 99), "left for the nightly full comparison");
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_report WHERE run_id = " +
                      std::to_string(intra.run_id)) == 1);
  BOOST_TEST(db.Scalar("SELECT mode FROM wms_stock_run WHERE run_id = " +
                       std::to_string(intra.run_id)) == "adjust (changes only)");
  BOOST_TEST(sim.store().CallCount(sim::Operation::kSetInventoryChangesToReported) == 1);
  BOOST_TEST(Unreported(sim) == 0);
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_change") == 0, "acknowledged: forgotten");
  // Nothing new in the feed: nothing read again, nothing compared.
  sim.store().ResetCalls();
  const auto quiet = Stock(db, sim, WithFeed);
  // One call: the logon check every run starts with; no article is read again.
  BOOST_TEST(sim.store().CallCount(sim::Operation::kGetInventoryPerWarehouse) == 1);
  BOOST_TEST(Journal(db, quiet.run_id) == 0);
  // --full compares everything again.
  auto options = Options();
  options.full = true;
  auto c = Connection(db, sim);
  WithFeed(c);
  const auto full = jobs::RunStockJob(c, options, test::TestLog());
  BOOST_TEST(SameQuantity(Balance(db, "A-2"), 5));
  BOOST_TEST(Journal(db, full.run_id) == 1);
}

ERP_BACKEND_TEST(the_change_feed_is_read_across_several_pages_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  Stock(db, sim, WithFeed);
  for (const char* article : {"A-1", "A-2", "A-3", "A-4", "A-5"})
    sim.store().AdjustStock(article, "MAIN", "2");
  sim.store().ResetCalls();
  const auto intra = Stock(db, sim, WithFeed);
  // 5 articles changed, 2 a page: 3 pages of the feed.
  BOOST_TEST(sim.store().CallCount(sim::Operation::kGetInventoryChanges) >= 3);
  BOOST_TEST(intra.sent == 5u, intra.summary);
  BOOST_TEST(SameQuantity(Balance(db, "A-1"), 12));
  BOOST_TEST(SameQuantity(Balance(db, "A-5"), 2));
  BOOST_TEST(Unreported(sim) == 0);
}

ERP_BACKEND_TEST(the_change_feed_is_applied_once_across_a_run_killed_before_acknowledging_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  test::InstallationFile file(db, sim, sim.dir());
  file.Connection("stock.report_dir", sim.dir());
  file.Connection("stock.full_comparison_hours", "24");
  const std::string config = file.Write();
  const auto nightly = test::RunCli({"--config", config, "run", "stock", "--no-progress"});
  BOOST_TEST(nightly.code == 0, nightly.output);
  sim.store().AdjustStock("A-1", "MAIN", "-3");
  sim.store().AdjustStock("A-2", "MAIN", "1");
  const long journal_before = db.Count("SELECT * FROM wms_stock_journal");
  // The acknowledgement hangs: the run is killed after the ERP committed, before Ongoing knows.
  sim::FaultSpec slow;
  slow.kind = sim::FaultKind::kLatency;
  slow.operation = sim::Operation::kSetInventoryChangesToReported;
  slow.ms = 20000;
  sim.store().AddFault(slow);
  sim.store().ResetCalls();
  Poco::ProcessHandle run = Poco::Process::launch(
      test::WmsBridgeBinary(), {"--config", config, "--no-progress", "run", "stock"});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (sim.store().CallCount(sim::Operation::kSetInventoryChangesToReported) < 1 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  Poco::Process::kill(run);  // SIGKILL: no chance to clean up
  run.wait();
  BOOST_TEST(SameQuantity(Balance(db, "A-1"), 7));
  BOOST_TEST(SameQuantity(Balance(db, "A-2"), 6));
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_journal") == journal_before + 2);
  BOOST_TEST(Unreported(sim) == 2, "Ongoing was never told");

  sim.store().ClearFaults();
  sim.store().ResetCalls();
  const auto rerun = test::RunCli({"--config", config, "run", "stock", "--no-progress"});
  BOOST_TEST(rerun.code == 0, rerun.output);
  // Skipped by id: not read again, not applied again, acknowledged now.
  // One call: the logon check every run starts with; no article is read again.
  BOOST_TEST(sim.store().CallCount(sim::Operation::kGetInventoryPerWarehouse) == 1);
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_journal") == journal_before + 2);
  BOOST_TEST(SameQuantity(Balance(db, "A-1"), 7));
  BOOST_TEST(SameQuantity(Balance(db, "A-2"), 6));
  BOOST_TEST(Unreported(sim) == 0);
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_change") == 0);
}

namespace {

// Once the report line of `article` is written, the ERP refuses to commit the transaction (a
// deferred constraint), so it never commits, as when the run is killed before it does. At the
// commit, not at a statement: the SQLite ODBC driver 0.9998 writes into freed memory when a
// statement with text parameters fails, which crashes the process now and then. SQLite checks
// deferred foreign keys only with FKSupport=1 (ForeignKeysChecked).
void FailCommitAfterLineOf(const ErpBackend& db, const std::string& article) {
  if (db.Name() == "sqlite") {
    db.Exec("CREATE TABLE wms_test_parent (id INTEGER PRIMARY KEY)");
    db.Exec(
        "CREATE TABLE wms_test_child (id INTEGER REFERENCES wms_test_parent (id) DEFERRABLE "
        "INITIALLY DEFERRED)");
    db.Exec(
        "CREATE TRIGGER wms_test_fail AFTER INSERT ON wms_stock_report WHEN NEW.article_no = '" +
        article + "' BEGIN INSERT INTO wms_test_child VALUES (1); END");
    return;
  }
  db.Exec(
      "CREATE FUNCTION wms_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the ERP "
      "fails'; END $$ LANGUAGE plpgsql");
  db.Exec(
      "CREATE CONSTRAINT TRIGGER wms_test_fail AFTER INSERT ON wms_stock_report DEFERRABLE "
      "INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.article_no = '" +
      article + "') EXECUTE PROCEDURE wms_test_fail()");
}

void ForeignKeysChecked(const ErpBackend& db, jobs::ConnectionConfig& c) {
  if (db.Name() == "sqlite")
    c.erp_odbc += ";FKSupport=1";
}

}  // namespace

ERP_BACKEND_TEST(lines_that_change_nothing_commit_together_and_a_lost_batch_is_compared_again_R25) {
  SimProcess sim;
  Seed(db, sim);
  SameStock(db, sim);
  const auto one_page = [&db](jobs::ConnectionConfig& c) {
    WithFeed(c);
    ForeignKeysChecked(db, c);
    c.batch_size = 10;  // one page: the three pairs below are one batch
    c.stock_threshold_units = "5";
  };
  Stock(db, sim, one_page);
  sim.store().AdjustStock("A-1", "MAIN", "-3");  // adjusted: its own transaction
  sim.store().AdjustStock("A-2", "MAIN", "6");   // flagged: a person must be told
  sim.store().AdjustStock("A-3", "MAIN", "1");   // equal: the ERP has it already
  db.Exec("UPDATE stock_balance SET quantity = 3.5 WHERE article_no = 'A-3'");
  const long journal_before = db.Count("SELECT * FROM wms_stock_journal");
  FailCommitAfterLineOf(db, "A-3");
  BOOST_CHECK_THROW(Stock(db, sim, one_page), std::exception);
  const std::string failed = db.Scalar("SELECT CAST(MAX(run_id) AS VARCHAR(20)) FROM wms_run");
  BOOST_TEST(db.Scalar("SELECT status FROM wms_run WHERE run_id = " + failed) == "ABORTED");
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_run WHERE run_id = " + failed) == 0,
             "no head: the run's report is no complete one");
  // The adjustment committed with its line; the flagged and the equal line went together.
  BOOST_TEST(SameQuantity(Balance(db, "A-1"), 7));
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_journal") == journal_before + 1);
  BOOST_TEST(Action(db, std::stoll(failed), "A-1") == "adjusted");
  BOOST_TEST(Action(db, std::stoll(failed), "A-2") == "", "rolled back with A-3's");
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_change WHERE applied = 1") == 1,
             "A-1's, applied with its adjustment; A-2's and A-3's not");

  db.Exec("DROP TRIGGER wms_test_fail" +
          std::string(db.Name() == "sqlite" ? "" : " ON wms_stock_report"));
  sim.store().ResetCalls();
  const auto rerun = Stock(db, sim, one_page);
  // A-1 is skipped by id; are read and compared again, nothing is lost.
  BOOST_TEST(Action(db, rerun.run_id, "A-1") == "");
  BOOST_TEST(Action(db, rerun.run_id, "A-2") == "flagged");
  BOOST_TEST(Action(db, rerun.run_id, "A-3") == "equal");
  BOOST_TEST(SameQuantity(Balance(db, "A-2"), 5));
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_journal") == journal_before + 1);
  BOOST_TEST(Unreported(sim) == 0);
  BOOST_TEST(db.Count("SELECT * FROM wms_stock_change") == 0);
}

// --- The pure rules ----------------------------------------------------------------------------

namespace {

erp::StockComparisonRow Row(const std::string& erp, const std::string& wms) {
  erp::StockComparisonRow r;
  r.article_no = "A";
  r.article_known = true;
  r.erp_present = !erp.empty();
  r.erp_quantity = erp;
  r.wms_present = true;
  r.wms_quantity = wms;
  return r;
}

}  // namespace

BOOST_AUTO_TEST_CASE(decide_stock_sets_the_erp_to_the_wms_figure_R25) {
  const auto d = stock::DecideStock(Row("10.000", "7"), {});
  BOOST_TEST(d.apply);
  BOOST_TEST(d.difference == "-3");
  BOOST_TEST(d.wms_quantity == "7");
  BOOST_TEST(!stock::DecideStock(Row("7.000", "7"), {}).apply);
  BOOST_TEST(stock::DecideStock(Row("", "4"), {}).apply);  // no ERP row: created
  BOOST_TEST(!stock::HasStock(Row("", "0")));
}

BOOST_AUTO_TEST_CASE(decide_stock_flags_at_the_threshold_edges_R25) {
  stock::StockSettings units;
  units.threshold_units = wms::Decimal::Parse("5");
  BOOST_TEST(stock::DecideStock(Row("10", "5"), units).apply);  // exactly 5: adjusted
  BOOST_TEST(stock::ToString(stock::DecideStock(Row("10", "4.9"), units).action) == "flagged");
  stock::StockSettings percent;
  percent.threshold_percent = wms::Decimal::Parse("10");
  BOOST_TEST(stock::DecideStock(Row("20", "22"), percent).apply);  // exactly 10 %
  BOOST_TEST(stock::ToString(stock::DecideStock(Row("20", "22.01"), percent).action) == "flagged");
  BOOST_TEST(stock::ToString(stock::DecideStock(Row("0", "1"), percent).action) == "flagged");
}

BOOST_AUTO_TEST_CASE(csv_fields_are_quoted_as_rfc_4180_says_and_parse_back) {
  BOOST_TEST(stock::CsvField("plain") == "plain");
  BOOST_TEST(stock::CsvField("a,b") == "\"a,b\"");
  BOOST_TEST(stock::CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  BOOST_TEST(stock::CsvField("two\r\nlines") == "\"two\r\nlines\"");
  const std::vector<std::string> fields{"", "a,b", "\"", "x\ny", "åäö €", " pad "};
  const auto parsed = stock::ParseCsv(stock::CsvRecord(fields) + stock::CsvRecord({"1"}));
  BOOST_REQUIRE(parsed.size() == 2u);
  BOOST_TEST(parsed[0] == fields);
  BOOST_CHECK_THROW(stock::ParseCsv("\"open"), std::invalid_argument);
}
