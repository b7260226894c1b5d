// The stock job end to end (issue 12, R25): the simulator plays the warehouse and its stock;
// stock_balance, the journal and the stored report are checked over ODBC (SQLite and
// PostgreSQL); the CSV and HTML renderings are parsed back. The pure rules (DecideStock, CSV
// quoting) are checked on their own at the end.
#define BOOST_TEST_MODULE stock_job
#include <Poco/Logger.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <string>
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
