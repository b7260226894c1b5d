// Credentials end to end through the command line (R1, R6b): a refused logon stops every job
// after exactly one call with exit 77 and says what to check, whatever words Ongoing uses; the
// password and the MD5 keys appear in no row of any wms_ table, no log file line, no message
// dump and no output. ERP over ODBC (SQLite and PostgreSQL), the simulator over HTTP.
#define BOOST_TEST_MODULE credentials
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Process.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "tests/support/backend_test.h"
#include "tests/support/cli_process.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/secret_file.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;
using test::CliResult;
using test::ErpBackend;
using test::SimProcess;

namespace {

constexpr int kExitNoPerm = 77;
constexpr const char* kWrongPassword = "Wr0ng&Passw0rd<x>";
constexpr const char* kMd5Keys = "md5key-9f8e7d6c5b4a";

// Every job of the command line, as an operator runs it.
const std::vector<std::vector<std::string>> kJobs = {{"run", "articles"},
                                                     {"run", "customer-orders"},
                                                     {"run", "purchase-orders"},
                                                     {"run", "internal-orders"},
                                                     {"run", "deliveries"},
                                                     {"run", "receipts"},
                                                     {"send", "customer-order", "9001"}};

void Seed(const ErpBackend& db) {
  db.Exec("INSERT INTO warehouse (warehouse_id, code, name) VALUES (1, 'MAIN', 'Göteborg')");
  db.Exec("INSERT INTO currency (code, name) VALUES ('SEK', 'krona')");
  db.Exec("INSERT INTO customer (customer_id, customer_no, name) VALUES (1, 'K-1', 'Kund')");
  db.Exec(
      "INSERT INTO article (article_id, article_no, article_type, name, is_active, updated_at) "
      "VALUES (1, 'A-1', 'STOCK', 'Kaffekopp', TRUE, '2026-11-20 10:00:00'), "
      "(2, 'A-2', 'STOCK', 'Tekanna', TRUE, '2026-11-20 10:00:00'), "
      "(3, 'BAD', 'STOCK', 'Negativ vikt', TRUE, '2026-11-20 10:00:00')");
  db.Exec("UPDATE article SET weight_kg = -1 WHERE article_no = 'BAD'");
  db.Exec(
      "INSERT INTO customer_order (order_id, order_no, customer_id, warehouse_id, order_date, "
      "delivery_date, currency_code, delivery_name, delivery_address, delivery_postcode, "
      "delivery_city, delivery_country_code, status, updated_at) VALUES (1, '9001', 1, 1, "
      "'2026-11-25', '2026-12-01', 'SEK', 'Kund', 'Gatan 1', '41101', 'Göteborg', 'SE', 'OPEN', "
      "'2026-11-25 09:00:00')");
  db.Exec(
      "INSERT INTO customer_order_line (order_id, line_no, article_no, description, quantity, "
      "unit_price) VALUES (1, 1, 'A-1', 'Kaffekopp', 2, 10)");
}

struct Installation {
  std::string dir;
  std::string ini;
  std::string log_file;
  std::string dump_file;
};

// An installation file with the password and the MD5 keys in 0600 files, a log file and a
// message dump.
Installation Install(const ErpBackend& db, const SimProcess& sim, const std::string& password) {
  Installation in;
  in.dir = test::TempDir("credentials");
  in.log_file = in.dir + "/wmsbridge.log";
  in.dump_file = in.dir + "/messages.txt";
  test::WriteSecretFile(in.dir + "/md5.keys", kMd5Keys);
  in.ini = test::InstallationFile(db, sim, in.dir, password)
               .General("log_file", in.log_file)
               .General("message_dump_file", in.dump_file)
               .Connection("sbm_id", "SBM-1")
               .Connection("md5_keys_file", in.dir + "/md5.keys")
               .Connection("export.customer_orders", "true")
               .Connection("export.purchase_orders", "true")
               .Write();
  return in;
}

CliResult RunCli(const Installation& in, const std::vector<std::string>& job) {
  std::vector<std::string> args{"--config", in.ini, "--no-progress"};
  args.insert(args.end(), job.begin(), job.end());
  return test::RunCli(args);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every value of every row of every wms_ table, one line per row.
std::string AllWmsRows(const ErpBackend& db) {
  const std::string tables_sql =
      db.Name() == "sqlite"
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'wms%'"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_name LIKE 'wms%'";
  auto session = db.Open();
  std::vector<std::string> tables;
  session->session() << tables_sql, Poco::Data::Keywords::into(tables), Poco::Data::Keywords::now;
  BOOST_TEST_REQUIRE(tables.size() >= 5u, "the wms_ tables were not found");
  std::string text;
  for (const std::string& table : tables) {
    Poco::Data::Statement select(session->session());
    select << "SELECT * FROM " + table, Poco::Data::Keywords::now;
    Poco::Data::RecordSet rows(select);
    for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
      text += table + ":";
      for (std::size_t column = 0; column < rows.columnCount(); ++column) {
        const Poco::Dynamic::Var value = rows.value(column);
        text += " " + (value.isEmpty() ? std::string("NULL") : value.toString());
      }
      text += "\n";
    }
  }
  return text;
}

void ExpectNoSecret(const std::string& where, const std::string& text) {
  for (const std::string& secret :
       {std::string(test::kPassword), std::string("S3cr"), std::string("zx91"),
        std::string(kWrongPassword), std::string("Wr0ng"), std::string(kMd5Keys),
        std::string("md5key")}) {
    BOOST_TEST(text.find(secret) == std::string::npos, where << " shows '" << secret << "'");
  }
}

}  // namespace

// A wrong password: every job stops with 77 after exactly one call (the logon check), sends
// nothing, records the run as ABORTED with what to check, and retries nothing — in either
// wording of Ongoing's answers.
ERP_BACKEND_TEST(a_refused_logon_ends_every_job_with_77_after_one_call_in_either_wording_R1) {
  Seed(db);
  for (const sim::Wording wording : {sim::Wording::kStandard, sim::Wording::kAlternative}) {
    SimProcess sim;
    sim.store().SetWording(wording);
    const Installation in = Install(db, sim, kWrongPassword);
    for (const auto& job : kJobs) {
      BOOST_TEST_CONTEXT(sim::WordingName(wording) << " " << job[0] << " " << job[1]) {
        sim.store().ResetCalls();
        const CliResult result = RunCli(in, job);
        BOOST_TEST(result.code == kExitNoPerm, result.output);
        BOOST_TEST(sim.store().CallCount(sim::Operation::kGetInventoryPerWarehouse) == 1);
        std::int64_t calls = 0;
        for (const auto& [operation, count] : sim.store().CallCounts())
          calls += count;
        BOOST_TEST(calls == 1, "one call and no retry: " << calls);
        for (const char* key : {"goods_owner_code", "login_name", "password_file"})
          BOOST_TEST(result.output.find(key) != std::string::npos, result.output);
      }
    }
    BOOST_TEST(sim.store().TotalWriteCalls() == 0);
  }
  const long runs = db.Count("SELECT * FROM wms_run");
  BOOST_TEST(runs == static_cast<long>(2 * kJobs.size()));
  BOOST_TEST(db.Count("SELECT * FROM wms_run WHERE status = 'ABORTED' AND message LIKE "
                      "'%refused the logon%'") == runs);
  BOOST_TEST(db.Count("SELECT * FROM wms_sync_state WHERE status = 'SENT'") == 0);
}

// The password and the MD5 keys appear nowhere a person or a program can read: not in any
// row of any wms_ table, the log file, the message dump or the output — after good runs, a
// refused record, a SOAP fault, a refused order and a refused logon.
ERP_BACKEND_TEST(no_secret_appears_in_any_wms_row_log_file_message_dump_or_output_R1_R6b) {
  Seed(db);
  SimProcess sim;
  std::string output;
  {
    const Installation good = Install(db, sim, test::kPassword);
    sim::FaultSpec fault;
    fault.kind = sim::FaultKind::kSoapFault;
    fault.operation = sim::Operation::kProcessArticle;
    fault.times = 1;
    sim.store().AddFault(fault);
    for (const auto& job : kJobs)
      output += RunCli(good, job).output;
    sim.store().StartPicking("9001");
    db.Exec("UPDATE customer_order_line SET quantity = 3");
    db.Exec("UPDATE customer_order SET updated_at = '2026-11-26 09:00:00'");
    output += RunCli(good, {"run", "customer-orders"}).output;  // refused: picking started
    BOOST_TEST(db.Count("SELECT * FROM wms_sync_state WHERE status = 'SENT'") >= 2);
    BOOST_TEST(db.Count("SELECT * FROM wms_sync_state WHERE status <> 'SENT'") >= 1);
    ExpectNoSecret("log file", ReadFile(good.log_file));
    const std::string dump = ReadFile(good.dump_file);
    BOOST_TEST(dump.find(">***<") != std::string::npos, "the dump holds the masked password");
    ExpectNoSecret("message dump", dump);
    BOOST_TEST(!ReadFile(good.log_file).empty());
  }
  {
    const Installation wrong = Install(db, sim, kWrongPassword);
    output += RunCli(wrong, {"run", "articles"}).output;
    ExpectNoSecret("log file (wrong password)", ReadFile(wrong.log_file));
    ExpectNoSecret("message dump (wrong password)", ReadFile(wrong.dump_file));
  }
  ExpectNoSecret("output", output);
  const std::string rows = AllWmsRows(db);
  BOOST_TEST(rows.find("wms_run_record") != std::string::npos, "rows were read");
  ExpectNoSecret("wms_ tables", rows);
}
