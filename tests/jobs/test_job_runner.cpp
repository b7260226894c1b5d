// The job runner (issue 13) through the command line and the ERP database: connections are
// isolated (one connection's failure never stops another's; the exit code is the worst), and
// the job lock is a lease that a crashed runner loses (R27). ERP over ODBC (SQLite and
// PostgreSQL), the simulator over HTTP.
#define BOOST_TEST_MODULE job_runner
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Process.h>
#include <signal.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

#include "stages/erp/job_lock.h"
#include "stages/erp/lease_renewer.h"

#include "tests/support/backend_test.h"
#include "tests/support/cli_process.h"
#include "tests/support/daemon_process.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;
using test::ErpBackend;
using test::SimProcess;

namespace {

std::string RunStatus(const ErpBackend& db, const std::string& connection) {
  return db.Scalar("SELECT status FROM wms_run WHERE connection_name = '" + connection +
                   "' ORDER BY run_id DESC");
}

// A run of connection demo's article job left RUNNING by a runner on another host, with two
// documents sent, one rejected and one failed recorded; returns its id.
std::string DeadRun(const ErpBackend& db, const std::string& started_at) {
  db.Exec(
      "INSERT INTO wms_run (connection_name, job, mode, started_at, status, host, pid) VALUES "
      "('demo', 'articles', 'incremental', '" +
      started_at + "', 'RUNNING', 'elsewhere', 4242)");
  const std::string id = db.Scalar("SELECT MAX(run_id) FROM wms_run");
  for (const auto& [no, outcome] : {std::pair{"A-1", "sent"}, std::pair{"A-2", "sent"},
                                    std::pair{"A-3", "rejected"}, std::pair{"A-4", "failed"}}) {
    db.Exec(
        "INSERT INTO wms_run_record (run_id, doc_type, doc_no, outcome, reason, recorded_at) "
        "VALUES (" +
        id + ", 'article', '" + no + "', '" + outcome + "', '', '" + started_at + "')");
  }
  return id;
}

std::string Column(const ErpBackend& db, const std::string& column, const std::string& run_id) {
  return db.Scalar("SELECT " + column + " FROM wms_run WHERE run_id = " + run_id);
}

}  // namespace

// Connections are read in name order: "broken" and "cut" come before "demo".
ERP_BACKEND_TEST(a_connection_whose_wms_is_down_does_not_stop_the_next_and_the_code_is_worst) {
  SimProcess sim;
  SimProcess down;  // its port, with nothing listening once stopped
  down.Stop();
  test::AddStockAndFreightArticles(db);
  test::InstallationFile file(db, sim, sim.dir());
  file.AddConnection("broken", {{"wms_service_url", down.url()}});
  const std::string config = file.Write();

  const auto run = test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  BOOST_TEST(run.code == 69, run.output);
  BOOST_TEST(RunStatus(db, "broken") == "ABORTED");
  BOOST_TEST(RunStatus(db, "demo") == "COMPLETED", run.output);
  BOOST_TEST(db.Scalar("SELECT sent_count FROM wms_run WHERE connection_name = 'demo'") == "3");
  // Each connection's outcome is logged with its name.
  BOOST_TEST(run.output.find("connection broken: articles:") != std::string::npos, run.output);
  BOOST_TEST(run.output.find("connection demo: articles:") != std::string::npos, run.output);
}

ERP_BACKEND_TEST(an_erp_that_fails_does_not_stop_the_next_connection_and_74_outranks_69) {
  SimProcess sim;
  SimProcess down;
  down.Stop();
  test::AddStockAndFreightArticles(db);
  test::InstallationFile file(db, sim, sim.dir());
  file.AddConnection("broken", {{"wms_service_url", down.url()}});
  // A file that is no database: opening it works, the first query fails (a missing file would
  // be 66, issue 14: wmsbridge never creates the ERP's database).
  const std::string not_a_database = sim.dir() + "/not-a-database.db";
  std::ofstream(not_a_database) << std::string(4096, 'x');
  file.AddConnection("cut", {{"erp_odbc", "Driver=SQLite3;Database=" + not_a_database}});
  const std::string config = file.Write();

  const auto run = test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  BOOST_TEST(run.code == 74, run.output);
  BOOST_TEST(RunStatus(db, "broken") == "ABORTED");
  BOOST_TEST(RunStatus(db, "demo") == "COMPLETED", run.output);
  BOOST_TEST(run.output.find("connection cut: articles: ERP database:") != std::string::npos,
             run.output);
}

ERP_BACKEND_TEST(a_lock_held_for_one_connection_does_not_stop_the_next_R27) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  test::InstallationFile file(db, sim, sim.dir());
  file.AddConnection("busy", {});
  const std::string config = file.Write();
  // A live lease of another host on busy's article job.
  db.Exec(
      "INSERT INTO wms_job_lock (connection_name, job, host, pid, locked_at, expires_at) VALUES "
      "('busy', 'articles', 'elsewhere', 1, '2026-01-01 00:00:00', '2999-01-01 00:00:00')");

  const auto run = test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  BOOST_TEST(run.code == 75, run.output);
  BOOST_TEST(RunStatus(db, "demo") == "COMPLETED", run.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run WHERE connection_name = 'busy'") == 0);
}

// --- Leases (R27) -----------------------------------------------------------------------------

ERP_BACKEND_TEST(an_expired_lease_is_taken_over_and_the_dead_runs_closed_with_their_counts_R27) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  // A runner on another host died in the middle of a run: its lease expired long ago. An older
  // run of the same job was left RUNNING with no lease at all (killed before leases).
  const std::string older = DeadRun(db, "2026-01-01 00:00:00");
  const std::string dead = DeadRun(db, "2026-01-02 00:00:00");
  db.Exec(
      "INSERT INTO wms_job_lock (connection_name, job, run_id, host, pid, locked_at, expires_at) "
      "VALUES ('demo', 'articles', " +
      dead + ", 'elsewhere', 4242, '2026-01-02 00:00:00', '2026-01-02 00:05:00')");
  test::InstallationFile file(db, sim, sim.dir());
  const std::string config = file.Write();

  const auto run = test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  BOOST_TEST(run.code == 0, run.output);
  for (const std::string& id : {older, dead}) {
    BOOST_TEST(Column(db, "status", id) == "ABORTED");
    BOOST_TEST(Column(db, "sent_count", id) == "2");
    BOOST_TEST(Column(db, "rejected_count", id) == "1");
    BOOST_TEST(Column(db, "failed_count", id) == "1");
    BOOST_TEST(!Column(db, "finished_at", id).empty());
    BOOST_TEST(Column(db, "message", id).find("runner died") != std::string::npos);
  }
  BOOST_TEST(RunStatus(db, "demo") == "COMPLETED");
  BOOST_TEST(db.Count("SELECT * FROM wms_run WHERE status = 'RUNNING'") == 0);
  BOOST_TEST(db.Count("SELECT * FROM wms_job_lock") == 0);  // released after the run
}

ERP_BACKEND_TEST(a_live_lease_of_another_host_refuses_the_run_and_leaves_its_run_alone_R27) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  const std::string live = DeadRun(db, "2026-01-02 00:00:00");
  db.Exec(
      "INSERT INTO wms_job_lock (connection_name, job, run_id, host, pid, locked_at, expires_at) "
      "VALUES ('demo', 'articles', " +
      live + ", 'elsewhere', 4242, '2026-01-02 00:00:00', '2999-01-01 00:00:00')");
  test::InstallationFile file(db, sim, sim.dir());
  const auto run = test::RunCli({"--config", file.Write(), "run", "articles", "--no-progress"});
  BOOST_TEST(run.code == 75, run.output);
  BOOST_TEST(run.output.find("host elsewhere, pid 4242") != std::string::npos, run.output);
  BOOST_TEST(Column(db, "status", live) == "RUNNING");
}

ERP_BACKEND_TEST(a_lease_is_renewed_while_held_and_lost_once_another_runner_took_it_R27) {
  auto first_db = db.Open();
  auto second_db = db.Open();
  const auto expiry = [&] {
    return db.Scalar("SELECT expires_at FROM wms_job_lock WHERE job = 'articles'");
  };
  erp::JobLock first(*first_db, "demo", "articles",
                     {std::chrono::seconds(60), std::chrono::seconds(1)});
  const std::string taken = expiry();
  std::atomic<bool> lost{false};
  {
    erp::LeaseRenewer renewer(db.ConnectionString(), test::SqlDir(), first.holder(),
                              {std::chrono::seconds(600), std::chrono::seconds(1)},
                              [&] { lost = true; });
    std::this_thread::sleep_for(std::chrono::milliseconds(1600));
    BOOST_TEST(expiry() > taken);  // renewed by the thread: 600 s from now
    BOOST_TEST(!lost);
    BOOST_CHECK_THROW(erp::JobLock(*second_db, "demo", "articles"), erp::JobAlreadyRunning);

    // The holder stalls past its expiry; another runner takes the lease over.
    db.Exec("UPDATE wms_job_lock SET expires_at = '2026-01-01 00:00:00'");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a later locked_at
    // (the renewer may have renewed it again meanwhile: expire it once more)
    db.Exec("UPDATE wms_job_lock SET expires_at = '2026-01-01 00:00:00'");
    erp::JobLock second(*second_db, "demo", "articles");
    BOOST_TEST(!erp::RenewLease(*first_db, first.holder(), std::chrono::seconds(60)));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    BOOST_TEST(lost);  // the renewer noticed
    BOOST_TEST(erp::RenewLease(*second_db, second.holder(), std::chrono::seconds(60)));
  }
}

ERP_BACKEND_TEST(two_runners_started_at_once_run_the_job_once_R27) {
  SimProcess sim;
  // Enough articles that one run lasts while the other starts.
  std::string values;
  for (int i = 1; i <= 300; ++i) {
    values += std::string(values.empty() ? "" : ", ") + "(" + std::to_string(i) + ", 'B-" +
              std::to_string(i) + "', 'STOCK', 'Artikel', TRUE, '2026-11-20 10:00:00')";
  }
  db.Exec(
      "INSERT INTO article (article_id, article_no, article_type, name, is_active, "
      "updated_at) VALUES " +
      values);
  test::InstallationFile file(db, sim, sim.dir());
  const std::string config = file.Write();
  const std::vector<std::string> args = {"--config", config, "run", "articles", "--no-progress"};
  auto a = std::async(std::launch::async, [&] { return test::RunCli(args); });
  auto b = std::async(std::launch::async, [&] { return test::RunCli(args); });
  const auto ra = a.get();
  const auto rb = b.get();
  BOOST_TEST(std::min(ra.code, rb.code) == 0, ra.output + rb.output);
  BOOST_TEST(std::max(ra.code, rb.code) == 75, ra.output + rb.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 1);
  BOOST_TEST(db.Scalar("SELECT sent_count FROM wms_run") == "300");
}

// --- run-due (points 1 and 2) --------------------------------------------------------------------

namespace {

// Only the article jobs on a schedule; the others off, so that a test sees only them.
std::string OnlyArticlesScheduled(const ErpBackend& db, const SimProcess& sim) {
  test::InstallationFile file(db, sim, sim.dir());
  for (const char* job :
       {"customer-orders", "purchase-orders", "internal-orders", "deliveries", "receipts", "stock"})
    file.Connection(std::string("schedule.") + job, "off");
  return file.Write();
}

std::vector<std::string> RunDueAt(const std::string& config, const std::string& utc) {
  return {"--config", config, "run-due", "--now", utc};
}

}  // namespace

ERP_BACKEND_TEST(run_due_runs_each_slot_once_and_a_missed_window_once) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  const std::string config = OnlyArticlesScheduled(db, sim);

  // Monday 2026-11-30 09:10 in Stockholm: never run, so the latest slots are due: 09:00 and the
  // nightly full comparison of 01:30.
  auto run = test::RunCli(RunDueAt(config, "2026-11-30 08:10:00"));
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run WHERE status = 'COMPLETED'") == 2);
  BOOST_TEST(db.Scalar("SELECT last_due_at FROM wms_job_schedule WHERE job = 'articles'") ==
             "2026-11-30 08:00:00");
  BOOST_TEST(db.Scalar("SELECT last_due_at FROM wms_job_schedule WHERE job = 'articles-full'") ==
             "2026-11-30 00:30:00");

  // Ten minutes later nothing is due.
  run = test::RunCli(RunDueAt(config, "2026-11-30 08:20:00"));
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 2);

  // Down until Wednesday 11:20: one run for 11:00 and one full comparison for that night.
  run = test::RunCli(RunDueAt(config, "2026-12-02 10:20:00"));
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 4);
  BOOST_TEST(db.Scalar("SELECT last_due_at FROM wms_job_schedule WHERE job = 'articles'") ==
             "2026-12-02 10:00:00");
  BOOST_TEST(db.Scalar("SELECT mode FROM wms_run WHERE run_id = (SELECT MAX(run_id) FROM "
                       "wms_run)") == "full");  // articles-full runs after articles

  // --dry-run lists what is due and runs nothing: on Saturday the missed Friday 20:00 slot
  // (once) and that night's full comparison.
  run = test::RunCli({"--config", config, "run-due", "--now", "2026-12-05 10:20:00", "--dry-run"});
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(run.output.find("articles is due (slot 2026-12-04 20:00 Europe/Stockholm)") !=
                 std::string::npos,
             run.output);
  BOOST_TEST(run.output.find("articles-full is due (slot 2026-12-05 01:30") != std::string::npos,
             run.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 4);
}

ERP_BACKEND_TEST(two_run_due_runners_started_at_once_run_a_slot_once_R27) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  test::InstallationFile file(db, sim, sim.dir());
  for (const char* job : {"customer-orders", "purchase-orders", "internal-orders", "deliveries",
                          "receipts", "stock", "articles-full"})
    file.Connection(std::string("schedule.") + job, "off");
  const std::string config = file.Write();
  const auto args = RunDueAt(config, "2026-11-30 08:10:00");
  auto a = std::async(std::launch::async, [&] { return test::RunCli(args); });
  auto b = std::async(std::launch::async, [&] { return test::RunCli(args); });
  const auto ra = a.get();
  const auto rb = b.get();
  BOOST_TEST(ra.code == 0, ra.output);
  BOOST_TEST(rb.code == 0, rb.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 1, ra.output + rb.output);
}

// A slot claimed while another runner holds the job's lease (its run of an earlier slot, or the
// full comparison of the same job) did not run: it is given back, and the next look runs it.
ERP_BACKEND_TEST(a_slot_whose_lease_is_held_elsewhere_runs_at_the_next_look_R27) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  test::InstallationFile file(db, sim, sim.dir());
  for (const char* job : {"customer-orders", "purchase-orders", "internal-orders", "deliveries",
                          "receipts", "stock", "articles-full"})
    file.Connection(std::string("schedule.") + job, "off");
  const std::string config = file.Write();
  const auto hold = [&] {
    db.Exec(
        "INSERT INTO wms_job_lock (connection_name, job, host, pid, locked_at, expires_at) VALUES "
        "('demo', 'articles', 'elsewhere', 1, '2026-01-01 00:00:00', '2999-01-01 00:00:00')");
  };
  const auto last_due = [&] {
    return db.Scalar("SELECT last_due_at FROM wms_job_schedule WHERE job = 'articles'");
  };

  // Never run before: the claim is given back as if never run.
  hold();
  auto run = test::RunCli(RunDueAt(config, "2026-11-30 08:10:00"));
  BOOST_TEST(run.code == 75, run.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 0);
  BOOST_TEST(last_due() == "");
  db.Exec("DELETE FROM wms_job_lock");
  run = test::RunCli(RunDueAt(config, "2026-11-30 08:11:00"));
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run WHERE status = 'COMPLETED'") == 1);
  BOOST_TEST(last_due() == "2026-11-30 08:00:00");

  // Run before: the slot before is the last one again.
  hold();
  run = test::RunCli(RunDueAt(config, "2026-11-30 08:40:00"));
  BOOST_TEST(run.code == 75, run.output);
  BOOST_TEST(last_due() == "2026-11-30 08:00:00");
  db.Exec("DELETE FROM wms_job_lock");
  run = test::RunCli(RunDueAt(config, "2026-11-30 08:41:00"));
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run WHERE status = 'COMPLETED'") == 2);
  BOOST_TEST(last_due() == "2026-11-30 08:30:00");
}

// --- Connections in parallel (point 4) -----------------------------------------------------------

namespace {

// A WMS that accepts connections and never answers, until the test lets it go: a call to it is
// in flight for as long as the test wants, whatever the machine's speed.
class StalledWms {
 public:
  StalledWms() : server_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
    accepter_ = std::thread([this] {
      try {
        while (!released_) {
          if (server_.poll(Poco::Timespan(0, 50000), Poco::Net::Socket::SELECT_READ)) {
            std::lock_guard<std::mutex> lock(mutex_);
            held_.push_back(server_.acceptConnection());
          }
        }
      } catch (const Poco::Exception&) {
      }
    });
  }
  ~StalledWms() { Release(); }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(server_.address().port()) + "/service.asmx";
  }
  /// Closes every connection held and the listener: the calls fail at once, and so do new ones.
  void Release() {
    if (released_.exchange(true))
      return;
    accepter_.join();
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& socket : held_)
      socket.close();
    server_.close();
  }

 private:
  Poco::Net::ServerSocket server_;
  std::atomic<bool> released_{false};
  std::mutex mutex_;
  std::vector<Poco::Net::StreamSocket> held_;
  std::thread accepter_;
};

}  // namespace

// "a-stalled" comes before "demo" by name: one after the other, demo would not start before
// a-stalled's run ended. In parallel demo's run completes while a-stalled's call is still in
// flight; then a-stalled's WMS goes away, its run is aborted, and the code is the worst (69).
ERP_BACKEND_TEST(connections_run_in_parallel_and_a_wms_down_does_not_stop_the_other) {
  SimProcess sim;
  StalledWms stalled;
  test::AddStockAndFreightArticles(db);
  test::InstallationFile file(db, sim, sim.dir());
  file.General("max_parallel_connections", "2");
  // Its calls wait for the test, not for a time-out.
  file.AddConnection("a-stalled",
                     {{"wms_service_url", stalled.url()}, {"receive_timeout_s", "120"}});
  const std::string config = file.Write();

  auto run = std::async(std::launch::async, [&] {
    return test::RunCli({"--config", config, "run", "articles", "--no-progress"});
  });
  const bool demo_done = test::WaitUntil(
      [&] {
        return RunStatus(db, "demo") == "COMPLETED" ||
               run.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
      },
      std::chrono::seconds(30));
  const std::string stalled_then = RunStatus(db, "a-stalled");
  stalled.Release();
  const auto result = run.get();
  BOOST_TEST(demo_done);
  BOOST_TEST(RunStatus(db, "demo") == "COMPLETED", result.output);
  BOOST_TEST(stalled_then == "RUNNING", result.output);  // both at once
  BOOST_TEST(RunStatus(db, "a-stalled") == "ABORTED", result.output);
  BOOST_TEST(result.code == 69, result.output);
  BOOST_TEST(result.output.find("connection a-stalled: articles:") != std::string::npos,
             result.output);
  BOOST_TEST(result.output.find("connection demo: articles:") != std::string::npos, result.output);
  BOOST_TEST(db.Scalar("SELECT sent_count FROM wms_run WHERE connection_name = 'demo'") == "3");
}

// --- daemon (point 2)
// ------------------------------------------------------------------------------

// `wmsbridge daemon` as systemd runs it: tests/support/daemon_process.h.
using test::DaemonProcess;

// The daemon runs what is due at once, looks again every daemon_poll_s (here 1 s), and a SIGTERM
// ends it cleanly: the run in flight closed with its records counted, nothing left RUNNING, no
// lease left, exit 0.
ERP_BACKEND_TEST(daemon_runs_what_is_due_every_poll_and_stops_cleanly_on_sigterm) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  test::InstallationFile file(db, sim, sim.dir());
  file.General("daemon_poll_s", "1");
  for (const char* job : {"customer-orders", "purchase-orders", "internal-orders", "deliveries",
                          "receipts", "stock", "articles-full"})
    file.Connection(std::string("schedule.") + job, "off");
  file.Connection("schedule.articles", "daily 00:00");  // a slot is due whatever the hour
  DaemonProcess daemon(file.Write());

  const bool first = test::WaitUntil(
      [&] { return db.Count("SELECT * FROM wms_run WHERE status = 'COMPLETED'") == 1; });
  BOOST_TEST_REQUIRE(first);
  BOOST_TEST_REQUIRE(!daemon.Exited());
  // Forget the claimed slot: the next look (a second later) runs the job again. 40 new articles,
  // each call 100 ms late, so that the second run is in flight when SIGTERM comes.
  std::string values;
  for (int i = 1; i <= 40; ++i) {
    values += std::string(values.empty() ? "" : ", ") + "(" + std::to_string(100 + i) + ", 'D-" +
              std::to_string(i) + "', 'STOCK', 'Artikel', TRUE, '2026-11-21 10:00:00')";
  }
  db.Exec(
      "INSERT INTO article (article_id, article_no, article_type, name, is_active, updated_at) "
      "VALUES " +
      values);
  sim::FaultSpec slow;
  slow.kind = sim::FaultKind::kLatency;
  slow.ms = 100;
  sim.store().AddFault(slow);
  db.Exec("DELETE FROM wms_job_schedule");
  const bool second = test::WaitUntil([&] {
    return db.Count(
               "SELECT * FROM wms_run_record WHERE run_id = (SELECT MAX(run_id) FROM wms_run)"
               " AND doc_no LIKE 'D-%'") > 0 ||
           daemon.Exited();  // a daemon that left after one look
  });
  BOOST_TEST_REQUIRE(second);
  BOOST_TEST_REQUIRE(!daemon.Exited());
  daemon.Terminate();
  const int code = daemon.Wait(std::chrono::seconds(30));
  const std::string output = daemon.Output();
  BOOST_TEST(code == 0, output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 2, output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run WHERE status = 'RUNNING'") == 0, output);
  BOOST_TEST(db.Count("SELECT * FROM wms_job_lock") == 0);
  const std::string last = db.Scalar("SELECT MAX(run_id) FROM wms_run");
  const std::string status = Column(db, "status", last);
  BOOST_TEST((status == "STOPPED" || status == "COMPLETED"), status);  // STOPPED unless done
  BOOST_TEST(!Column(db, "finished_at", last).empty());
  // The record in flight was finished and recorded: the run's count is its records'.
  BOOST_TEST(Column(db, "sent_count", last) ==
             std::to_string(db.Count("SELECT * FROM wms_run_record WHERE outcome = 'sent' AND "
                                     "run_id = " +
                                     last)));
  BOOST_TEST(output.find("daemon: stopped") != std::string::npos, output);
}

// --- Progress of a timer's runs (issue 14, point 6) ----------------------------------------------

// run-due (and the daemon, which calls it) logs a job's progress as `run` does off a terminal:
// lines with the count and the total, ending with the closing line of the run; --no-progress
// leaves them out.
ERP_BACKEND_TEST(a_run_due_run_logs_its_progress_lines_unless_no_progress_R29) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  const std::string config = OnlyArticlesScheduled(db, sim);
  auto run = test::RunCli(RunDueAt(config, "2026-11-30 08:10:00"));
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(run.output.find("articles: 3/3 records in ") != std::string::npos, run.output);
  BOOST_TEST(run.output.find('\r') == std::string::npos, run.output);  // never a bar

  auto quiet = RunDueAt(config, "2026-12-02 10:20:00");
  quiet.push_back("--no-progress");
  run = test::RunCli(quiet);
  BOOST_TEST(run.code == 0, run.output);
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 4);
  BOOST_TEST(run.output.find(" records in ") == std::string::npos, run.output);
}
