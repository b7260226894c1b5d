#include "jobs/connection_config.h"

#include "jobs/config_keys.h"
#include "jobs/job_definitions.h"
#include "jobs/service_url.h"

#include "stages/wms/decimal.h"

#include <Poco/DateTimeParser.h>
#include <Poco/Environment.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace wmsbridge::jobs {
namespace {

// A value without its comment: a ';' at its start or after a space or tab begins a comment
// (`goods_owner_code = DEMO   ; from the 3PL` is DEMO). Poco's ini reader keeps it in the value.
std::string WithoutComment(const std::string& raw) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == ';' && (i == 0 || raw[i - 1] == ' ' || raw[i - 1] == '\t'))
      return Poco::trim(raw.substr(0, i));
  }
  return Poco::trim(raw);
}

class Reader {
 public:
  Reader(const Poco::Util::AbstractConfiguration& config, std::string file, std::string prefix,
         const std::vector<std::string>& known)
      : config_(config), file_(std::move(file)), prefix_(std::move(prefix)), known_(known) {}

  std::string Key(const std::string& key) const { return prefix_ + key; }
  bool Has(const std::string& key) const {
    // CheckKnownKeys refuses what is not listed: a key read here must be listed there.
    if (!IsKnownKey(key, known_))
      throw std::logic_error("configuration key " + key + " is read but not listed as known");
    return config_.hasProperty(Key(key));
  }

  std::string Required(const std::string& key) const {
    if (!Has(key))
      throw ConfigError(file_, Key(key), "missing");
    std::string value = WithoutComment(config_.getRawString(Key(key)));
    if (value.empty())
      throw ConfigError(file_, Key(key), "empty");
    return value;
  }

  std::string Optional(const std::string& key, const std::string& fallback = "") const {
    return Has(key) ? WithoutComment(config_.getRawString(Key(key))) : fallback;
  }

  bool Bool(const std::string& key, bool fallback) const {
    if (!Has(key))
      return fallback;
    const std::string value = Poco::toLower(Optional(key));
    if (value == "true" || value == "yes" || value == "on" || value == "1")
      return true;
    if (value == "false" || value == "no" || value == "off" || value == "0")
      return false;
    throw ConfigError(file_, Key(key), "'" + value + "' is not true or false");
  }

  int Int(const std::string& key, int min, int max, std::optional<int> fallback) const {
    if (!Has(key)) {
      if (fallback)
        return *fallback;
      throw ConfigError(file_, Key(key), "missing");
    }
    int value = 0;
    if (!Poco::NumberParser::tryParse(Optional(key), value) || value < min || value > max) {
      throw ConfigError(file_, Key(key),
                        "'" + Optional(key) + "' is not a whole number from " +
                            std::to_string(min) + " to " + std::to_string(max));
    }
    return value;
  }

  std::vector<std::string> List(const std::string& key) const {
    std::vector<std::string> out;
    Poco::StringTokenizer tokens(
        Optional(key), ",",
        Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const auto& t : tokens)
      out.push_back(t);
    return out;
  }

  /// A secret from `<base>_file` (mode 0600 or stricter) or `<base>_env`; exactly one of them.
  pipeline::Secret Secret(const std::string& base, bool required) const {
    const bool from_file = Has(base + "_file");
    const bool from_env = Has(base + "_env");
    if (Has(base)) {
      throw ConfigError(file_, Key(base),
                        "secrets are not written in the configuration file; use " +
                            Key(base + "_file") + " or " + Key(base + "_env"));
    }
    if (from_file && from_env) {
      throw ConfigError(file_, Key(base + "_file"), "give either _file or _env, not both");
    }
    if (!from_file && !from_env) {
      if (required)
        throw ConfigError(file_, Key(base + "_file"), "missing (or " + Key(base + "_env") + ")");
      return {};
    }
    std::string value;
    if (from_env) {
      const std::string var = Required(base + "_env");
      if (!Poco::Environment::has(var)) {
        throw ConfigError(file_, Key(base + "_env"), "environment variable " + var + " is not set");
      }
      value = Poco::Environment::get(var);
    } else {
      const std::string path = Required(base + "_file");
      struct stat st {};
      if (::stat(path.c_str(), &st) != 0) {
        throw MissingInputFile(file_, Key(base + "_file"), "cannot read " + path);
      }
      if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        throw ConfigError(file_, Key(base + "_file"),
                          path + " is readable by others (mode " + mode + "); chmod 600 it");
      }
      std::ifstream in(path, std::ios::binary);
      if (!in)
        throw ConfigError(file_, Key(base + "_file"), "cannot read " + path);
      std::ostringstream text;
      text << in.rdbuf();
      value = text.str();
      while (!value.empty() && (value.back() == '\n' || value.back() == '\r'))
        value.pop_back();
    }
    if (value.empty())
      throw ConfigError(file_, Key(base + (from_env ? "_env" : "_file")), "the secret is empty");
    return pipeline::Secret(std::move(value));
  }

  const std::string& file() const { return file_; }

 private:
  const Poco::Util::AbstractConfiguration& config_;
  std::string file_;
  std::string prefix_;
  const std::vector<std::string>& known_;
};

// proxy = host:port ([v6]:port); no scheme, no credentials (those are proxy_user and the
// proxy_password secret).
void ReadProxy(const Reader& r, ConnectionConfig& c) {
  const std::string proxy = r.Optional("proxy");
  if (proxy.empty()) {
    if (r.Has("proxy_user") || r.Has("proxy_password_file") || r.Has("proxy_password_env"))
      throw ConfigError(r.file(), r.Key("proxy_user"), "given without " + r.Key("proxy"));
    return;
  }
  const auto colon = proxy.rfind(':');
  std::string host = colon == std::string::npos ? "" : proxy.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  int port = 0;
  if (host.empty() || host.find_first_of("/@[]") != std::string::npos ||
      !Poco::NumberParser::tryParse(proxy.substr(colon + 1), port) || port < 1 || port > 65535) {
    throw ConfigError(r.file(), r.Key("proxy"),
                      "'" + proxy +
                          "' is not host:port (e.g. proxy.example:3128; credentials "
                          "go in proxy_user and proxy_password_file)");
  }
  c.proxy_host = host;
  c.proxy_port = port;
  c.proxy_user = r.Optional("proxy_user");
  c.proxy_password = r.Secret("proxy_password", false);
  if (c.proxy_user.empty() != c.proxy_password.empty()) {
    throw ConfigError(r.file(), r.Key(c.proxy_user.empty() ? "proxy_user" : "proxy_password_file"),
                      "give proxy_user and proxy_password_file (or _env) together");
  }
}

// wms_warehouse_codes = ERP=ONGOING, ...: each a connected warehouse, mapped once, and no two
// connected warehouses ending up as the same Ongoing warehouse (its stock and deliveries could
// not be told apart).
std::map<std::string, std::string> WarehouseCodes(const Reader& r,
                                                  const std::vector<std::string>& connected) {
  const std::string key = "wms_warehouse_codes";
  std::map<std::string, std::string> codes;
  for (const std::string& entry : r.List(key)) {
    const auto eq = entry.find('=');
    const std::string erp = Poco::trim(entry.substr(0, eq));
    const std::string wms = eq == std::string::npos ? "" : Poco::trim(entry.substr(eq + 1));
    if (erp.empty() || wms.empty()) {
      throw ConfigError(r.file(), r.Key(key),
                        "'" + entry + "' is not ERP_CODE=ONGOING_CODE (e.g. NORTH=UME1)");
    }
    if (std::find(connected.begin(), connected.end(), erp) == connected.end()) {
      throw ConfigError(r.file(), r.Key(key),
                        erp + " is not a connected warehouse (" + r.Key("warehouses") + ")");
    }
    if (!codes.emplace(erp, wms).second)
      throw ConfigError(r.file(), r.Key(key), erp + " is mapped twice");
  }
  std::map<std::string, std::string> erp_of;  // Ongoing code -> ERP code
  for (const std::string& erp : connected) {
    const auto mapped = codes.find(erp);
    const std::string wms = mapped == codes.end() ? erp : mapped->second;
    if (const auto [it, fresh] = erp_of.emplace(wms, erp); !fresh) {
      if (it->second == erp)
        throw ConfigError(r.file(), r.Key("warehouses"), erp + " is listed twice");
      throw ConfigError(r.file(), r.Key(key),
                        "the ERP warehouses " + it->second + " and " + erp +
                            " would both be Ongoing's warehouse " + wms);
    }
  }
  return codes;
}

ConnectionConfig LoadConnection(const Poco::Util::AbstractConfiguration& config,
                                const std::string& file, const std::string& name) {
  Reader r(config, file, "connection." + name + ".", ConnectionKeys());
  ConnectionConfig c;
  c.name = name;
  c.file = file;
  c.endpoint.goods_owner_code = r.Required("goods_owner_code");
  if (c.endpoint.goods_owner_code.size() > 400) {
    throw ConfigError(file, r.Key("goods_owner_code"), "longer than Ongoing's 400 characters");
  }
  c.endpoint.goods_owner_id = r.Int("goods_owner_id", 1, 2147483647, std::nullopt);
  c.endpoint.user_name = r.Required("login_name");
  if (c.endpoint.user_name.size() > 50) {
    throw ConfigError(file, r.Key("login_name"), "longer than Ongoing's 50 characters");
  }
  c.endpoint.password = r.Secret("password", true);
  if (c.endpoint.password.reveal().size() > 50) {
    throw ConfigError(file, r.Key("password_file"),
                      "the password is longer than Ongoing's 50 characters");
  }
  c.endpoint.url = r.Required("wms_service_url");
  const std::string url = Poco::toLower(c.endpoint.url);
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    throw ConfigError(file, r.Key("wms_service_url"), "must start with http:// or https://");
  }
  // Decided from the text before any connection: plain http carries the password in clear.
  c.allow_insecure_http = r.Bool("allow_insecure_http", false);
  const std::string host = UrlHost(c.endpoint.url);
  if (url.rfind("http://", 0) == 0 && !c.allow_insecure_http && !IsLoopbackHost(host)) {
    throw ConfigError(file, r.Key("wms_service_url"),
                      "plain http:// to " + host +
                          " would send the password in clear; use https:// (or set "
                          "allow_insecure_http = true for this connection)");
  }
  c.ca_file = r.Optional("ca_file");
  if (!c.ca_file.empty() && !std::filesystem::is_regular_file(c.ca_file))
    throw MissingInputFile(file, r.Key("ca_file"), "cannot read " + c.ca_file);
  c.ca_path = r.Optional("ca_path");
  if (!c.ca_path.empty() && !std::filesystem::is_directory(c.ca_path))
    throw ConfigError(file, r.Key("ca_path"), "the folder " + c.ca_path + " does not exist");
  ReadProxy(r, c);
  c.erp_odbc = r.Required("erp_odbc");
  c.export_articles = r.Bool("export.articles", true);
  c.export_customer_orders = r.Bool("export.customer_orders", false);
  c.export_purchase_orders = r.Bool("export.purchase_orders", false);
  c.warehouses = r.List("warehouses");
  if (c.warehouses.empty()) {
    throw ConfigError(file, r.Key("warehouses"),
                      "missing: name at least one connected warehouse code");
  }
  c.wms_warehouse_codes = WarehouseCodes(r, c.warehouses);
  c.start_date = r.Required("start_date");
  int tz = 0;
  Poco::DateTime parsed;
  if (c.start_date.size() != 10 ||
      !Poco::DateTimeParser::tryParse("%Y-%m-%d", c.start_date, parsed, tz)) {
    throw ConfigError(file, r.Key("start_date"), "'" + c.start_date + "' is not a date YYYY-MM-DD");
  }
  c.sbm_id = r.Optional("sbm_id");
  c.md5_keys = r.Secret("md5_keys", false);
  c.currencies = r.List("currencies");
  if (c.currencies.empty())
    c.currencies = {"SEK"};
  c.connect_timeout = std::chrono::seconds(r.Int("connect_timeout_s", 1, 600, 10));
  c.send_timeout = std::chrono::seconds(r.Int("send_timeout_s", 1, 3600, 30));
  c.receive_timeout = std::chrono::seconds(r.Int("receive_timeout_s", 1, 3600, 120));
  c.batch_size = r.Int("batch_size", 1, 100000, 500);
  c.commit_group_size = r.Int("commit_group_size", 1, 100000, 200);
  c.commit_group_ms = std::chrono::milliseconds(r.Int("commit_group_ms", 1, 600000, 250));
  c.wms_page_size = r.Int("wms_page_size", 1, kMaxWmsPageSize, kMaxWmsPageSize);
  c.rate_limit_max_wait = std::chrono::seconds(r.Int("rate_limit_max_wait_s", 0, 900, 60));
  c.full_comparison_hours = r.Int("full_comparison_hours", 0, 24 * 366, 24);
  c.lease_seconds = r.Int("lease_s", 10, 24 * 3600, 300);
  if (r.Has("shipped_statuses")) {
    c.shipped_statuses.clear();
    for (const std::string& code : r.List("shipped_statuses")) {
      int value = 0;
      if (!Poco::NumberParser::tryParse(code, value) || value <= 0) {
        throw ConfigError(file, r.Key("shipped_statuses"), "'" + code + "' is not a status code");
      }
      c.shipped_statuses.push_back(value);
    }
    if (c.shipped_statuses.empty()) {
      throw ConfigError(file, r.Key("shipped_statuses"), "name at least one status code");
    }
  }
  c.invoice_at_delivery = r.Bool("invoice_at_delivery", false);
  if (r.Has("readback_mode")) {
    const std::string mode = Poco::toLower(r.Required("readback_mode"));
    if (mode == "report_back")
      c.readback_mode = ReadbackMode::kReportBack;
    else if (mode != "time_window")
      throw ConfigError(file, r.Key("readback_mode"),
                        "'" + mode + "' is neither report_back nor time_window");
  }
  c.sms_notification = r.Bool("sms_notification", false);
  for (auto [key, zone] : {std::pair{"wms_time_zone", &c.wms_time_zone},
                           std::pair{"erp_time_zone", &c.erp_time_zone}}) {
    if (!r.Has(key))
      continue;
    const std::string zone_name = r.Required(key);
    const auto named = stages::TimeZone::Named(zone_name);
    if (!named) {
      throw ConfigError(
          file, r.Key(key),
          "'" + zone_name + "' is not a time zone name (such as Europe/Stockholm or UTC)");
    }
    *zone = *named;
  }
  Poco::Util::AbstractConfiguration::Keys scheduled;
  config.keys(r.Key("schedule"), scheduled);
  for (const std::string& job : scheduled) {
    const std::string base = job.size() > 5 && job.substr(job.size() - 5) == "-full"
                                 ? job.substr(0, job.size() - 5)
                                 : job;
    if (FindJob(base) == nullptr)
      throw ConfigError(file, r.Key("schedule." + job), "no job of that name");
    try {
      c.schedules[job] = Schedule::Parse(r.Required("schedule." + job));
    } catch (const std::invalid_argument& e) {
      throw ConfigError(file, r.Key("schedule." + job), e.what());
    }
  }
  c.stock_report_only = r.Bool("stock.report_only", false);
  for (auto [key, value] : {std::pair{"stock.threshold_units", &c.stock_threshold_units},
                            std::pair{"stock.threshold_percent", &c.stock_threshold_percent}}) {
    *value = r.Optional(key);
    const auto number = value->empty() ? std::nullopt : wms::Decimal::Parse(*value);
    if (!value->empty() && (!number || number->IsNegative())) {
      throw ConfigError(file, r.Key(key), "'" + *value + "' is not a number of 0 or more");
    }
  }
  c.stock_warehouses = r.List("stock.warehouses");
  for (const std::string& code : c.stock_warehouses) {
    if (std::find(c.warehouses.begin(), c.warehouses.end(), code) == c.warehouses.end()) {
      throw ConfigError(file, r.Key("stock.warehouses"),
                        code + " is not a connected warehouse (" + r.Key("warehouses") + ")");
    }
  }
  if (c.stock_warehouses.empty())
    c.stock_warehouses = c.warehouses;
  c.stock_report_dir = r.Optional("stock.report_dir");
  c.stock_full_comparison_hours = r.Int("stock.full_comparison_hours", 0, 24 * 366, 0);
  c.webhooks = r.Bool("webhooks", false);
  if (c.webhooks && c.md5_keys.empty()) {
    throw ConfigError(file, r.Key("webhooks"),
                      "on needs the MD5 keys the 3PL's webhooks send as X-Auth-Token (" +
                          r.Key("md5_keys_file") + " or " + r.Key("md5_keys_env") + ")");
  }
  if (!c.stock_report_dir.empty() && !std::filesystem::is_directory(c.stock_report_dir)) {
    throw ConfigError(file, r.Key("stock.report_dir"),
                      "the folder " + c.stock_report_dir + " does not exist");
  }
  return c;
}

// wmsbridge.webhook_listen and its TLS files (R34, docs/webhooks.md).
void LoadWebhookListen(const Reader& r, const std::string& file, AppConfig& app) {
  const std::string listen = r.Optional("webhook_listen");
  app.webhook_tls_certificate = r.Optional("webhook_tls_certificate");
  app.webhook_tls_private_key = r.Optional("webhook_tls_private_key");
  if (listen.empty())
    return;
  const auto colon = listen.rfind(':');
  int port = 0;
  if (colon == std::string::npos || colon == 0 ||
      !Poco::NumberParser::tryParse(listen.substr(colon + 1), port) || port < 1 || port > 65535) {
    throw ConfigError(file, "wmsbridge.webhook_listen",
                      "'" + listen + "' is not HOST:PORT (such as 127.0.0.1:8089)");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  app.webhook_listen_host = host;
  app.webhook_listen_port = port;
  for (const auto& [key, path] :
       {std::pair{"wmsbridge.webhook_tls_certificate", app.webhook_tls_certificate},
        std::pair{"wmsbridge.webhook_tls_private_key", app.webhook_tls_private_key}}) {
    if (!path.empty() && !std::filesystem::is_regular_file(path))
      throw MissingInputFile(file, key, "cannot read " + path);
  }
  if (app.webhook_tls_certificate.empty() != app.webhook_tls_private_key.empty()) {
    throw ConfigError(file,
                      app.webhook_tls_certificate.empty() ? "wmsbridge.webhook_tls_certificate"
                                                          : "wmsbridge.webhook_tls_private_key",
                      "give both the certificate and its private key, or neither");
  }
  if (app.webhook_tls_certificate.empty() && !IsLoopbackHost(host)) {
    throw ConfigError(file, "wmsbridge.webhook_listen",
                      host +
                          " is not a loopback address: plain HTTP is allowed only on "
                          "loopback; set wmsbridge.webhook_tls_certificate and "
                          "wmsbridge.webhook_tls_private_key");
  }
}

}  // namespace

stages::TimeZone DefaultTimeZone() {
  static const std::optional<stages::TimeZone> stockholm =
      stages::TimeZone::Named("Europe/Stockholm");
  if (!stockholm)
    throw std::runtime_error("the time zone data does not know Europe/Stockholm");
  return *stockholm;
}

const ConnectionConfig& AppConfig::Connection(const std::string& name) const {
  for (const auto& c : connections) {
    if (c.name == name)
      return c;
  }
  throw ConfigError(file, "connection." + name, "no such connection in the file");
}

AppConfig LoadConfig(const Poco::Util::AbstractConfiguration& config, const std::string& file,
                     const std::string& default_sql_dir) {
  AppConfig app;
  app.file = file;
  CheckKnownKeys(config, file);
  Reader r(config, file, "wmsbridge.", GeneralKeys());
  app.sql_dir = r.Optional("sql_dir", default_sql_dir);
  if (!std::filesystem::is_directory(std::filesystem::path(app.sql_dir) / "queries")) {
    throw ConfigError(file, "wmsbridge.sql_dir", app.sql_dir + " holds no queries/ folder");
  }
  app.log_file = r.Optional("log_file");
  if (r.Has("time_zone")) {
    const auto zone = stages::TimeZone::Named(r.Required("time_zone"));
    if (!zone) {
      throw ConfigError(file, "wmsbridge.time_zone",
                        "'" + r.Optional("time_zone") +
                            "' is not a time zone name (such as Europe/Stockholm or UTC)");
    }
    app.time_zone = *zone;
  }
  app.message_dump_file = r.Optional("message_dump_file");
  app.daemon_poll = std::chrono::seconds(r.Int("daemon_poll_s", 1, 3600, 60));
  app.max_parallel_connections = r.Int("max_parallel_connections", 1, 64, 4);
  app.log_rotation = r.Optional("log_rotation", app.log_rotation);
  app.log_archive = r.Optional("log_archive", app.log_archive);
  if (app.log_archive != "number" && app.log_archive != "timestamp")
    throw ConfigError(file, "wmsbridge.log_archive", "must be number or timestamp");
  app.log_keep = r.Int("log_keep", 1, 10000, app.log_keep);
  app.log_level = r.Optional("log_level");
  app.trace_soap_dir = r.Optional("trace_soap_dir");
  if (!app.trace_soap_dir.empty() && !std::filesystem::is_directory(app.trace_soap_dir)) {
    throw ConfigError(file, "wmsbridge.trace_soap_dir",
                      "the folder " + app.trace_soap_dir + " does not exist");
  }
  app.progress_interval = std::chrono::seconds(r.Int("progress_interval_s", 1, 24 * 3600, 30));
  for (const auto& [key, path] :
       {std::pair{"wmsbridge.log_file", app.log_file},
        std::pair{"wmsbridge.message_dump_file", app.message_dump_file}}) {
    const auto folder = std::filesystem::path(path).parent_path();
    if (!path.empty() && !folder.empty() && !std::filesystem::is_directory(folder)) {
      throw ConfigError(file, key, "the folder " + folder.string() + " does not exist");
    }
  }
  LoadWebhookListen(r, file, app);
  Poco::Util::AbstractConfiguration::Keys names;
  config.keys("connection", names);
  if (names.empty())
    throw ConfigError(file, "connection", "no [connection.NAME] section");
  for (const auto& name : names)
    app.connections.push_back(LoadConnection(config, file, name));
  // Stock reports go next to the log unless a connection says where.
  const auto log_folder = std::filesystem::path(app.log_file).parent_path();
  for (ConnectionConfig& c : app.connections) {
    if (c.stock_report_dir.empty())
      c.stock_report_dir = log_folder.empty() ? "." : log_folder.string();
  }
  return app;
}

}  // namespace wmsbridge::jobs
