// Benchmark of the article export (issue 3): N generated articles in the embedded default
// (SQLite through its ODBC driver), exported to wms-sim over HTTP on loopback.
// Prints figures; asserts nothing. Usage: bench_article_export [N] (default 100000).
#include <Poco/Logger.h>
#include <Poco/Stopwatch.h>

#include <iomanip>
#include <iostream>

#include "jobs/article_job.h"
#include "tests/bench/bench_data.h"
#include "tests/bench/bench_measure.h"
#include "tests/support/erp_backend.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;

using bench::PeakRssKib;
using bench::Seconds;

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::stoi(argv[1]) : 100000;
  auto db = test::MakeSqliteBackend();
  bench::InsertArticles(*db, n);  // in the ERP itself: the export is timed, not the set-up
  test::SimProcess sim;

  jobs::ConnectionConfig c;
  c.name = "bench";
  c.endpoint = sim.Endpoint();
  c.erp_odbc = db->ConnectionString();
  c.warehouses = {"MAIN"};
  c.start_date = "2026-11-01";
  jobs::JobOptions options;
  options.sql_dir = test::SqlDir();
  options.progress = false;
  Poco::Logger& log = Poco::Logger::get("bench");

  const long rss_before = PeakRssKib();
  Poco::Stopwatch first;
  first.start();
  const auto r1 = jobs::RunArticleJob(c, options, log);
  first.stop();
  const long rss_first = PeakRssKib();
  Poco::Stopwatch second;
  second.start();
  const auto r2 = jobs::RunArticleJob(c, options, log);
  second.stop();
  options.full = true;
  Poco::Stopwatch full;
  full.start();
  const auto r3 = jobs::RunArticleJob(c, options, log);
  full.stop();

  std::cout << std::fixed << std::setprecision(2);
  std::cout << "articles                       " << n << "\n";
  std::cout << "first run                      " << Seconds(first) << " s, " << (n / Seconds(first))
            << " articles/s (" << r1.summary << ")\n";
  std::cout << "no-change run (incremental)    " << Seconds(second) << " s (" << r2.summary
            << ")\n";
  std::cout << "no-change run (--full)         " << Seconds(full) << " s (" << r3.summary << ")\n";
  std::cout << "write calls on no-change runs  " << sim.store().TotalWriteCalls() - n << "\n";
  std::cout << "peak RSS before / after first  " << rss_before << " / " << rss_first << " KiB\n";
  std::cout << "peak RSS at the end            " << PeakRssKib() << " KiB\n";
  return 0;
}
