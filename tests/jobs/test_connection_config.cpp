// Configuration loading (jobs/connection_config.h) without a process: a valid configuration
// gives every value, each bad or missing key fails with its full name in the message, and no
// secret ever appears in a message (R1, R2-R4, R6, R6b, R35).
#include <Poco/AutoPtr.h>
#include <Poco/Environment.h>
#include <Poco/Util/MapConfiguration.h>
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <optional>
#include <string>

#include "jobs/connection_config.h"
#include "jobs/scheduled_jobs.h"
#include "tests/support/erp_backend.h"
#include "tests/support/secret_file.h"

using namespace wmsbridge;

namespace {

constexpr const char* kFile = "/etc/wmsbridge/test.ini";
constexpr const char* kPassword = "Pw&<cfg>\"secret'91";
constexpr const char* kMd5Keys = "md5-keys-cfg-7c3b";
constexpr const char* kPasswordVar = "WMSBRIDGE_TEST_CFG_PASSWORD";

// Where the secret files of this suite live (mode 0600, as the loader demands).
const std::string& Dir() {
  static const std::string dir = [] {
    const std::string d = test::TempDir("connection-config");
    test::WriteSecretFile(d + "/password", kPassword);
    test::WriteSecretFile(d + "/md5", kMd5Keys);
    return d;
  }();
  return dir;
}

// A complete, valid configuration of one connection "demo"; a test changes keys of it.
std::map<std::string, std::string> ValidKeys() {
  return {{"wmsbridge.sql_dir", test::SqlDir()},
          {"connection.demo.goods_owner_code", "DEMO"},
          {"connection.demo.goods_owner_id", "42"},
          {"connection.demo.login_name", "wmsbridge"},
          {"connection.demo.password_file", Dir() + "/password"},
          {"connection.demo.wms_service_url", "https://wms.example/service.asmx"},
          {"connection.demo.erp_odbc", "Driver=SQLite3;Database=/tmp/erp.db"},
          {"connection.demo.warehouses", "MAIN, NORTH"},
          {"connection.demo.start_date", "2026-11-01"}};
}

// Loads `keys`, with `change` applied: a value sets the key, std::nullopt removes it.
jobs::AppConfig Load(const std::map<std::string, std::optional<std::string>>& change = {}) {
  auto keys = ValidKeys();
  for (const auto& [key, value] : change) {
    if (value)
      keys[key] = *value;
    else
      keys.erase(key);
  }
  Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
  for (const auto& [key, value] : keys)
    config->setString(key, value);
  return jobs::LoadConfig(*config, kFile, "/nonexistent");
}

struct BadKey {
  std::string named;  // the key the error must name
  std::map<std::string, std::optional<std::string>> change;
};

const std::string kC = "connection.demo.";

// Each rule of the loader broken once; the error names exactly this key.
const std::vector<BadKey> kBadKeys = {
    {kC + "goods_owner_code", {{kC + "goods_owner_code", std::nullopt}}},
    {kC + "goods_owner_code", {{kC + "goods_owner_code", "  "}}},
    {kC + "goods_owner_code", {{kC + "goods_owner_code", std::string(401, 'G')}}},
    {kC + "goods_owner_id", {{kC + "goods_owner_id", std::nullopt}}},
    {kC + "goods_owner_id", {{kC + "goods_owner_id", "forty-two"}}},
    {kC + "goods_owner_id", {{kC + "goods_owner_id", "0"}}},
    {kC + "login_name", {{kC + "login_name", std::nullopt}}},
    {kC + "login_name", {{kC + "login_name", std::string(51, 'u')}}},
    {kC + "wms_service_url", {{kC + "wms_service_url", std::nullopt}}},
    {kC + "wms_service_url", {{kC + "wms_service_url", "ftp://wms.example/"}}},
    {kC + "erp_odbc", {{kC + "erp_odbc", std::nullopt}}},
    {kC + "export.articles", {{kC + "export.articles", "maybe"}}},
    {kC + "export.customer_orders", {{kC + "export.customer_orders", "2"}}},
    {kC + "export.purchase_orders", {{kC + "export.purchase_orders", "ja"}}},
    {kC + "invoice_at_delivery", {{kC + "invoice_at_delivery", "sometimes"}}},
    {kC + "readback_mode", {{kC + "readback_mode", "webhooks"}}},
    {kC + "warehouses", {{kC + "warehouses", std::nullopt}}},
    {kC + "warehouses", {{kC + "warehouses", " , "}}},
    {kC + "start_date", {{kC + "start_date", std::nullopt}}},
    {kC + "start_date", {{kC + "start_date", "2026-13-01"}}},
    {kC + "start_date", {{kC + "start_date", "1.11.2026"}}},
    {kC + "connect_timeout_s", {{kC + "connect_timeout_s", "0"}}},
    {kC + "receive_timeout_s", {{kC + "receive_timeout_s", "3601"}}},
    {kC + "batch_size", {{kC + "batch_size", "many"}}},
    // Group commit (issue 15): at least one document per commit, a time bound of 1 ms..10 min.
    {kC + "commit_group_size", {{kC + "commit_group_size", "0"}}},
    {kC + "commit_group_size", {{kC + "commit_group_size", "many"}}},
    {kC + "commit_group_ms", {{kC + "commit_group_ms", "0"}}},
    {kC + "commit_group_ms", {{kC + "commit_group_ms", "600001"}}},
    // R32: a page of at most Ongoing's 1000; a wait of 0..900 s.
    {kC + "wms_page_size", {{kC + "wms_page_size", "0"}}},
    {kC + "wms_page_size", {{kC + "wms_page_size", "1001"}}},
    {kC + "wms_page_size", {{kC + "wms_page_size", "all"}}},
    {kC + "rate_limit_max_wait_s", {{kC + "rate_limit_max_wait_s", "-1"}}},
    {kC + "rate_limit_max_wait_s", {{kC + "rate_limit_max_wait_s", "901"}}},
    {kC + "shipped_statuses", {{kC + "shipped_statuses", "450, shipped"}}},
    {kC + "shipped_statuses", {{kC + "shipped_statuses", ","}}},
    {"wmsbridge.sql_dir", {{"wmsbridge.sql_dir", "/nonexistent"}}},
    {"wmsbridge.time_zone", {{"wmsbridge.time_zone", "Europe/Gothenburg"}}},
    {kC + "schedule.articles", {{kC + "schedule.articles", "Mon-Fri 07:00-20:00"}}},
    {kC + "schedule.nightly", {{kC + "schedule.nightly", "daily 02:00"}}},
    {kC + "lease_s", {{kC + "lease_s", "5"}}},
    {"wmsbridge.log_file", {{"wmsbridge.log_file", "/nonexistent/wmsbridge.log"}}},
    {"wmsbridge.message_dump_file", {{"wmsbridge.message_dump_file", "/nonexistent/soap.txt"}}},
    // The password: never in the file; from exactly one of _file and _env; a private file.
    {kC + "password", {{kC + "password", kPassword}}},
    {kC + "password_file", {{kC + "password_file", std::nullopt}}},
    {kC + "password_file", {{kC + "password_env", kPasswordVar}}},
    {kC + "password_file", {{kC + "password_file", "/nonexistent/password"}}},
    {kC + "password_env",
     {{kC + "password_file", std::nullopt}, {kC + "password_env", "WMSBRIDGE_TEST_CFG_UNSET"}}},
    {kC + "md5_keys", {{kC + "md5_keys", kMd5Keys}}},
    {kC + "md5_keys_file",
     {{kC + "md5_keys_file", "/nonexistent/md5"}, {kC + "md5_keys_env", kPasswordVar}}},
    // Keys and sections the loader does not know (issue 14).
    {kC + "batch_szie", {{kC + "batch_szie", "50"}}},
    {kC + "export.customer_order", {{kC + "export.customer_order", "true"}}},
    {"wmsbrige.sql_dir", {{"wmsbrige.sql_dir", "/tmp"}}},
    // Transport (issue 14): plain http only to this machine unless allowed; CA files that
    // exist; a proxy as host:port with its credentials together.
    {kC + "wms_service_url", {{kC + "wms_service_url", "http://192.0.2.1/service.asmx"}}},
    {kC + "wms_service_url", {{kC + "wms_service_url", "http://127.0.0.1.example/s.asmx"}}},
    {kC + "allow_insecure_http", {{kC + "allow_insecure_http", "perhaps"}}},
    {kC + "ca_file", {{kC + "ca_file", "/nonexistent/ca.pem"}}},
    {kC + "ca_path", {{kC + "ca_path", "/nonexistent"}}},
    {kC + "proxy", {{kC + "proxy", "proxy.example"}}},
    {kC + "proxy", {{kC + "proxy", "http://proxy.example:3128"}}},
    {kC + "proxy", {{kC + "proxy", "proxy.example:99999"}}},
    {kC + "proxy_user", {{kC + "proxy_user", "someone"}}},
    {kC + "proxy_password_file",
     {{kC + "proxy", "proxy.example:3128"}, {kC + "proxy_user", "someone"}}},
    {kC + "proxy_password", {{kC + "proxy", "proxy.example:3128"}, {kC + "proxy_password", "x"}}},
    {kC + "send_timeout_s", {{kC + "send_timeout_s", "0"}}},
};

// The message of the ConfigError that loading with `change` throws ("" if none is thrown).
std::string ErrorOf(const std::map<std::string, std::optional<std::string>>& change,
                    std::string* key = nullptr) {
  try {
    Load(change);
  } catch (const jobs::ConfigError& e) {
    if (key)
      *key = e.key();
    return e.what();
  }
  return "";
}

void CheckNoSecret(const std::string& message) {
  BOOST_TEST(message.find(kPassword) == std::string::npos, "the password is in: " << message);
  BOOST_TEST(message.find(kMd5Keys) == std::string::npos, "the MD5 keys are in: " << message);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(connection_config)

BOOST_AUTO_TEST_CASE(a_valid_configuration_gives_every_value_and_the_defaults_R1_R2_R3_R4) {
  const jobs::AppConfig app = Load({{kC + "md5_keys_file", Dir() + "/md5"},
                                    {kC + "sbm_id", "12345"},
                                    {kC + "export.customer_orders", "yes"},
                                    {kC + "shipped_statuses", "500"}});
  BOOST_TEST(app.file == kFile);
  BOOST_TEST(app.sql_dir == test::SqlDir());
  BOOST_TEST(app.log_file.empty());
  BOOST_TEST(app.message_dump_file.empty());
  BOOST_REQUIRE_EQUAL(app.connections.size(), 1u);
  const jobs::ConnectionConfig& c = app.Connection("demo");
  BOOST_TEST(c.endpoint.goods_owner_code == "DEMO");
  BOOST_TEST(c.endpoint.goods_owner_id == 42);
  BOOST_TEST(c.endpoint.user_name == "wmsbridge");
  BOOST_TEST(c.endpoint.password.reveal() == kPassword);
  BOOST_TEST(c.endpoint.url == "https://wms.example/service.asmx");
  BOOST_TEST(c.erp_odbc == "Driver=SQLite3;Database=/tmp/erp.db");
  BOOST_TEST(c.export_articles);  // R2: on unless switched off
  BOOST_TEST(c.export_customer_orders);
  BOOST_TEST(!c.export_purchase_orders);
  BOOST_TEST((c.warehouses == std::vector<std::string>{"MAIN", "NORTH"}));
  BOOST_TEST(c.start_date == "2026-11-01");
  BOOST_TEST(c.sbm_id == "12345");
  BOOST_TEST(c.md5_keys.reveal() == kMd5Keys);
  BOOST_TEST((c.currencies == std::vector<std::string>{"SEK"}));  // R6: SEK by default
  BOOST_TEST(c.connect_timeout.count() == 10);
  BOOST_TEST(c.receive_timeout.count() == 120);
  BOOST_TEST(c.batch_size == 500);
  BOOST_TEST(c.commit_group_size == 200);  // issue 15: group commit by default
  BOOST_TEST(c.commit_group_ms.count() == 250);
  BOOST_TEST(c.wms_page_size == 1000);  // R32: as few read calls as Ongoing allows
  BOOST_TEST(c.rate_limit_max_wait.count() == 60);
  BOOST_TEST((c.shipped_statuses == std::vector<int>{500}));
  BOOST_TEST(!c.invoice_at_delivery);
  BOOST_TEST((c.readback_mode == jobs::ReadbackMode::kTimeWindow));  // issue 16: opt-in
}

BOOST_AUTO_TEST_CASE(readback_mode_report_back_is_read_in_any_case_issue16) {
  for (const char* value : {"report_back", "Report_Back"}) {
    const auto app = Load({{"connection.demo.readback_mode", value}});
    BOOST_TEST((app.connections.at(0).readback_mode == jobs::ReadbackMode::kReportBack), value);
  }
}

BOOST_AUTO_TEST_CASE(the_password_may_come_from_an_environment_variable_R1) {
  Poco::Environment::set(kPasswordVar, kPassword);
  const jobs::AppConfig app =
      Load({{kC + "password_file", std::nullopt}, {kC + "password_env", kPasswordVar}});
  BOOST_TEST(app.connections.front().endpoint.password.reveal() == kPassword);
}

BOOST_AUTO_TEST_CASE(every_connection_section_is_loaded_and_found_by_name) {
  std::map<std::string, std::optional<std::string>> second;
  for (const auto& [key, value] : ValidKeys()) {
    if (key.rfind(kC, 0) == 0)
      second["connection.north." + key.substr(kC.size())] = value;
  }
  second["connection.north.goods_owner_code"] = "NORTH";
  const jobs::AppConfig app = Load(second);
  BOOST_REQUIRE_EQUAL(app.connections.size(), 2u);
  BOOST_TEST(app.Connection("north").endpoint.goods_owner_code == "NORTH");
  BOOST_TEST(app.Connection("demo").endpoint.goods_owner_code == "DEMO");
  try {
    app.Connection("south");
    BOOST_FAIL("an unknown connection name must be refused");
  } catch (const jobs::ConfigError& e) {
    BOOST_TEST(e.key() == "connection.south");
    BOOST_TEST(std::string(e.what()).find(kFile) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_file_without_a_connection_section_is_refused) {
  std::map<std::string, std::optional<std::string>> none;
  for (const auto& [key, value] : ValidKeys()) {
    if (key.rfind(kC, 0) == 0)
      none[key] = std::nullopt;
  }
  std::string key;
  const std::string message = ErrorOf(none, &key);
  BOOST_TEST(key == "connection");
  BOOST_TEST(message.find("no [connection.NAME] section") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(each_bad_key_is_named_with_the_file_and_no_secret_R35_R1) {
  // Set, so that only the case that names an unset variable fails for it.
  Poco::Environment::set(kPasswordVar, kPassword);
  for (const BadKey& bad : kBadKeys) {
    BOOST_TEST_CONTEXT("breaking " << bad.named) {
      std::string key;
      const std::string message = ErrorOf(bad.change, &key);
      BOOST_TEST(!message.empty(), "loaded although " << bad.named << " is bad");
      BOOST_TEST(key == bad.named);
      BOOST_TEST(message.rfind(std::string(kFile) + ": " + bad.named + ": ", 0) == 0, message);
      CheckNoSecret(message);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_secret_file_readable_by_others_is_refused_without_its_content_R1) {
  const std::string path = Dir() + "/password.open";
  test::WriteSecretFile(path, kPassword);
  ::chmod(path.c_str(), 0644);
  std::string key;
  const std::string message = ErrorOf({{kC + "password_file", path}}, &key);
  BOOST_TEST(key == kC + "password_file");
  BOOST_TEST(message.find("mode 0644") != std::string::npos, message);
  CheckNoSecret(message);
}

BOOST_AUTO_TEST_CASE(an_empty_or_too_long_password_is_refused_without_its_content_R1) {
  const std::string empty = Dir() + "/password.empty";
  test::WriteSecretFile(empty, "");
  std::string key;
  std::string message = ErrorOf({{kC + "password_file", empty}}, &key);
  BOOST_TEST(key == kC + "password_file");
  BOOST_TEST(message.find("the secret is empty") != std::string::npos, message);

  const std::string long_password = std::string(kPassword) + std::string(40, 'x');
  const std::string too_long = Dir() + "/password.long";
  test::WriteSecretFile(too_long, long_password);
  message = ErrorOf({{kC + "password_file", too_long}}, &key);
  BOOST_TEST(key == kC + "password_file");
  BOOST_TEST(message.find("longer than Ongoing's 50 characters") != std::string::npos, message);
  BOOST_TEST(message.find(long_password) == std::string::npos, message);
  CheckNoSecret(message);
}

// issue 14: a misspelt key is an error naming it, with the key that was meant when it is close
// (two edits at most); a key that resembles nothing names the documentation instead.
BOOST_AUTO_TEST_CASE(an_unknown_key_or_section_is_refused_naming_it_and_the_near_miss) {
  const std::pair<std::string, std::string> cases[] = {
      {kC + "batch_szie", "unknown key; did you mean connection.demo.batch_size?"},
      {kC + "export.customer_order",
       "unknown key; did you mean connection.demo.export.customer_orders?"},
      {kC + "Batch_Size", "unknown key; did you mean connection.demo.batch_size?"},
      {kC + "frobnicate", "unknown key (docs/configuration.md lists every key)"},
      {kC + "# a note", "'#' does not start a comment here; start comment lines with ';'"},
      {"wmsbridge.sqldir", "unknown key; did you mean wmsbridge.sql_dir?"},
      {"wmsbrige.sql_dir", "unknown section [wmsbrige]; did you mean [wmsbridge]?"},
      {"conection.north.batch_size",
       "unknown section [conection.north]; did you mean [connection.north]?"},
      {"batch_size", "a key outside any section ([wmsbridge] or [connection.NAME])"},
      {"connection.batch_size", "a key outside a [connection.NAME] section"}};
  for (const auto& [key, problem] : cases) {
    BOOST_TEST_CONTEXT(key) {
      std::string named;
      const std::string message = ErrorOf({{key, "500"}}, &named);
      BOOST_TEST(named == key);
      BOOST_TEST(message == std::string(kFile) + ": " + key + ": " + problem);
    }
  }
}

// issue 14: `goods_owner_code = DEMO   ; from the 3PL` must never send the comment to Ongoing.
BOOST_AUTO_TEST_CASE(a_comment_after_a_value_is_never_part_of_the_value) {
  const jobs::AppConfig app =
      Load({{"wmsbridge.sql_dir", test::SqlDir() + "   ; the installed one"},
            {kC + "goods_owner_code", "DEMO   ; from the 3PL"},
            {kC + "password_file", Dir() + "/password\t; mode 0600"},
            {kC + "export.articles", "false ; R2"},
            {kC + "erp_odbc", "Driver=SQLite3;Database=/tmp/erp.db"}});
  const jobs::ConnectionConfig& c = app.connections.front();
  BOOST_TEST(app.sql_dir == test::SqlDir());
  BOOST_TEST(c.endpoint.goods_owner_code == "DEMO");
  BOOST_TEST(c.endpoint.password.reveal() == kPassword);
  BOOST_TEST(!c.export_articles);
  BOOST_TEST(c.erp_odbc == "Driver=SQLite3;Database=/tmp/erp.db");  // no space: not a comment
  std::string key;
  BOOST_TEST(ErrorOf({{kC + "goods_owner_code", "   ; from the 3PL"}}, &key).find("empty") !=
             std::string::npos);
  BOOST_TEST(key == kC + "goods_owner_code");
}

// issue 14: plain http:// carries the password in clear; it is refused from the URL's text alone
// (no look-up, no connection) unless the host is this machine or the connection allows it.
BOOST_AUTO_TEST_CASE(plain_http_to_another_machine_is_refused_unless_the_connection_allows_it) {
  for (const std::string url :
       {"http://127.0.0.1:8080/service.asmx", "http://127.3.4.5/s", "http://localhost/s",
        "HTTP://LocalHost:80/s", "http://[::1]:8080/s", "https://192.0.2.1/service.asmx"}) {
    BOOST_TEST_CONTEXT(url) {
      BOOST_TEST(ErrorOf({{kC + "wms_service_url", url}}).empty());
    }
  }
  for (const std::string url :
       {"http://192.0.2.1/service.asmx", "http://user@192.0.2.1:80/s", "http://[2001:db8::1]/s",
        "http://localhost.example/s", "http://128.0.0.1/s", "http://wms.example/service.asmx"}) {
    BOOST_TEST_CONTEXT(url) {
      std::string key;
      const std::string message = ErrorOf({{kC + "wms_service_url", url}}, &key);
      BOOST_TEST(key == kC + "wms_service_url");
      BOOST_TEST(message.find("would send the password in clear") != std::string::npos, message);
      BOOST_TEST(message.find("allow_insecure_http = true") != std::string::npos, message);
      const jobs::AppConfig allowed =
          Load({{kC + "wms_service_url", url}, {kC + "allow_insecure_http", "true"}});
      BOOST_TEST(allowed.connections.front().allow_insecure_http);
    }
  }
}

// issue 14: the transport keys reach the connection (CA bundle and folder, proxy with its
// credentials as a secret, the send time-out).
BOOST_AUTO_TEST_CASE(the_transport_keys_are_read_and_the_proxy_password_is_a_secret) {
  test::WriteSecretFile(Dir() + "/proxy.password", "proxy-pw-77");
  test::WriteSecretFile(Dir() + "/ca.pem", "not checked until https is used");
  const jobs::AppConfig app = Load({{kC + "ca_file", Dir() + "/ca.pem"},
                                    {kC + "ca_path", Dir()},
                                    {kC + "proxy", "proxy.example:3128"},
                                    {kC + "proxy_user", "wmsbridge"},
                                    {kC + "proxy_password_file", Dir() + "/proxy.password"},
                                    {kC + "send_timeout_s", "45"}});
  const jobs::ConnectionConfig& c = app.connections.front();
  BOOST_TEST(c.ca_file == Dir() + "/ca.pem");
  BOOST_TEST(c.ca_path == Dir());
  BOOST_TEST(c.proxy_host == "proxy.example");
  BOOST_TEST(c.proxy_port == 3128);
  BOOST_TEST(c.proxy_user == "wmsbridge");
  BOOST_TEST(c.proxy_password.reveal() == "proxy-pw-77");
  BOOST_TEST(c.send_timeout.count() == 45);
  const jobs::AppConfig v6 = Load({{kC + "proxy", "[2001:db8::7]:8080"}});
  BOOST_TEST(v6.connections.front().proxy_host == "2001:db8::7");
  BOOST_TEST(v6.connections.front().proxy_port == 8080);
  const jobs::AppConfig none = Load();
  BOOST_TEST(none.connections.front().proxy_host.empty());
  BOOST_TEST(none.connections.front().send_timeout.count() == 30);
}

BOOST_AUTO_TEST_SUITE_END()

// Webhooks (R34, docs/webhooks.md): a receiver on loopback may speak plain HTTP; elsewhere it
// needs the certificate and its key; a connection with webhooks on needs its MD5 keys. Each
// refusal names its key. With webhooks on, the read-backs' default schedule is the 2-hourly
// safety net, and a connection's own schedule still wins.
BOOST_AUTO_TEST_CASE(webhook_keys_are_checked_and_lower_the_readback_schedule_R34) {
  const auto error = [](const std::map<std::string, std::optional<std::string>>& change) {
    try {
      Load(change);
    } catch (const jobs::ConfigError& e) {
      return e.key();
    }
    return std::string("(none)");
  };
  const std::string md5 = Dir() + "/md5";
  BOOST_TEST(error({{kC + "webhooks", "on"}}) == kC + "webhooks");
  BOOST_TEST(error({{kC + "webhooks", "maybe"}}) == kC + "webhooks");
  BOOST_TEST(error({{"wmsbridge.webhook_listen", "0.0.0.0:8089"}}) == "wmsbridge.webhook_listen");
  BOOST_TEST(error({{"wmsbridge.webhook_listen", "127.0.0.1"}}) == "wmsbridge.webhook_listen");
  BOOST_TEST(error({{"wmsbridge.webhook_listen", "127.0.0.1:70000"}}) ==
             "wmsbridge.webhook_listen");
  BOOST_TEST(error({{"wmsbridge.webhook_listen", "0.0.0.0:8089"},
                    {"wmsbridge.webhook_tls_certificate", md5}}) ==
             "wmsbridge.webhook_tls_private_key");
  BOOST_TEST(error({{"wmsbridge.webhook_listen", "0.0.0.0:8089"},
                    {"wmsbridge.webhook_tls_certificate", "/nonexistent/cert.pem"},
                    {"wmsbridge.webhook_tls_private_key", md5}}) ==
             "wmsbridge.webhook_tls_certificate");

  const auto plain = Load({{"wmsbridge.webhook_listen", "127.0.0.1:8089"},
                           {kC + "webhooks", "on"},
                           {kC + "md5_keys_file", md5}});
  BOOST_TEST(plain.webhook_listen_host == "127.0.0.1");
  BOOST_TEST(plain.webhook_listen_port == 8089);
  BOOST_TEST(plain.connections.front().webhooks);
  BOOST_TEST(Load({{"wmsbridge.webhook_listen", "[::1]:8089"}}).webhook_listen_host == "::1");
  const auto tls = Load({{"wmsbridge.webhook_listen", "0.0.0.0:8443"},
                         {"wmsbridge.webhook_tls_certificate", md5},
                         {"wmsbridge.webhook_tls_private_key", md5}});
  BOOST_TEST(tls.webhook_tls_certificate == md5);
  BOOST_TEST(Load().webhook_listen_port == 0);  // off by default
  BOOST_TEST(!Load().connections.front().webhooks);

  const auto schedule = [](const jobs::ConnectionConfig& c, const std::string& job) {
    for (const auto& s : jobs::ScheduledJobs(c)) {
      if (s.key == job)
        return s.schedule.Text();
    }
    return std::string();
  };
  const jobs::AppConfig defaults = Load();  // kept: `off` refers into it
  const auto& off = defaults.connections.front();
  BOOST_TEST(schedule(off, "deliveries") == "Mon-Sat 05:10-22:10 every 15m");
  const auto& on = plain.connections.front();
  BOOST_TEST(schedule(on, "deliveries") == "Mon-Sat 05:10-22:10 every 2h");
  BOOST_TEST(schedule(on, "receipts") == "Mon-Sat 05:20-22:20 every 2h");
  BOOST_TEST(schedule(on, "customer-orders") == schedule(off, "customer-orders"));
  const auto own = Load({{kC + "webhooks", "on"},
                         {kC + "md5_keys_file", md5},
                         {kC + "schedule.deliveries", "Mon-Fri 06:00-18:00 every 30m"}});
  BOOST_TEST(schedule(own.connections.front(), "deliveries") == "Mon-Fri 06:00-18:00 every 30m");
}
