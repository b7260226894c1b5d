#include "jobs/check_command.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>
#include <Poco/Util/Application.h>

#include <optional>
#include <set>

#include "jobs/erp_readiness.h"
#include "jobs/exit_codes.h"
#include "jobs/job_environment.h"
#include "jobs/webhook_check.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/warehouse_store.h"
#include "stages/ongoing/soap_wms_client.h"
#include "stages/wms/wms_error.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::jobs {
namespace {

using App = Poco::Util::Application;

// A driver's message may run over several lines; a check line shows its first.
std::string FirstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
    line.pop_back();
  return line;
}

class Checker {
 public:
  Checker(const ConnectionConfig& connection, std::ostream& out) : c_(connection), out_(out) {}

  void Pass(const std::string& what) { Line("ok  ", what); }
  void Skip(const std::string& what) { Line("skip", what); }
  void Fail(int code, const std::string& what) {
    Line("FAIL", what + " (exit " + std::to_string(code) + ")");
    code_ = WorseExitCode(code_, code);
  }
  int code() const { return code_; }

 private:
  void Line(const char* verdict, const std::string& what) {
    out_ << c_.name << ": " << verdict << "  " << what << "\n";
    out_.flush();
  }

  const ConnectionConfig& c_;
  std::ostream& out_;
  int code_ = App::EXIT_OK;
};

// The ERP checks; returns the open session when the ERP is usable for the later checks.
std::optional<erp::ErpDatabase> CheckErp(const ConnectionConfig& c, const std::string& sql_dir,
                                         Checker& check) {
  try {
    RequireSqliteFile(c.name, c.file, c.erp_odbc);
  } catch (const MissingInputFile& e) {
    check.Fail(App::EXIT_NOINPUT, std::string("ERP database: ") + e.what());
    return std::nullopt;
  }
  std::optional<erp::ErpDatabase> db;
  try {
    db.emplace(c.erp_odbc, sql_dir);
  } catch (const std::exception& e) {
    check.Fail(App::EXIT_IOERR, "ERP database: cannot connect: " + FirstLine(FailureOf(e).message));
    return std::nullopt;
  }
  try {
    const std::vector<std::string> pending = PendingMigrations(*db);
    if (!pending.empty()) {
      check.Fail(App::EXIT_CONFIG, "ERP database: reachable, but wms_ tables lack " +
                                       std::to_string(pending.size()) + " migration(s) (first " +
                                       pending.front() + "): run `wmsbridge db migrate`");
      return db;
    }
    check.Pass("ERP database: reachable (" + std::string(erp::ToString(db->dialect())) +
               "), wms_ tables current");
  } catch (const SchemaNotCurrent& e) {
    check.Fail(App::EXIT_CONFIG, std::string("ERP database: reachable, but ") + e.what() +
                                     ": run `wmsbridge db migrate`");
  } catch (const std::exception& e) {
    check.Fail(App::EXIT_IOERR, "ERP database: " + FirstLine(FailureOf(e).message));
    return std::nullopt;
  }
  return db;
}

void CheckWarehouses(const ConnectionConfig& c, erp::ErpDatabase* db, Checker& check) {
  std::string codes;
  for (const std::string& code : c.warehouses) {
    const auto mapped = c.wms_warehouse_codes.find(code);
    codes += (codes.empty() ? "" : ", ") + code +
             (mapped == c.wms_warehouse_codes.end() ? "" : " (Ongoing " + mapped->second + ")");
  }
  if (db == nullptr) {
    check.Skip("warehouses " + codes + ": the ERP database is not usable");
    return;
  }
  try {
    const std::vector<std::string> missing = erp::WarehouseStore(*db).Missing(c.warehouses);
    if (!missing.empty()) {
      check.Fail(App::EXIT_CONFIG, "warehouses: " + missing.front() + " (connection." + c.name +
                                       ".warehouses) is no warehouse of the ERP");
      return;
    }
  } catch (const std::exception& e) {
    check.Fail(App::EXIT_IOERR, "warehouses: " + FirstLine(FailureOf(e).message));
    return;
  }
  check.Pass("warehouses " + codes +
             ": in the ERP (Ongoing's SOAP service has no call that lists its warehouses; "
             "the 3PL confirms them)");
}

void CheckTransporters(erp::ErpDatabase* db, ongoing::SoapWmsClient* client, Checker& check) {
  if (db == nullptr || client == nullptr) {
    check.Skip("transporter services: need the ERP database and the WMS logon");
    return;
  }
  std::vector<Poco::Tuple<std::string, std::string, std::string>> methods;
  try {
    db->session() << db->Query("select_delivery_method_services"), into(methods), now;
  } catch (const std::exception& e) {
    check.Fail(App::EXIT_IOERR, "transporter services: " + FirstLine(FailureOf(e).message));
    return;
  }
  std::set<std::string> offered;
  try {
    for (const auto& contract : client->GetTransporterContracts()) {
      for (const auto& service : contract.services)
        offered.insert(contract.transporter_code + "/" + service.code);
    }
  } catch (const std::exception& e) {
    const CommandFailure failure = FailureOf(e);
    check.Fail(failure.code, "transporter services: " + FirstLine(failure.message));
    return;
  }
  std::vector<std::string> problems;
  std::string without_codes;  // store pick-up and the like: not for the 3PL, not a failure
  std::size_t checked = 0;
  for (const auto& method : methods) {
    const std::string& code = method.get<0>();
    if (method.get<1>().empty() && method.get<2>().empty()) {
      without_codes += (without_codes.empty() ? "" : ", ") + code;
      continue;
    }
    ++checked;
    if (method.get<1>().empty() || method.get<2>().empty()) {
      problems.push_back(code + " has only one of carrier code and service code");
      continue;
    }
    const std::string service = method.get<1>() + "/" + method.get<2>();
    if (offered.count(service) == 0)
      problems.push_back(code + " needs " + service + ", which Ongoing does not offer");
  }
  if (!problems.empty()) {
    std::string text;
    for (const std::string& problem : problems)
      text += (text.empty() ? "" : "; ") + problem;
    // Orders with such a method are refused (65) until the ERP or the 3PL is changed.
    check.Fail(App::EXIT_DATAERR, "transporter services: " + text);
    return;
  }
  check.Pass("transporter services: the " + std::to_string(checked) +
             " delivery method(s) of the ERP with carrier codes are offered by Ongoing" +
             (without_codes.empty()
                  ? ""
                  : " (" + without_codes + " without carrier codes: orders with it are refused)"));
}

int CheckConnection(const AppConfig& app, const ConnectionConfig& c, const JobOptions& options,
                    std::ostream& out) {
  Checker check(c, out);
  check.Pass("configuration: " + app.file);
  std::optional<erp::ErpDatabase> db = CheckErp(c, options.sql_dir, check);

  std::optional<ongoing::SoapWmsClient> client;
  bool logon = false;
  const std::string& url = c.endpoint.url;
  try {
    client.emplace(c.endpoint, ClientOptions(c, options));
    const wms::SystemStatus status = client->GetSystemStatus();
    const bool https = url.rfind("https://", 0) == 0;
    if (!status.is_running) {
      check.Fail(App::EXIT_UNAVAILABLE, "WMS: " + url + " answers, but says it is not running" +
                                            (status.text.empty() ? "" : ": " + status.text));
    } else {
      check.Pass("WMS: reachable at " + url +
                 (https ? ", TLS certificate verified" : " (plain HTTP, no TLS)"));
    }
    client->VerifyLogon();
    logon = true;
    check.Pass("WMS logon: accepted for goods owner " + c.endpoint.goods_owner_code + ", user " +
               c.endpoint.user_name);
  } catch (const wms::WmsError& e) {
    if (e.kind() == wms::WmsErrorKind::kLogon) {
      check.Fail(App::EXIT_NOPERM,
                 "WMS logon: refused for goods owner " + c.endpoint.goods_owner_code + ", user " +
                     c.endpoint.user_name +
                     ": check goods_owner_code, login_name and the password (password_file or "
                     "password_env)");
    } else {
      check.Fail(App::EXIT_UNAVAILABLE, "WMS: " + url + ": " + FirstLine(e.what()));
      check.Skip("WMS logon: the WMS is not reachable");
    }
  } catch (const std::exception& e) {
    const CommandFailure failure = FailureOf(e);
    check.Fail(failure.code, "WMS: " + FirstLine(failure.message));
  }
  CheckWarehouses(c, db ? &*db : nullptr, check);
  CheckTransporters(db ? &*db : nullptr, logon ? &*client : nullptr, check);
  if (c.webhooks && app.webhook_listen_port != 0) {  // R34: the daemon's receiver answers
    const WebhookCheck webhook = CheckWebhookReceiver(app, c);
    if (webhook.ok)
      check.Pass(webhook.text);
    else
      check.Fail(App::EXIT_UNAVAILABLE, webhook.text);
  }
  return check.code();
}

}  // namespace

int RunCheck(const AppConfig& app, const std::vector<const ConnectionConfig*>& selected,
             const JobOptions& options, std::ostream& out) {
  int code = App::EXIT_OK;
  for (const ConnectionConfig* c : selected)
    code = WorseExitCode(code, CheckConnection(app, *c, options, out));
  out << (code == App::EXIT_OK ? "all checks passed" : "some checks failed") << " (exit " << code
      << ")\n";
  return code;
}

int VerifyLogonOnly(const ConnectionConfig& c, const JobOptions& options, Poco::Logger& log) {
  try {
    ongoing::SoapWmsClient client(c.endpoint, ClientOptions(c, options));
    client.VerifyLogon();
    return 0;
  } catch (const std::exception& e) {
    const CommandFailure failure = FailureOf(e);
    log.error("connection %s: %s (exit %d)", c.name, failure.message, failure.code);
    return failure.code;
  }
}

}  // namespace wmsbridge::jobs
