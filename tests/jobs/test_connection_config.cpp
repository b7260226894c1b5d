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
    {kC + "warehouses", {{kC + "warehouses", std::nullopt}}},
    {kC + "warehouses", {{kC + "warehouses", " , "}}},
    {kC + "start_date", {{kC + "start_date", std::nullopt}}},
    {kC + "start_date", {{kC + "start_date", "2026-13-01"}}},
    {kC + "start_date", {{kC + "start_date", "1.11.2026"}}},
    {kC + "connect_timeout_s", {{kC + "connect_timeout_s", "0"}}},
    {kC + "receive_timeout_s", {{kC + "receive_timeout_s", "3601"}}},
    {kC + "batch_size", {{kC + "batch_size", "many"}}},
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
  BOOST_TEST((c.shipped_statuses == std::vector<int>{500}));
  BOOST_TEST(!c.invoice_at_delivery);
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

BOOST_AUTO_TEST_SUITE_END()
