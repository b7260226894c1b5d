// The command line as a DBA meets it (issue 14, points 3-5; R29): `wmsbridge check`, usage
// errors (64), missing input files (66), a send of a document nobody has (65), a missing wms_
// schema, the logon checked even with nothing to send, --version and per-command help from the
// job list, the log file's lines and the SOAP trace. The real program as a child process, the
// ERP over ODBC (SQLite and PostgreSQL), the simulator over HTTP and HTTPS.
#define BOOST_TEST_MODULE cli
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "jobs/job_definitions.h"
#include "tests/support/backend_test.h"
#include "tests/support/cli_process.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/secret_file.h"
#include "tests/support/sim_process.h"
#include "tests/support/test_certificates.h"

using namespace wmsbridge;
using test::CliResult;
using test::ErpBackend;
using test::RunCli;
using test::SimProcess;

namespace {

constexpr int kUsage = 64, kDataErr = 65, kNoInput = 66, kUnavailable = 69, kNoPerm = 77,
              kConfig = 78;
constexpr const char* kWrongPassword = "Wr0ngPassw0rd-cli";
constexpr const char* kMd5Keys = "md5key-cli-4711";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A driver's multi-line dump shows its ODBC state ("[unixODBC]", "SQLSTATE", "ODBC Error").
bool ShowsDriverDump(const std::string& text) {
  return Has(text, "SQLSTATE") || Has(text, "[unixODBC]") || Has(text, "ODBC Error") ||
         Has(text, "no such table");
}

CliResult Run(const std::string& ini, std::vector<std::string> args) {
  args.insert(args.begin(), {"--config", ini, "--no-progress"});
  return RunCli(args);
}

// The ERP's warehouse MAIN, which the installation file connects.
void AddMainWarehouse(const ErpBackend& db) {
  db.Exec("INSERT INTO warehouse (warehouse_id, code, name) VALUES (1, 'MAIN', 'Göteborg')");
}

// Every line of `check`'s output for connection demo that starts with `verdict`.
std::vector<std::string> CheckLines(const std::string& output, const std::string& verdict) {
  std::vector<std::string> lines;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("demo: " + verdict, 0) == 0)
      lines.push_back(line);
  }
  return lines;
}

// Runs the program with stdout and stderr on a pseudo-terminal, as a person at a shell does;
// returns its exit code and everything the terminal showed.
CliResult RunOnTerminal(const std::vector<std::string>& args) {
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  BOOST_REQUIRE(master >= 0);
  BOOST_REQUIRE(grantpt(master) == 0 && unlockpt(master) == 0);
  const std::string slave_name = ptsname(master);
  std::vector<std::string> argv_text = args;
  argv_text.insert(argv_text.begin(), test::WmsBridgeBinary());
  std::vector<char*> argv;
  for (std::string& a : argv_text)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    const int slave = open(slave_name.c_str(), O_RDWR);
    if (slave < 0)
      _exit(127);
    dup2(slave, STDOUT_FILENO);
    dup2(slave, STDERR_FILENO);
    close(master);
    execv(argv[0], argv.data());
    _exit(127);
  }
  CliResult result;
  char buffer[4096];
  for (;;) {  // until the terminal is closed (EIO once the child's side is gone)
    const ssize_t n = read(master, buffer, sizeof buffer);
    if (n > 0)
      result.output.append(buffer, static_cast<std::size_t>(n));
    else if (n < 0 && errno == EINTR)
      continue;
    else
      break;
  }
  int status = 0;
  waitpid(child, &status, 0);
  close(master);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace

// --- Progress on a terminal -----------------------------------------------------------------

// A terminal gets the bar, redrawn in place ('\r'), with the counted total and percent; it
// ends at 100 % with the time taken (issue 14, point 6; before, no bar was ever drawn).
ERP_BACKEND_TEST(a_terminal_gets_a_progress_bar_with_the_total_R29) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  const std::string dir = test::TempDir("cli-terminal");
  const std::string ini = test::InstallationFile(db, sim, dir).Write();
  const CliResult run = RunOnTerminal({"--config", ini, "run", "articles"});
  BOOST_TEST(run.code == 0, run.output);
  const std::string bar = "\rarticles: [" + std::string(30, '#') + "] 100% 3/3 records in ";
  BOOST_TEST(Has(run.output, bar), run.output);
  // Piped, the same run writes progress as log lines, never a bar.
  const CliResult piped = RunCli({"--config", ini, "run", "articles", "--full"});
  BOOST_TEST(piped.code == 0, piped.output);
  BOOST_TEST(Has(piped.output, "articles: 3/3 records in "), piped.output);
  BOOST_TEST(!Has(piped.output, "\rarticles: ["), piped.output);
}

// --- Usage (64) and help -------------------------------------------------------------------

// Any usage error is 64, checked before the configuration is read (here it does not exist):
// an unknown option, command or job, a bad number, a missing argument or option value.
BOOST_AUTO_TEST_CASE(every_usage_error_exits_64_before_the_configuration_is_read_R29) {
  const std::string none = test::TempDir("cli-usage") + "/absent.ini";
  const std::vector<std::vector<std::string>> lines = {
      {"--bogus"},
      {"--config", none, "bogus"},
      {"--config", none, "run"},
      {"--config", none, "run", "article"},
      {"--config", none, "run", "articles", "extra"},
      {"--config", none, "send", "customer-order"},
      {"--config", none, "send", "customer-orders", "1"},
      {"--config", none, "status", "--runs", "abc"},
      {"--config", none, "--log-level", "loud", "run", "articles"},
      {"--config", none, "report"},
      {"--config", none, "db", "drop"},
      {"--config"},
      {"help", "nothing"}};
  for (const auto& args : lines) {
    std::string shown;
    for (const auto& a : args)
      shown += a + " ";
    const CliResult result = RunCli(args);
    BOOST_TEST(result.code == kUsage, shown << "-> " << result.code << ": " << result.output);
  }
}

// --version prints "wmsbridge X.Y.Z"; the help of run and send lists every job and document
// type of the job list; no user-facing text carries a requirement id.
BOOST_AUTO_TEST_CASE(version_and_per_command_help_come_from_the_job_list_R29) {
  const CliResult version = RunCli({"--version"});
  BOOST_TEST(version.code == 0);
  BOOST_TEST(std::regex_match(version.output, std::regex("wmsbridge [0-9]+\\.[0-9]+\\.[0-9]+\n")),
             version.output);
  const std::regex requirement_id("\\bR[0-9]+");
  std::vector<std::string> helps;
  for (const std::vector<std::string>& args : {std::vector<std::string>{"run", "--help"},
                                               {"help", "run"},
                                               {"help", "send"},
                                               {"send", "--help"},
                                               {"--help"},
                                               {"help"},
                                               {"help", "check"},
                                               {"help", "status"}}) {
    const CliResult help = RunCli(args);
    BOOST_TEST(help.code == 0, args[0] << ": " << help.output);
    BOOST_TEST(!std::regex_search(help.output, requirement_id), help.output);
    helps.push_back(help.output);
  }
  for (const jobs::JobDefinition& job : jobs::JobDefinitions()) {
    BOOST_TEST(Has(helps[0], job.name + " "), job.name);
    BOOST_TEST(Has(helps[0], job.help), job.help);
  }
  BOOST_TEST(helps[0] == helps[1], "run --help is help run");
  BOOST_TEST(Has(helps[0], "usage: wmsbridge --config FILE run JOB"), helps[0]);
  BOOST_TEST(!Has(helps[0], "db init-demo"), "the help of run, not the global help");
  BOOST_TEST(Has(helps[2], "send customer-order|purchase-order|internal-order NUMBER"), helps[2]);
  BOOST_TEST(Has(helps[4], "check"), helps[4]);
  BOOST_TEST(Has(helps[6], "warehouses"), helps[6]);
}

// --- Missing input files (66): nothing is created -------------------------------------------

BOOST_AUTO_TEST_CASE(a_missing_input_file_exits_66_and_no_database_is_created_R29) {
  SimProcess sim;
  auto db = test::MakeSqliteBackend();
  const std::string dir = test::TempDir("cli-noinput");
  // The configuration file: absent, or a folder (Poco would read a folder for ever).
  BOOST_TEST(RunCli({"--config", dir + "/absent.ini", "status"}).code == kNoInput);
  const CliResult folder = RunCli({"--config", dir, "status"});
  BOOST_TEST(folder.code == kNoInput, folder.output);
  BOOST_TEST(Has(folder.output, "is a folder"), folder.output);

  // The password file.
  const std::string no_password = test::InstallationFile(*db, sim, dir)
                                      .Connection("password_file", dir + "/no.password")
                                      .Write();
  const CliResult password = Run(no_password, {"run", "articles"});
  BOOST_TEST(password.code == kNoInput, password.output);
  BOOST_TEST(Has(password.output, "connection.demo.password_file"), password.output);

  // The SQLite database: never created, whatever the command (db init-demo alone creates it).
  const std::string erp = dir + "/no-such-erp.db";
  const std::string ini = test::InstallationFile(*db, sim, dir)
                              .Connection("erp_odbc", "Driver=SQLite3;Database=" + erp)
                              .Write();
  for (const std::vector<std::string>& args : {std::vector<std::string>{"run", "articles"},
                                               {"status"},
                                               {"db", "migrate"},
                                               {"check"},
                                               {"send", "customer-order", "1"},
                                               {"run-due"}}) {
    const CliResult result = Run(ini, args);
    BOOST_TEST(result.code == kNoInput, args[0] << ": " << result.output);
    BOOST_TEST(Has(result.output, "connection.demo.erp_odbc"), result.output);
    BOOST_TEST(Has(result.output, erp + " does not exist"), result.output);
    BOOST_TEST(!std::filesystem::exists(erp), args[0] << " created the database file");
  }
  BOOST_TEST(sim.store().TotalWriteCalls() == 0);
}

// --- The ERP's wms_ tables --------------------------------------------------------------------

// Without wmsbridge's tables every command says to run `wmsbridge db migrate` in one line
// (78), not a driver's dump, and touches nothing.
ERP_BACKEND_TEST(a_missing_wms_schema_says_run_db_migrate_in_one_line_R29) {
  SimProcess sim;
  const std::string dir = test::TempDir("cli-schema");
  const std::string ini = test::InstallationFile(db, sim, dir).Write();
  db.Exec("DROP TABLE wms_schema_version");
  for (const std::vector<std::string>& args : {std::vector<std::string>{"run", "articles"},
                                               {"run", "deliveries"},
                                               {"status"},
                                               {"send", "customer-order", "1"},
                                               {"run-due"},
                                               {"check"}}) {
    const CliResult result = Run(ini, args);
    BOOST_TEST(result.code == kConfig, args[0] << ": " << result.output);
    BOOST_TEST(Has(result.output, "run `wmsbridge db migrate`"), result.output);
    BOOST_TEST(!ShowsDriverDump(result.output), result.output);
  }
  BOOST_TEST(sim.store().TotalWriteCalls() == 0);
}

// --- send (65) and the logon ------------------------------------------------------------------

// A send of a document no connection has to send is 65 with the reason, and sends nothing.
ERP_BACKEND_TEST(send_of_an_unknown_document_exits_65_with_the_reason_R14) {
  SimProcess sim;
  AddMainWarehouse(db);
  const std::string dir = test::TempDir("cli-send");
  const std::string ini = test::InstallationFile(db, sim, dir).Write();
  for (const char* type : {"customer-order", "purchase-order", "internal-order"}) {
    const CliResult result = Run(ini, {"send", type, "NO-SUCH"});
    BOOST_TEST(result.code == kDataErr, type << ": " << result.output);
    BOOST_TEST(Has(result.output, "NO-SUCH: NOT sent: not found"), result.output);
    BOOST_TEST(Has(result.output, "start_date"), "the reasons are named: " << result.output);
  }
  BOOST_TEST(sim.store().TotalWriteCalls() == 0);
}

// With nothing at all to send or read, a wrong password still ends every job with 77: the
// logon is checked before a job decides it has nothing to do.
ERP_BACKEND_TEST(a_wrong_password_with_nothing_to_send_is_never_exit_0_R1) {
  SimProcess sim;
  AddMainWarehouse(db);
  const std::string dir = test::TempDir("cli-nothing");
  const std::string ini = test::InstallationFile(db, sim, dir, kWrongPassword)
                              .Connection("export.customer_orders", "true")
                              .Connection("export.purchase_orders", "true")
                              .Write();
  for (const jobs::JobDefinition& job : jobs::JobDefinitions()) {
    const CliResult result = Run(ini, {"run", job.name});
    BOOST_TEST(result.code == kNoPerm, job.name << ": " << result.output);
  }
  const CliResult check = Run(ini, {"check"});
  BOOST_TEST(check.code == kNoPerm, check.output);

  // The article export switched off: nothing at all to do, and still the logon is checked.
  const std::string off_dir = test::TempDir("cli-articles-off");
  const std::string off = test::InstallationFile(db, sim, off_dir, kWrongPassword)
                              .Connection("export.articles", "false")
                              .Write();
  const CliResult articles = Run(off, {"run", "articles"});
  BOOST_TEST(articles.code == kNoPerm, articles.output);
  BOOST_TEST(Has(articles.output, "automatic export of articles is off"), articles.output);
}

// --- check ----------------------------------------------------------------------------------

// One line per check; 0 when all pass; otherwise the worst code with the failing line: a
// refused logon 77, a delivery method whose transporter service Ongoing lacks 65, the WMS down
// 69, HTTPS with the certificate verified.
ERP_BACKEND_TEST(check_reports_each_check_in_a_line_and_exits_with_the_worst_code_R29) {
  AddMainWarehouse(db);
  db.Exec(
      "INSERT INTO delivery_method (delivery_method_id, code, name, carrier_code, "
      "carrier_service_code) VALUES (1, 'DHL-P', 'DHL', 'DHL', 'PARCEL'), "
      "(2, 'PN-HOME', 'Hem', 'POSTNORD', 'HOME'), (4, 'PICKUP', 'Butik', NULL, NULL)");
  const std::string dir = test::TempDir("cli-check");
  {
    SimProcess sim;
    const std::string ini = test::InstallationFile(db, sim, dir).Write();
    const CliResult good = Run(ini, {"check"});
    BOOST_TEST(good.code == 0, good.output);
    BOOST_TEST(CheckLines(good.output, "FAIL").empty(), good.output);
    for (const char* what : {"ok    configuration: ", "ok    ERP database: reachable",
                             "ok    WMS: reachable at ", "ok    WMS logon: accepted",
                             "ok    warehouses MAIN", "ok    transporter services: the 2 "}) {
      BOOST_TEST(Has(good.output, std::string("demo: ") + what), what << " in " << good.output);
    }
    BOOST_TEST(Has(good.output, "(PICKUP without carrier codes"), good.output);
    BOOST_TEST(sim.store().TotalWriteCalls() == 0, "check writes nothing to the WMS");

    const std::string wrong =
        test::InstallationFile(db, sim, test::TempDir("cli-check-wrong"), kWrongPassword).Write();
    const CliResult refused = Run(wrong, {"check"});
    BOOST_TEST(refused.code == kNoPerm, refused.output);
    BOOST_TEST(CheckLines(refused.output, "FAIL  WMS logon: refused").size() == 1u, refused.output);
    BOOST_TEST(!Has(refused.output, kWrongPassword));

    db.Exec(
        "INSERT INTO delivery_method (delivery_method_id, code, name, carrier_code, "
        "carrier_service_code) VALUES (3, 'BUD', 'Bud', 'CITYMAIL', 'EXPRESS')");
    const CliResult unknown_service = Run(ini, {"check"});
    BOOST_TEST(unknown_service.code == kDataErr, unknown_service.output);
    BOOST_TEST(Has(unknown_service.output, "BUD needs CITYMAIL/EXPRESS"), unknown_service.output);

    sim.Stop();
    const CliResult down = Run(ini, {"check"});
    BOOST_TEST(down.code == kUnavailable, down.output);
    BOOST_TEST(CheckLines(down.output, "FAIL  WMS: ").size() == 1u, down.output);
    BOOST_TEST(CheckLines(down.output, "ok    ERP database").size() == 1u, down.output);
  }
  db.Exec("DELETE FROM delivery_method WHERE code = 'BUD'");
  {
    const test::TestCertificates certs = test::MakeTestCertificates(test::TempDir("cli-tls"));
    SimProcess tls(certs.loopback);
    const std::string ini =
        test::InstallationFile(db, tls, dir).Connection("ca_file", certs.ca_cert).Write();
    const CliResult https = Run(ini, {"check"});
    BOOST_TEST(https.code == 0, https.output);
    BOOST_TEST(Has(https.output, "TLS certificate verified"), https.output);
  }
}

// --- Logs and traces -------------------------------------------------------------------------

// The log file gets every line of a run, each with its time labelled with its zone and with
// the run's id; a bad rotation setting or a missing folder stops the command naming the key.
ERP_BACKEND_TEST(the_log_file_has_each_line_with_its_zone_and_run_id_R29) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  const std::string dir = test::TempDir("cli-log");
  const std::string log_file = dir + "/wmsbridge.log";
  const std::string ini = test::InstallationFile(db, sim, dir)
                              .General("log_file", log_file)
                              .General("log_rotation", "1 M")
                              .General("log_archive", "number")
                              .General("log_keep", "3")
                              .Write();
  const CliResult run = Run(ini, {"run", "articles"});
  BOOST_TEST(run.code == 0, run.output);
  const std::string text = ReadFile(log_file);
  BOOST_TEST(!text.empty());
  const std::regex line_form(
      "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}([+-][0-9]{2}:[0-9]{2}|Z) "
      "[A-Za-z]+ wmsbridge\\.run-[0-9]+: .*");
  std::istringstream lines(text);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count)
    BOOST_TEST(std::regex_match(line, line_form), "line without zone or run id: " << line);
  BOOST_TEST(count >= 2);

  const CliResult level = Run(ini, {"--log-level", "warning", "run", "articles"});
  BOOST_TEST(level.code == 0, level.output);
  BOOST_TEST(!Has(level.output, "Information"), level.output);
  const CliResult verbose = Run(ini, {"-v", "run", "articles"});
  BOOST_TEST(verbose.code == 0, verbose.output);
  BOOST_TEST(Has(verbose.output, " Debug "), verbose.output);

  const std::string bad_rotation = test::InstallationFile(db, sim, dir)
                                       .General("log_file", log_file)
                                       .General("log_rotation", "sometimes")
                                       .Write();
  const CliResult rotation = Run(bad_rotation, {"run", "articles"});
  BOOST_TEST(rotation.code == kConfig, rotation.output);
  BOOST_TEST(Has(rotation.output, "wmsbridge.log_rotation"), rotation.output);

  const std::string no_folder =
      test::InstallationFile(db, sim, dir).General("log_file", dir + "/none/w.log").Write();
  const CliResult folder = Run(no_folder, {"run", "articles"});
  BOOST_TEST(folder.code == kConfig, folder.output);
  BOOST_TEST(Has(folder.output, "wmsbridge.log_file"), folder.output);
  BOOST_TEST(sim.store().TotalWriteCalls() == 3, "only the first run sent (the three articles)");
}

// --trace-soap DIR (and trace_soap_dir): a file per request and answer, holding the call,
// with the password and the MD5 keys masked.
ERP_BACKEND_TEST(the_soap_trace_has_each_call_in_a_file_without_secrets_R29) {
  SimProcess sim;
  test::AddStockAndFreightArticles(db);
  const std::string dir = test::TempDir("cli-trace");
  const std::string trace = dir + "/trace";
  const std::string trace_by_key = dir + "/trace-key";
  std::filesystem::create_directories(trace);
  std::filesystem::create_directories(trace_by_key);
  test::WriteSecretFile(dir + "/md5.keys", kMd5Keys);
  const std::string ini = test::InstallationFile(db, sim, dir)
                              .Connection("sbm_id", "SBM-1")
                              .Connection("md5_keys_file", dir + "/md5.keys")
                              .Write();
  const CliResult run = Run(ini, {"--trace-soap", trace, "run", "articles"});
  BOOST_TEST(run.code == 0, run.output);
  const CliResult missing = Run(ini, {"--trace-soap", dir + "/none", "run", "articles"});
  BOOST_TEST(missing.code == kUsage, missing.output);

  const std::string by_key =
      test::InstallationFile(db, sim, dir).General("trace_soap_dir", trace_by_key).Write();
  BOOST_TEST(Run(by_key, {"run", "articles"}).code == 0);
  BOOST_TEST(!std::filesystem::is_empty(trace_by_key), "trace_soap_dir is written");

  int requests = 0, answers = 0;
  bool process_article = false, masked = false;
  for (const auto& entry : std::filesystem::directory_iterator(trace)) {
    const std::string name = entry.path().filename().string();
    const std::string text = ReadFile(entry.path().string());
    requests += name.ends_with("-request.xml") ? 1 : 0;
    answers += name.ends_with("-response.xml") ? 1 : 0;
    if (Has(name, "ProcessArticle-request")) {
      process_article = process_article || Has(text, "A-1") || Has(text, "A-2");
      masked = masked || Has(text, ">***<");
    }
    for (const std::string& secret :
         {std::string(test::kPassword), std::string(kMd5Keys), std::string("md5key")}) {
      BOOST_TEST(!Has(text, secret), name << " shows a secret");
    }
  }
  BOOST_TEST(requests == 4, "the logon check and three articles");
  BOOST_TEST(answers == requests);
  BOOST_TEST(process_article, "a ProcessArticle request holds the article");
  BOOST_TEST(masked, "the password is there, masked");
}
