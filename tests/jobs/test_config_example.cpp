// The documented configuration (docs/examples/wmsbridge.ini, shown in docs/configuration.md)
// loads and means what the documentation says: every value exactly, no comment inside a value,
// the secrets read from their files (R1, R2-R4, R6, R6b, R18, R19, SMS, the time zones).
#define BOOST_TEST_MODULE config_example
#include <Poco/AutoPtr.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "jobs/connection_config.h"
#include "tests/support/erp_backend.h"
#include "tests/support/secret_file.h"

using namespace wmsbridge;

namespace {

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
  return text;
}

// The example with its machine paths moved into a test folder (secret files 0600 there).
std::string InstallExample(const std::string& dir) {
  std::ifstream in(std::string(WMSBRIDGE_SOURCE_DIR) + "/docs/examples/wmsbridge.ini");
  std::stringstream text;
  text << in.rdbuf();
  std::string ini = Replace(text.str(), "/usr/share/wmsbridge/sql", test::SqlDir());
  ini = Replace(ini, "/var/log/wmsbridge/", dir + "/");
  ini = Replace(ini, "/etc/wmsbridge/", dir + "/");
  for (const auto& [name, value] : {std::pair{"demo.password", "Pw-of-the-3PL"},
                                    std::pair{"demo.md5keys", "md5-keys-of-the-erp"}}) {
    test::WriteSecretFile(dir + "/" + name, value);
  }
  std::ofstream(dir + "/wmsbridge.ini") << ini;
  return dir + "/wmsbridge.ini";
}

}  // namespace

// The block in docs/configuration.md is the file, byte for byte: what the reader sees is what
// this test loads.
BOOST_AUTO_TEST_CASE(the_example_in_the_documentation_is_the_example_file) {
  const std::string source = WMSBRIDGE_SOURCE_DIR;
  std::stringstream doc, file;
  doc << std::ifstream(source + "/docs/configuration.md").rdbuf();
  file << std::ifstream(source + "/docs/examples/wmsbridge.ini").rdbuf();
  const std::string fence = "```ini\n";
  const auto start = doc.str().find(fence);
  BOOST_REQUIRE(start != std::string::npos);
  const auto end = doc.str().find("```\n", start + fence.size());
  BOOST_REQUIRE(end != std::string::npos);
  BOOST_TEST(doc.str().substr(start + fence.size(), end - start - fence.size()) == file.str());
}

BOOST_AUTO_TEST_CASE(the_documented_example_configuration_loads_with_every_value_exact) {
  const std::string dir = test::TempDir("config-example");
  const std::string path = InstallExample(dir);
  Poco::AutoPtr<Poco::Util::IniFileConfiguration> file(new Poco::Util::IniFileConfiguration(path));
  const jobs::AppConfig app = jobs::LoadConfig(*file, path, "/nonexistent");
  // sql_dir, goods_owner_code, password_file and export.articles carry a comment after the
  // value in the example: none of it is part of the value (issue 14).
  BOOST_TEST(app.sql_dir == test::SqlDir());
  BOOST_TEST(app.log_file == dir + "/wmsbridge.log");
  BOOST_TEST(app.message_dump_file == dir + "/soap.txt");
  BOOST_REQUIRE_EQUAL(app.connections.size(), 1u);
  const jobs::ConnectionConfig& c = app.connections.front();
  BOOST_TEST(c.name == "demo");
  BOOST_TEST(c.endpoint.goods_owner_code == "DEMO");  // the whole value, nothing after it
  BOOST_TEST(c.endpoint.goods_owner_id == 42);
  BOOST_TEST(c.endpoint.user_name == "wmsbridge");
  BOOST_TEST(c.endpoint.password.reveal() == "Pw-of-the-3PL");
  BOOST_TEST(c.endpoint.url == "https://api.ongoingsystems.se/tenant/service.asmx");
  BOOST_TEST(c.erp_odbc == "Driver=SQLite3;Database=/var/lib/erp/erp.db");
  BOOST_TEST(c.export_articles);
  BOOST_TEST(!c.export_customer_orders);
  BOOST_TEST(!c.export_purchase_orders);
  BOOST_TEST((c.warehouses == std::vector<std::string>{"MAIN", "NORTH"}));
  BOOST_TEST((c.wms_warehouse_codes == std::map<std::string, std::string>{{"NORTH", "UME1"}}));
  BOOST_TEST(c.start_date == "2026-11-01");
  BOOST_TEST((c.currencies == std::vector<std::string>{"SEK", "EUR"}));
  BOOST_TEST(c.sbm_id == "12345");
  BOOST_TEST(c.md5_keys.reveal() == "md5-keys-of-the-erp");
  BOOST_TEST(c.connect_timeout.count() == 10);
  BOOST_TEST(c.send_timeout.count() == 30);
  BOOST_TEST(c.receive_timeout.count() == 120);
  BOOST_TEST(!c.allow_insecure_http);
  BOOST_TEST(c.proxy_host.empty());
  BOOST_TEST(c.batch_size == 500);
  BOOST_TEST(c.wms_page_size == 1000);
  BOOST_TEST(c.rate_limit_max_wait.count() == 60);
  BOOST_TEST(c.full_comparison_hours == 24);
  BOOST_TEST(c.lease_seconds == 300);
  BOOST_TEST(app.time_zone.name() == "Europe/Stockholm");
  BOOST_TEST(c.schedules.at("customer-orders").Text() == "Mon-Fri 05:00-21:00 every 15m");
  BOOST_TEST(c.schedules.at("articles-full").Text() == "daily 01:30");
  BOOST_TEST((c.shipped_statuses == std::vector<int>{450, 500}));
  BOOST_TEST(!c.invoice_at_delivery);
  BOOST_TEST((c.readback_mode == jobs::ReadbackMode::kTimeWindow));
  BOOST_TEST(!c.sms_notification);
  BOOST_TEST(c.wms_time_zone.name() == "Europe/Stockholm");
  BOOST_TEST(c.erp_time_zone.name() == "Europe/Stockholm");
  BOOST_TEST(!c.stock_report_only);
  BOOST_TEST(c.stock_threshold_units == "50");
  BOOST_TEST(c.stock_threshold_percent == "20");
  BOOST_TEST(c.stock_warehouses == std::vector<std::string>{"MAIN"});
  BOOST_TEST(c.stock_report_dir == dir + "/");
}

// R3: a mapping that cannot be meant is refused when the file is read, naming the key.
BOOST_AUTO_TEST_CASE(a_warehouse_mapping_that_cannot_be_meant_is_a_configuration_error_R3) {
  const std::string dir = test::TempDir("config-warehouses");
  const std::string path = InstallExample(dir);
  std::stringstream example;
  example << std::ifstream(path).rdbuf();
  const std::pair<const char*, const char*> bad[] = {
      {"wms_warehouse_codes = NORTH", "is not ERP_CODE=ONGOING_CODE"},
      {"wms_warehouse_codes = NORTH=", "is not ERP_CODE=ONGOING_CODE"},
      {"wms_warehouse_codes = SOUTH=S1", "SOUTH is not a connected warehouse"},
      {"wms_warehouse_codes = NORTH=N1,NORTH=N2", "NORTH is mapped twice"},
      {"wms_warehouse_codes = NORTH=MAIN", "MAIN and NORTH would both be Ongoing's warehouse MAIN"},
      {"wms_warehouse_codes = MAIN=X,NORTH=X", "would both be Ongoing's warehouse X"}};
  for (const auto& [line, problem] : bad) {
    BOOST_TEST_CONTEXT(line) {
      std::ofstream(path) << Replace(example.str(), "wms_warehouse_codes = NORTH=UME1", line);
      Poco::AutoPtr<Poco::Util::IniFileConfiguration> file(
          new Poco::Util::IniFileConfiguration(path));
      BOOST_CHECK_EXCEPTION(jobs::LoadConfig(*file, path, "/nonexistent"), jobs::ConfigError,
                            [&](const jobs::ConfigError& e) {
                              BOOST_TEST(e.key() == "connection.demo.wms_warehouse_codes");
                              BOOST_TEST(std::string(e.what()).find(problem) != std::string::npos,
                                         e.what());
                              return true;
                            });
    }
  }
}

BOOST_AUTO_TEST_CASE(a_time_zone_the_time_zone_data_does_not_know_is_a_configuration_error) {
  const std::string dir = test::TempDir("config-zone");
  const std::string path = InstallExample(dir);
  std::stringstream text;
  text << std::ifstream(path).rdbuf();
  std::ofstream(path) << Replace(
      Replace(text.str(), "erp_time_zone = Europe/Stockholm", "erp_time_zone = UTC"),
      "wms_time_zone = Europe/Stockholm", "wms_time_zone = Europe/Stokholm");
  Poco::AutoPtr<Poco::Util::IniFileConfiguration> file(new Poco::Util::IniFileConfiguration(path));
  try {
    jobs::LoadConfig(*file, path, "/nonexistent");
    BOOST_FAIL("a misspelt zone was accepted");
  } catch (const jobs::ConfigError& error) {
    BOOST_TEST(error.key() == "connection.demo.wms_time_zone");
    BOOST_TEST(std::string(error.what()).find("'Europe/Stokholm' is not a time zone name") !=
               std::string::npos);
  }
  // UTC is a zone like any other; a connection without the settings has Europe/Stockholm.
  std::ofstream(path) << Replace(text.str(), "erp_time_zone = Europe/Stockholm",
                                 "erp_time_zone = UTC");
  Poco::AutoPtr<Poco::Util::IniFileConfiguration> utc(new Poco::Util::IniFileConfiguration(path));
  const jobs::AppConfig app = jobs::LoadConfig(*utc, path, "/nonexistent");
  BOOST_TEST(app.connections.front().erp_time_zone.name() == "UTC");
  BOOST_TEST(jobs::ConnectionConfig().wms_time_zone.name() == "Europe/Stockholm");
}
