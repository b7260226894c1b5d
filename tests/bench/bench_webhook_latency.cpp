// From `ship` to the ERP (issue 16 figures, R34): N customer orders (bench_data.h) exported to
// wms-sim, then shipped one at a time while a `wmsbridge daemon` runs with webhooks on and
// every schedule off; wms-sim posts its "order is picked" webhook to the daemon's receiver
// (loopback, plain HTTP), the daemon reads that order by id and applies it. Prints the time
// from each ship to the ERP order's DELIVERED status (median, 99th percentile, max) and the
// calls the webhook path made. Then, for the same kind of order with webhooks off, the time a
// scheduled read takes (`run deliveries` after one ship): without webhooks a shipment waits
// for the next slot of the schedule, so its latency is that wait (uniform over the interval)
// plus this run. Asserts nothing.
//   bench_webhook_latency [N] [SCHEDULE_MINUTES]   (defaults 200 and 15)
#include <Poco/Logger.h>
#include <Poco/Stopwatch.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "jobs/article_job.h"
#include "jobs/order_jobs.h"
#include "jobs/readback_jobs.h"
#include "tests/bench/bench_data.h"
#include "tests/bench/bench_measure.h"
#include "tests/support/daemon_process.h"
#include "tests/support/erp_backend.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/secret_file.h"
#include "tests/support/sim_process.h"
#include "tests/support/webhook_post.h"
#include "tests/wms_sim/sim_webhooks.h"

using namespace wmsbridge;

namespace {

constexpr const char* kToken = "bench-md5-key-3e1d";

double Milliseconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// The value below which `share` of the sorted `values` lie (nearest rank).
double Percentile(const std::vector<double>& sorted, double share) {
  if (sorted.empty())
    return 0;
  const auto rank = static_cast<std::size_t>(share * static_cast<double>(sorted.size()) + 0.5);
  return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

bool IsDelivered(const test::ErpBackend& db, int order_id) {
  return db.Scalar("SELECT status FROM customer_order WHERE order_id = " +
                   std::to_string(order_id)) == "DELIVERED";
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::stoi(argv[1]) : 200;
  const int schedule_minutes = argc > 2 ? std::stoi(argv[2]) : 15;
  auto db = test::MakeSqliteBackend();
  const long lines = bench::InsertOrders(*db, n + 1);
  test::SimProcess sim;

  // The in-process export uses the installation's connection name: the daemon finds the
  // orders it sent by that name.
  jobs::ConnectionConfig c;
  c.name = "demo";
  c.endpoint = sim.Endpoint();
  c.erp_odbc = db->ConnectionString();
  c.warehouses = {"MAIN"};
  c.start_date = "2026-11-01";
  c.export_customer_orders = true;
  c.currencies = {"SEK"};
  jobs::JobOptions options;
  options.sql_dir = test::SqlDir();
  options.progress = false;
  Poco::Logger& log = Poco::Logger::get("bench");
  jobs::RunArticleJob(c, options, log);
  const auto exported = jobs::RunCustomerOrderJob(c, options, log);

  test::InstallationFile file(*db, sim, sim.dir());
  const int port = test::FreeLoopbackPort();
  test::WriteSecretFile(sim.dir() + "/md5.keys", kToken);
  file.General("webhook_listen", "127.0.0.1:" + std::to_string(port));
  file.General("log_level", "warning");
  file.Connection("webhooks", "on");
  file.Connection("md5_keys_file", sim.dir() + "/md5.keys");
  file.Connection("warehouses", "MAIN");
  file.Connection("currencies", "SEK");
  for (const char* job : {"articles", "articles-full", "customer-orders", "purchase-orders",
                          "internal-orders", "deliveries", "receipts", "stock"})
    file.Connection(std::string("schedule.") + job, "off");
  const std::string config = file.Write();

  std::vector<double> latencies;
  std::int64_t reads = 0;
  int missed = 0;
  {
    test::DaemonProcess daemon(config);
    const bool up = test::WaitUntil(
        [&] {
          return test::PostWebhook(port, "/ongoing/webhooks/test",
                                   test::OrderWebhookBody(1, "", test::kGoodsOwnerId, 0), kToken)
                     .status == 200;
        },
        std::chrono::seconds(30));
    if (!up) {
      std::cerr << "the daemon's receiver did not answer\n" << daemon.Output();
      return 1;
    }
    sim::WebhookSettings hooks;
    hooks.base_url = "http://127.0.0.1:" + std::to_string(port);
    hooks.token = kToken;
    hooks.retry = sim::WebhookRetry::kOneDay;
    hooks.timeout_ms = 5000;
    sim.store().SetWebhookSettings(hooks);
    sim.store().ResetCalls();
    for (int i = 1; i <= n; ++i) {
      const std::string parcel = "PKG-" + std::to_string(i);
      const auto shipped = std::chrono::steady_clock::now();
      sim.store().Ship("O-" + std::to_string(i), {}, {{parcel, "https://t.example/" + parcel}});
      // Polled every 5 ms: the figure is at most that much too high.
      while (!IsDelivered(*db, i)) {
        if (std::chrono::steady_clock::now() - shipped > std::chrono::seconds(30)) {
          ++missed;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
      latencies.push_back(Milliseconds(std::chrono::steady_clock::now() - shipped));
    }
    reads = sim.store().CallCount(sim::Operation::kGetOrdersByQuery);
    daemon.Terminate();
    daemon.Wait(std::chrono::seconds(30));
  }
  std::sort(latencies.begin(), latencies.end());

  // Webhooks off: one more order shipped, brought in by the scheduled read's job.
  const int last = n + 1;
  sim.store().Ship("O-" + std::to_string(last), {}, {{"PKG-LAST", "https://t.example/LAST"}});
  Poco::Stopwatch scheduled;
  scheduled.start();
  const auto run = jobs::RunDeliveryJob(c, options, log);
  scheduled.stop();
  const double run_ms = bench::Seconds(scheduled) * 1000.0;
  const double interval_ms = schedule_minutes * 60000.0;

  std::cout << std::fixed << std::setprecision(1);
  std::cout << "orders / lines                    " << n << " / " << lines << " ("
            << exported.summary << ")\n";
  std::cout << "webhooks on: ship -> ERP          median " << Percentile(latencies, 0.5)
            << " ms, p99 " << Percentile(latencies, 0.99) << " ms, max "
            << (latencies.empty() ? 0.0 : latencies.back()) << " ms"
            << (missed > 0 ? " (" + std::to_string(missed) + " not applied within 30 s)" : "")
            << "\n";
  std::cout << "  GetOrdersByQuery calls          " << reads << " for " << n
            << " webhooks (the daemon reads each order by id)\n";
  std::cout << "webhooks off: one scheduled read  " << run_ms << " ms (" << run.summary << ")\n";
  std::cout << "  every " << schedule_minutes << " min: ship -> ERP  median "
            << (interval_ms / 2 + run_ms) / 1000.0 << " s, p99 "
            << (interval_ms * 0.99 + run_ms) / 1000.0
            << " s (the wait for the next slot, uniform over the interval, plus the run)\n";
  std::cout << "peak RSS                          " << bench::PeakRssKib() << " KiB\n";
  return missed == 0 ? 0 : 1;
}
