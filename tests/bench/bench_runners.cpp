// Benchmark of runners and connections (issue 13): N connections, each with its own wms-sim
// process, one PostgreSQL (WMSBRIDGE_TEST_PG), and 1, 2 and 4 `wmsbridge run-due` processes
// started at once. Each round makes every job of every connection due at the same instant (the
// claimed slots, sync state and watermarks are cleared first, so each round does the same work:
// M articles sent per connection, and every other job run once on the reference data) and
// checks that every due job of every connection ran exactly once, counting its runs in wms_run.
// Prints figures; asserts nothing (a check that fails is printed and makes the exit code 1).
// Usage: bench_runners [N connections] [M articles] [THREADS per runner] (default 20 20 1).
#include <Poco/Stopwatch.h>

#include <future>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <thread>
#include <vector>

#include "tests/bench/bench_measure.h"
#include "tests/support/cli_process.h"
#include "tests/support/erp_backend.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;

namespace {

std::string Name(int i) {
  std::string n = std::to_string(i);
  return "c" + std::string(n.size() < 2 ? 2 - n.size() : 0, '0') + n;
}

// Every row of a two-column query as "a|b".
std::vector<std::string> Pairs(const test::ErpBackend& db, const std::string& a,
                               const std::string& b, const std::string& from) {
  const long n = db.Count("SELECT * FROM " + from);
  std::vector<std::string> out;
  for (long i = 0; i < n; ++i) {
    out.push_back(db.Scalar("SELECT " + a + " || '|' || " + b + " FROM " + from + " ORDER BY " + a +
                            ", " + b + " LIMIT 1 OFFSET " + std::to_string(i)));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const int connections = argc > 1 ? std::stoi(argv[1]) : 20;
  const int articles = argc > 2 ? std::stoi(argv[2]) : 20;
  const std::string threads = argc > 3 ? argv[3] : "1";
  auto db = test::MakePostgresBackend();
  test::AddStockAndFreightArticles(*db);
  test::AddPurchaseOrderPo1(*db);
  db->Exec(
      "INSERT INTO warehouse (warehouse_id, code, name, address, postcode, city, country_code) "
      "VALUES (1, 'MAIN', 'Lager Göteborg', 'Hamngatan 1', '41101', 'Göteborg', 'SE')");
  std::string values;
  for (int i = 1; i <= articles; ++i) {
    values += std::string(values.empty() ? "" : ", ") + "(" + std::to_string(1000 + i) + ", 'R-" +
              std::to_string(i) + "', 'STOCK', 'Artikel', TRUE, '2026-11-20 10:00:00')";
  }
  db->Exec(
      "INSERT INTO article (article_id, article_no, article_type, name, is_active, updated_at) "
      "VALUES " +
      values);

  std::vector<std::unique_ptr<test::SimProcess>> sims;
  for (int i = 0; i < connections; ++i)
    sims.push_back(std::make_unique<test::SimProcess>());
  test::InstallationFile file(*db, *sims[0], test::TempDir("bench_runners"));
  file.General("max_parallel_connections", threads);
  // [connection.demo] and c02 … cNN, each a copy of demo with its own sim.
  for (int i = 1; i < connections; ++i)
    file.AddConnection(Name(i + 1), {{"wms_service_url", sims[i]->url()}});
  const std::string config = file.Write();

  std::cout << "connections " << connections << " (one wms-sim process each), " << articles + 3
            << " articles each, one PostgreSQL, max_parallel_connections " << threads
            << " per runner; machine: " << std::thread::hardware_concurrency() << " cores\n\n";
  std::cout << "| runners | wall time | runs | due jobs | each ran exactly once | exit codes |\n"
               "| --- | --- | --- | --- | --- | --- |\n";
  std::cout << std::fixed << std::setprecision(1);
  bool all_good = true;
  for (const int runners : {1, 2, 4}) {
    // The same work each round: every job due again, every article to send again.
    db->Exec("DELETE FROM wms_job_schedule");
    db->Exec("DELETE FROM wms_sync_state");
    db->Exec("DELETE FROM wms_watermark");
    const std::string before = db->Scalar("SELECT COALESCE(MAX(run_id), 0) FROM wms_run");
    // Monday 2026-11-30 09:10 in Stockholm: every job of the list has a slot at or before it.
    const std::vector<std::string> args = {"--config", config, "run-due", "--now",
                                           "2026-11-30 08:10:00"};
    Poco::Stopwatch wall;
    wall.start();
    std::vector<std::future<test::CliResult>> started;
    for (int r = 0; r < runners; ++r)
      started.push_back(std::async(std::launch::async, [&] { return test::RunCli(args); }));
    std::string codes;
    for (auto& f : started)
      codes += (codes.empty() ? "" : " ") + std::to_string(f.get().code);
    wall.stop();

    // The next look (one runner, not timed): a slot whose job's lease was held by another
    // runner at the time (articles and articles-full share the article job's lease) was given
    // back and runs now, once.
    const std::string timed_runs =
        db->Scalar("SELECT COUNT(*) FROM wms_run WHERE run_id > " + before);
    test::RunCli(args);

    // Due: the claimed rows (cleared before the round). Ran: the round's runs. Each run starts
    // only after its slot's claim, so runs per connection equal to its claimed slots means each
    // slot ran exactly once.
    std::map<std::string, int> due, ran;
    for (const std::string& row : Pairs(*db, "connection_name", "job", "wms_job_schedule"))
      ++due[row.substr(0, row.find('|'))];
    for (const std::string& row :
         Pairs(*db, "connection_name", "job", "wms_run WHERE run_id > " + before))
      ++ran[row.substr(0, row.find('|'))];
    int due_total = 0, ran_total = 0;
    for (const auto& [c, n] : due)
      due_total += n;
    for (const auto& [c, n] : ran)
      ran_total += n;
    const long running = db->Count("SELECT * FROM wms_run WHERE status = 'RUNNING'");
    const bool once = due == ran && running == 0 && static_cast<int>(due.size()) == connections;
    all_good = all_good && once;
    std::cout << "| " << runners << " | " << bench::Seconds(wall) << " s | " << timed_runs << " (+"
              << ran_total - std::stoi(timed_runs) << " at the next look) | " << due_total << " | "
              << (once ? "yes" : "NO") << " | " << codes << " |\n";
    if (!once) {
      for (const auto& [c, n] : due) {
        if (ran[c] != n)
          std::cout << "  " << c << ": due " << n << ", ran " << ran[c] << "\n";
      }
    }
  }
  return all_good ? 0 : 1;
}
