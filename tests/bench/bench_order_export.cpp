// Benchmark of the customer-order export (issue 4): N generated orders of 1-10 lines each in the
// embedded default (SQLite through its ODBC driver), exported to wms-sim over HTTP on loopback.
// Prints figures; asserts nothing. Usage: bench_order_export [N] (default 20000).
#include <Poco/Logger.h>
#include <Poco/Stopwatch.h>

#include <iomanip>
#include <iostream>

#include "jobs/article_job.h"
#include "jobs/order_jobs.h"
#include "tests/bench/bench_measure.h"
#include "tests/support/erp_backend.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;

using bench::PeakRssKib;
using bench::Seconds;

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::stoi(argv[1]) : 20000;
  auto db = test::MakeSqliteBackend();
  db->Exec("INSERT INTO warehouse (warehouse_id, code, name) VALUES (1, 'MAIN', 'Göteborg')");
  db->Exec("INSERT INTO currency (code, name) VALUES ('SEK', 'krona')");
  db->Exec(
      "INSERT INTO delivery_method (delivery_method_id, code, name, carrier_code, "
      "carrier_service_code) VALUES (1, 'PN', 'PostNord', 'POSTNORD', 'MYPACK')");
  db->Exec("INSERT INTO customer (customer_id, customer_no, name) VALUES (1, 'K-1', 'Kund')");
  db->Exec(
      "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 10) "
      "INSERT INTO article (article_id, article_no, article_type, name, is_active, updated_at) "
      "SELECT i, 'B-' || i, 'STOCK', 'Artikel ' || i, 1, '2026-11-20 10:00:00' FROM seq");
  db->Exec(
      "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < " +
      std::to_string(n) +
      ") INSERT INTO customer_order (order_id, order_no, customer_id, warehouse_id, order_date, "
      "delivery_date, currency_code, delivery_method_id, delivery_name, delivery_address, "
      "delivery_postcode, delivery_city, delivery_country_code, status, updated_at) "
      "SELECT i, 'O-' || i, 1, 1, '2026-11-25', '2026-12-01', 'SEK', 1, 'Kund ' || i, "
      "'Gatan ' || i, '41101', 'Göteborg', 'SE', 'OPEN', '2026-11-25 09:00:00' FROM seq");
  // 1-10 lines per order (5.5 on average).
  db->Exec(
      "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 10) "
      "INSERT INTO customer_order_line (order_id, line_no, article_no, description, quantity, "
      "unit_price) SELECT o.order_id, s.i, 'B-' || s.i, 'Rad', 1 + s.i % 3, 10 "
      "FROM customer_order o JOIN seq s ON s.i <= 1 + o.order_id % 10");
  const long lines =
      std::stol(db->Scalar("SELECT CAST(COUNT(*) AS VARCHAR(20)) FROM customer_order_line"));
  test::SimProcess sim;

  jobs::ConnectionConfig c;
  c.name = "bench";
  c.endpoint = sim.Endpoint();
  c.erp_odbc = db->ConnectionString();
  c.warehouses = {"MAIN"};
  c.start_date = "2026-11-01";
  c.export_customer_orders = true;
  jobs::JobOptions options;
  options.sql_dir = test::SqlDir();
  options.progress = false;
  Poco::Logger& log = Poco::Logger::get("bench");
  jobs::RunArticleJob(c, options, log);
  sim.store().ResetCalls();

  const long rss_before = PeakRssKib();
  Poco::Stopwatch first;
  first.start();
  const auto r1 = jobs::RunCustomerOrderJob(c, options, log);
  first.stop();
  const long rss_first = PeakRssKib();
  const auto writes_first = sim.store().TotalWriteCalls();
  Poco::Stopwatch second;
  second.start();
  const auto r2 = jobs::RunCustomerOrderJob(c, options, log);
  second.stop();
  options.full = true;
  Poco::Stopwatch full;
  full.start();
  const auto r3 = jobs::RunCustomerOrderJob(c, options, log);
  full.stop();

  std::cout << std::fixed << std::setprecision(2);
  std::cout << "orders / lines                 " << n << " / " << lines << "\n";
  std::cout << "first run                      " << Seconds(first) << " s, " << (n / Seconds(first))
            << " orders/s (" << r1.summary << ")\n";
  std::cout << "no-change run (incremental)    " << Seconds(second) << " s (" << r2.summary
            << ")\n";
  std::cout << "no-change run (--full)         " << Seconds(full) << " s (" << r3.summary << ")\n";
  std::cout << "write calls on no-change runs  " << sim.store().TotalWriteCalls() - writes_first
            << "\n";
  std::cout << "peak RSS before / after first  " << rss_before << " / " << rss_first << " KiB\n";
  std::cout << "peak RSS at the end            " << PeakRssKib() << " KiB\n";
  return 0;
}
