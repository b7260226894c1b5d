// Deliveries with nothing new (issue 15 points 4 and 5): N customer orders (bench_data.h,
// 1-10 lines each) exported to wms-sim and shipped there in full with one tracked parcel each,
// their deliveries read back once (applied: the ERP's lines get their delivered quantities);
// then the run this benchmark is about: `run deliveries` again, which finds every order as the
// ERP already holds it. Prints its time, its CPU, the ERP's write transactions (the SQLite file
// change counter, which SQLite raises once per committed write transaction in its default
// rollback-journal mode) and the ratio to the bare loop making the same reads (bare_loop.h);
// asserts nothing.
//   bench_delivery_readback [N]   (default 10000; the set-up exports and ships N orders first)
#include <Poco/Logger.h>
#include <Poco/Stopwatch.h>

#include <sys/resource.h>
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>

#include "jobs/article_job.h"
#include "jobs/order_jobs.h"
#include "jobs/readback_jobs.h"
#include "tests/bench/bare_loop.h"
#include "tests/bench/bench_data.h"
#include "tests/bench/bench_measure.h"
#include "tests/support/erp_backend.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;

namespace {

// The SQLite database file named by an ODBC connection string "...;Database=PATH".
std::string DatabaseFile(const std::string& odbc) {
  const std::string key = "Database=";
  const auto at = odbc.find(key);
  if (at == std::string::npos)
    return "";
  const auto end = odbc.find(';', at);
  return odbc.substr(at + key.size(),
                     end == std::string::npos ? std::string::npos : end - at - key.size());
}

// Bytes 24-27 of the database header: the file change counter (big-endian). -1 if unreadable
// or in WAL mode (bytes 18-19 are 2), where SQLite does not keep it.
std::int64_t ChangeCounter(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  unsigned char header[28] = {};
  if (!file.read(reinterpret_cast<char*>(header), sizeof(header)) || header[18] == 2)
    return -1;
  return (std::int64_t{header[24]} << 24) | (header[25] << 16) | (header[26] << 8) | header[27];
}

// CPU seconds this process (wmsbridge and the ERP's ODBC driver) has used so far.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

std::int64_t Runs(const test::ErpBackend& db) {
  return db.Count("SELECT 1 FROM wms_run");
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::stoi(argv[1]) : 10000;
  // "report_back": the runs ask Ongoing only for orders with lines left to report and mark
  // what they applied (issue 16); otherwise the time window every run re-reads.
  const bool report_back = argc > 2 && std::string(argv[2]) == "report_back";
  auto db = test::MakeSqliteBackend();
  const std::string file = DatabaseFile(db->ConnectionString());
  const long lines = bench::InsertOrders(*db, n);
  test::SimProcess sim;

  jobs::ConnectionConfig c;
  c.name = "bench";
  c.endpoint = sim.Endpoint();
  c.erp_odbc = db->ConnectionString();
  c.warehouses = {"MAIN"};
  c.start_date = "2026-11-01";
  c.export_customer_orders = true;
  c.currencies = {"SEK"};
  if (report_back)
    c.readback_mode = jobs::ReadbackMode::kReportBack;
  jobs::JobOptions options;
  options.sql_dir = test::SqlDir();
  options.progress = false;
  Poco::Logger& log = Poco::Logger::get("bench");

  Poco::Stopwatch setup;
  setup.start();
  jobs::RunArticleJob(c, options, log);
  const auto exported = jobs::RunCustomerOrderJob(c, options, log);
  for (int i = 1; i <= n; ++i) {
    const std::string parcel = "PKG-" + std::to_string(i);  // one parcel with its tracking
    sim.store().Ship("O-" + std::to_string(i), {}, {{parcel, "https://t.example/" + parcel}});
  }
  setup.stop();

  Poco::Stopwatch applying;
  applying.start();
  const auto first = jobs::RunDeliveryJob(c, options, log);
  applying.stop();

  const std::int64_t counter_before = ChangeCounter(file);
  const std::int64_t runs_before = Runs(*db);
  const double cpu_before = CpuSeconds();
  sim.store().ResetCalls();
  Poco::Stopwatch again;
  again.start();
  const auto second = jobs::RunDeliveryJob(c, options, log);
  again.stop();
  const double cpu = CpuSeconds() - cpu_before;
  const std::int64_t read_calls = sim.store().CallCount(sim::Operation::kGetOrdersByQuery);
  const std::int64_t write_calls = sim.store().TotalWriteCalls();
  // The floor of a time-window run: the same pages read with nothing around them. A
  // report-back run reads other pages (only what is left to report), so it has none.
  bench::BareReadResult bare;
  if (!report_back) {
    bare = bench::ReadShippedOrders(
        sim.Endpoint(), *std::min_element(c.shipped_statuses.begin(), c.shipped_statuses.end()),
        *std::max_element(c.shipped_statuses.begin(), c.shipped_statuses.end()), c.wms_page_size);
  }
  const std::int64_t counter_after = ChangeCounter(file);

  std::cout << std::fixed << std::setprecision(2);
  std::cout << "read-back mode                    " << (report_back ? "report_back" : "time_window")
            << "\n";
  std::cout << "orders / lines                    " << n << " / " << lines << "\n";
  std::cout << "set-up (export, ship)             " << bench::Seconds(setup) << " s ("
            << exported.summary << ")\n";
  std::cout << "first read-back (applies all)     " << bench::Seconds(applying) << " s ("
            << first.summary << ")\n";
  std::cout << "read-back with nothing new        " << bench::Seconds(again) << " s ("
            << second.summary << ")\n";
  std::cout << "  CPU of this process             " << cpu
            << " s (wmsbridge and the ERP's driver; the rest is waiting: on wms-sim, the disk or a "
               "core)\n";
  std::cout << "  calls to wms-sim                " << read_calls << " GetOrdersByQuery, "
            << write_calls << " writes\n";
  std::cout << "  ERP write transactions          ";
  if (counter_before < 0 || counter_after < 0)
    std::cout << "unknown (not a rollback-journal SQLite file)\n";
  else
    std::cout << (counter_after - counter_before)
              << " (runs recorded: " << (Runs(*db) - runs_before) << ")\n";
  if (report_back) {
    std::cout << "bare loop                         none (a time-window read is not the same "
                 "reads)\n";
  } else {
    std::cout << "bare loop, the same reads         " << bare.seconds << " s (" << bare.orders
              << " orders in " << bare.pages << " pages" << (bare.failed ? ", FAILED" : "")
              << "); ratio of rates wmsbridge / bare " << std::setprecision(1)
              << 100.0 * bare.seconds / bench::Seconds(again) << " %\n"
              << std::setprecision(2);
  }
  std::cout << "peak RSS                          " << bench::PeakRssKib() << " KiB\n";
  return 0;
}
