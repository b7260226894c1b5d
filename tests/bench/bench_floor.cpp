// The floor, side by side (issue 15 point 5): wmsbridge's first article and customer-order
// export against the bare gSOAP loop (bare_loop.h) making the same calls with the same
// payloads, in the same run, against (a) the null server (null_wms_server.h) and (b) wms-sim
// with 0, 1 and 20 ms of injected latency on every call. Prints rates and the ratio
// wmsbridge / bare loop; asserts nothing.
//   bench_floor [ARTICLES] [ORDERS] [CALLS_AT_20MS] [ROUNDS] [null]   (defaults 2000, 500, 200, 1)
// "null" as the fifth argument runs the null-server rows only (e.g. 100,000 articles).
// At 20 ms both counts are capped at CALLS_AT_20MS (each call costs 20 ms on both sides); a
// count of 0 leaves that part out. With ROUNDS > 1 each pair of runs is repeated and each
// side's best rate is kept (on a shared, loaded machine the best is the least disturbed).
// The ERP is the embedded default (SQLite through its ODBC driver), a fresh file on disk for
// every wmsbridge run, so each is a first export.
#include <Poco/Logger.h>
#include <Poco/Stopwatch.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iomanip>
#include <iostream>
#include <optional>
#include <string>

#include "jobs/article_job.h"
#include "jobs/order_jobs.h"
#include "tests/bench/bare_loop.h"
#include "tests/bench/bench_data.h"
#include "tests/bench/bench_measure.h"
#include "tests/bench/null_wms_server.h"
#include "tests/support/erp_backend.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;

namespace {

enum class Kind { kArticles, kOrders };

struct Figures {
  double wmsbridge_rate = 0;
  double bare_rate = 0;
  std::string wmsbridge_summary;
  std::int64_t bare_refused = 0;
  std::string payload_check;  // against the null server only
};

jobs::ConnectionConfig Connection(const ongoing::WmsEndpoint& endpoint, const std::string& odbc) {
  jobs::ConnectionConfig c;
  c.name = "bench";
  c.endpoint = endpoint;
  c.erp_odbc = odbc;
  c.warehouses = {"MAIN"};
  c.start_date = "2026-11-01";
  c.export_customer_orders = true;
  c.currencies = {"SEK"};  // what a configuration file gives by default
  return c;
}

ongoing::WmsEndpoint NullEndpoint(const bench::NullWmsServer& server) {
  ongoing::WmsEndpoint e;
  e.url = server.url();
  e.goods_owner_code = test::kGoodsOwnerCode;
  e.goods_owner_id = test::kGoodsOwnerId;
  e.user_name = test::kUserName;
  e.password = pipeline::Secret(test::kPassword);
  return e;
}

// wmsbridge's first export of `n` documents of `kind` to `endpoint`: its rate, and its summary.
std::pair<double, std::string> RunWmsbridge(Kind kind, int n, const ongoing::WmsEndpoint& endpoint,
                                            const std::function<void()>& before_timing) {
  auto db = test::MakeSqliteBackend();
  const auto c = Connection(endpoint, db->ConnectionString());
  jobs::JobOptions options;
  options.sql_dir = test::SqlDir();
  options.progress = false;
  Poco::Logger& log = Poco::Logger::get("bench");
  if (kind == Kind::kArticles) {
    bench::InsertArticles(*db, n);
  } else {
    bench::InsertOrders(*db, n);
    jobs::RunArticleJob(c, options, log);  // the orders' articles; not timed
  }
  before_timing();
  Poco::Stopwatch watch;
  watch.start();
  const auto result = kind == Kind::kArticles ? jobs::RunArticleJob(c, options, log)
                                              : jobs::RunCustomerOrderJob(c, options, log);
  watch.stop();
  return {n / bench::Seconds(watch), result.summary};
}

// The bare loop's first sending of the same documents; the orders' articles first, not timed.
bench::BareLoopResult RunBare(Kind kind, int n, const ongoing::WmsEndpoint& endpoint,
                              const std::function<void()>& before_timing) {
  if (kind == Kind::kArticles) {
    const auto articles = bench::ArticleDefinitions(n);
    before_timing();
    return bench::SendArticles(endpoint, articles);
  }
  bench::SendArticles(endpoint, bench::OrderArticleDefinitions());
  const auto orders = bench::CustomerOrders(n);
  before_timing();
  return bench::SendOrders(endpoint, orders);
}

Figures AgainstNullServer(Kind kind, int n) {
  bench::NullWmsServer server({});
  const auto endpoint = NullEndpoint(server);
  Figures f;
  const auto reset = [&] { server.ResetCounts(); };
  const auto bare = RunBare(kind, n, endpoint, reset);
  const auto bare_counts = server.Counts();
  const auto [rate, summary] = RunWmsbridge(kind, n, endpoint, reset);
  const auto ours = server.Counts();
  f.bare_rate = bare.calls / bare.seconds;
  f.bare_refused = bare.refused;
  f.wmsbridge_rate = rate;
  f.wmsbridge_summary = summary;
  const bool same = ours.write_calls == bare_counts.write_calls &&
                    ours.write_bytes == bare_counts.write_bytes &&
                    ours.write_hash_sum == bare_counts.write_hash_sum;
  f.payload_check =
      std::string(same ? "same payloads" : "PAYLOADS DIFFER") + ": " +
      std::to_string(ours.write_calls) + " / " + std::to_string(bare_counts.write_calls) +
      " writes, " + std::to_string(ours.write_bytes / std::max<std::int64_t>(1, ours.write_calls)) +
      " / " +
      std::to_string(bare_counts.write_bytes / std::max<std::int64_t>(1, bare_counts.write_calls)) +
      " bytes each (wmsbridge / bare), body hashes " + (same ? "equal" : "differ");
  return f;
}

// Every call of the simulator sleeps `latency_ms` first (its latency fault, on every operation
// for the whole run); each side gets a fresh simulator, so both make first exports.
void AddLatency(test::SimProcess& sim, int latency_ms) {
  if (latency_ms <= 0)
    return;
  sim::FaultSpec spec;
  spec.kind = sim::FaultKind::kLatency;
  spec.ms = latency_ms;
  sim.store().AddFault(spec);
}

Figures AgainstSimulator(Kind kind, int n, int latency_ms) {
  Figures f;
  {
    test::SimProcess sim;
    AddLatency(sim, latency_ms);
    const auto bare = RunBare(kind, n, sim.Endpoint(), [] {});
    f.bare_rate = bare.calls / bare.seconds;
    f.bare_refused = bare.refused;
  }
  test::SimProcess sim;
  AddLatency(sim, latency_ms);
  const auto [rate, summary] = RunWmsbridge(kind, n, sim.Endpoint(), [] {});
  f.wmsbridge_rate = rate;
  f.wmsbridge_summary = summary;
  return f;
}

void Print(const std::string& target, Kind kind, int n, const Figures& f) {
  std::cout << std::left << std::setw(16) << target << std::setw(10)
            << (kind == Kind::kArticles ? "articles" : "orders") << std::right << std::setw(7) << n
            << std::setw(13) << std::fixed << std::setprecision(0) << f.wmsbridge_rate
            << std::setw(11) << f.bare_rate << std::setw(9) << std::setprecision(1)
            << 100.0 * f.wmsbridge_rate / f.bare_rate << " %\n";
  std::cout << "    wmsbridge: " << f.wmsbridge_summary << "; bare loop refused " << f.bare_refused
            << "\n";
  if (!f.payload_check.empty())
    std::cout << "    " << f.payload_check << "\n";
  std::cout.flush();
}

// The best of `rounds` runs of `measure`, side by side.
Figures Best(int rounds, const std::function<Figures()>& measure) {
  Figures best = measure();
  for (int round = 1; round < rounds; ++round) {
    const Figures f = measure();
    if (f.wmsbridge_rate > best.wmsbridge_rate) {
      best.wmsbridge_rate = f.wmsbridge_rate;
      best.wmsbridge_summary = f.wmsbridge_summary;
    }
    best.bare_rate = std::max(best.bare_rate, f.bare_rate);
    best.bare_refused += f.bare_refused;
    if (f.payload_check != best.payload_check)
      best.payload_check += "; " + f.payload_check;
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const int articles = argc > 1 ? std::stoi(argv[1]) : 2000;
  const int orders = argc > 2 ? std::stoi(argv[2]) : 500;
  const int calls_at_20 = argc > 3 ? std::stoi(argv[3]) : 200;
  const int rounds = std::max(1, argc > 4 ? std::stoi(argv[4]) : 1);
  const bool null_only = argc > 5 && std::string(argv[5]) == "null";
  std::cout << "target          kind          n  wmsbridge/s    bare/s    ratio\n";
  for (const Kind kind : {Kind::kArticles, Kind::kOrders}) {
    const int n = kind == Kind::kArticles ? articles : orders;
    if (n <= 0)
      continue;
    Print("null server", kind, n, Best(rounds, [&] { return AgainstNullServer(kind, n); }));
    for (const int latency : {0, 1, 20}) {
      if (null_only)
        break;
      const int count = latency >= 20 ? std::min(n, calls_at_20) : n;
      if (count <= 0)
        continue;
      Print("sim " + std::to_string(latency) + " ms", kind, count,
            Best(rounds, [&] { return AgainstSimulator(kind, count, latency); }));
    }
  }
  return 0;
}
