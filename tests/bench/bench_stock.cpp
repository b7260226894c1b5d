// Benchmark of the stock job (issue 12, R25): N articles in 2 warehouses on both sides, a full
// comparison with no difference and one with 1 % of the pairs different, against wms-sim over
// HTTP on loopback, the ERP in the embedded default (SQLite through its ODBC driver).
// Prints run time and peak memory (getrusage maxrss of this process: the job, the ODBC driver
// and the ERP database; the simulator is another process). Run it for two sizes to see memory
// stay flat (jobs/bench.sh: 10,000 and 100,000). Asserts nothing.
// Usage: bench_stock [N] (default 100000).
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Logger.h>
#include <Poco/Stopwatch.h>

#include <iomanip>
#include <iostream>

#include "jobs/stock_job.h"
#include "tests/bench/bench_measure.h"
#include "tests/support/erp_backend.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;
using namespace Poco::Data::Keywords;

using bench::PeakRssKib;
using bench::Seconds;

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::stoi(argv[1]) : 100000;
  const std::string seq =
      "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq "
      "WHERE i < " +
      std::to_string(n) + ") ";
  auto db = test::MakeSqliteBackend();
  // Generated in the databases themselves: the benchmark measures the job, not the set-up.
  db->Exec(
      "INSERT INTO warehouse (warehouse_id, code, name) VALUES (1, 'MAIN', 'Main'), "
      "(2, 'SOUTH', 'South')");
  db->Exec(seq +
           "INSERT INTO article (article_id, article_no, article_type, name, is_active, "
           "updated_at) SELECT i, 'B-' || (1000000 + i), 'STOCK', 'Benchmark article ' || i, 1, "
           "'2026-11-20 10:00:00' FROM seq");
  db->Exec(seq +
           "INSERT INTO stock_balance (article_no, warehouse_id, quantity) "
           "SELECT 'B-' || (1000000 + i), w, i % 50 + 1 FROM seq, (SELECT 1 AS w UNION ALL "
           "SELECT 2) ws");
  test::SimProcess sim;
  const int owner = sim.store().DefaultGoodsOwner().id;
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session wms("SQLite", sim.dir() + "/sim.db");
  wms << "PRAGMA busy_timeout = 15000", now;
  // Ongoing's side: the same articles; NORTH (2) is the ERP's SOUTH.
  wms << seq +
             "INSERT INTO sim_articles (system_id, goods_owner_id, article_number, name, "
             "created, updated) SELECT i, " +
             std::to_string(owner) +
             ", 'B-' || (1000000 + i), 'Benchmark article ' || i, '2026-11-20 10:00:00', "
             "'2026-11-20 10:00:00' FROM seq",
      now;
  wms << seq +
             "INSERT INTO sim_stock (article_id, warehouse_id, qty, updated) SELECT i, w, "
             "CAST(i % 50 + 1 AS TEXT), '2026-11-20 10:00:00' FROM seq, (SELECT 1 AS w UNION "
             "ALL SELECT 2) ws",
      now;

  jobs::ConnectionConfig c;
  c.name = "bench";
  c.endpoint = sim.Endpoint();
  c.erp_odbc = db->ConnectionString();
  c.warehouses = {"MAIN", "SOUTH"};
  c.wms_warehouse_codes = {{"SOUTH", "NORTH"}};
  c.start_date = "2026-11-01";
  c.batch_size = 1000;
  c.stock_report_dir = sim.dir();
  jobs::JobOptions options;
  options.sql_dir = test::SqlDir();
  options.progress = false;
  Poco::Logger& log = Poco::Logger::get("bench");

  const long rss_before = PeakRssKib();
  Poco::Stopwatch equal;
  equal.start();
  const auto r1 = jobs::RunStockJob(c, options, log);
  equal.stop();
  const long rss_equal = PeakRssKib();
  // 1 % of the pairs differ: every 100th article in MAIN, every 100th (offset 50) in NORTH.
  wms << "UPDATE sim_stock SET qty = CAST(CAST(qty AS INTEGER) + 3 AS TEXT) WHERE "
         "(warehouse_id = 1 AND article_id % 100 = 0) OR (warehouse_id = 2 AND article_id % "
         "100 = 50)",
      now;
  Poco::Stopwatch differ;
  differ.start();
  const auto r2 = jobs::RunStockJob(c, options, log);
  differ.stop();

  std::cout << std::fixed << std::setprecision(2);
  std::cout << "articles x warehouses          " << n << " x 2 (" << 2 * n << " pairs)\n";
  std::cout << "full run, no difference        " << Seconds(equal) << " s, "
            << (2 * n / Seconds(equal)) << " pairs/s (" << r1.summary << ")\n";
  std::cout << "full run, 1 % different        " << Seconds(differ) << " s, "
            << (2 * n / Seconds(differ)) << " pairs/s (" << r2.summary << ")\n";
  std::cout << "peak RSS before / after first  " << rss_before << " / " << rss_equal << " KiB\n";
  std::cout << "peak RSS at the end            " << PeakRssKib() << " KiB\n";
  return 0;
}
