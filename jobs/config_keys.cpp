#include "jobs/config_keys.h"

#include <algorithm>
#include <cctype>

#include "jobs/connection_config.h"

namespace wmsbridge::jobs {
namespace {

std::string Lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Every key that holds a value, as its full dotted name (Poco lists one level at a time).
void Leaves(const Poco::Util::AbstractConfiguration& config, const std::string& prefix,
            std::vector<std::string>& out) {
  Poco::Util::AbstractConfiguration::Keys keys;
  config.keys(prefix, keys);
  for (const std::string& key : keys) {
    const std::string full = prefix.empty() ? key : prefix + "." + key;
    if (config.hasProperty(full))
      out.push_back(full);
    Leaves(config, full, out);
  }
}

bool Known(const std::string& key, const std::vector<std::string>& keys) {
  return IsKnownKey(key, keys);
}

[[noreturn]] void Unknown(const std::string& file, const std::string& full_key,
                          const std::string& section, const std::string& key,
                          const std::vector<std::string>& keys) {
  if (!key.empty() && key.front() == '#') {
    throw ConfigError(file, full_key,
                      "'#' does not start a comment here; start comment lines with ';'");
  }
  const auto near = NearestKey(key, keys);
  throw ConfigError(file, full_key,
                    "unknown key" + (near ? "; did you mean " + section + "." + *near + "?"
                                          : " (docs/configuration.md lists every key)"));
}

}  // namespace

const std::vector<std::string>& GeneralKeys() {
  static const std::vector<std::string> keys{"sql_dir",
                                             "log_file",
                                             "log_rotation",
                                             "log_archive",
                                             "log_keep",
                                             "log_level",
                                             "message_dump_file",
                                             "time_zone",
                                             "trace_soap_dir",
                                             "daemon_poll_s",
                                             "max_parallel_connections",
                                             "progress_interval_s",
                                             "webhook_listen",
                                             "webhook_tls_certificate",
                                             "webhook_tls_private_key"};
  return keys;
}

const std::vector<std::string>& ConnectionKeys() {
  static const std::vector<std::string> keys{"goods_owner_code",
                                             "goods_owner_id",
                                             "login_name",
                                             "password",
                                             "password_file",
                                             "password_env",
                                             "wms_service_url",
                                             "allow_insecure_http",
                                             "ca_file",
                                             "ca_path",
                                             "proxy",
                                             "proxy_user",
                                             "proxy_password",
                                             "proxy_password_file",
                                             "proxy_password_env",
                                             "erp_odbc",
                                             "export.articles",
                                             "export.customer_orders",
                                             "export.purchase_orders",
                                             "warehouses",
                                             "wms_warehouse_codes",
                                             "start_date",
                                             "currencies",
                                             "sbm_id",
                                             "md5_keys",
                                             "md5_keys_file",
                                             "md5_keys_env",
                                             "connect_timeout_s",
                                             "send_timeout_s",
                                             "receive_timeout_s",
                                             "batch_size",
                                             "commit_group_size",
                                             "commit_group_ms",
                                             "wms_page_size",
                                             "rate_limit_max_wait_s",
                                             "full_comparison_hours",
                                             "shipped_statuses",
                                             "invoice_at_delivery",
                                             "readback_mode",
                                             "sms_notification",
                                             "wms_time_zone",
                                             "erp_time_zone",
                                             "stock.report_only",
                                             "stock.threshold_units",
                                             "stock.threshold_percent",
                                             "stock.warehouses",
                                             "stock.report_dir",
                                             "stock.full_comparison_hours",
                                             "lease_s",
                                             "webhooks",
                                             "schedule.*"};
  return keys;
}

bool IsKnownKey(const std::string& key, const std::vector<std::string>& keys) {
  for (const std::string& known : keys) {
    if (known == key)
      return true;
    if (known.size() > 2 && known.ends_with(".*") && key.size() > known.size() - 1 &&
        key.starts_with(known.substr(0, known.size() - 1)))
      return true;
  }
  return false;
}

std::optional<std::string> NearestKey(const std::string& key,
                                      const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 3;  // only near misses: at most 2 edits
  for (const std::string& candidate : candidates) {
    const std::size_t distance = EditDistance(Lower(key), Lower(candidate));
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

void CheckKnownKeys(const Poco::Util::AbstractConfiguration& config, const std::string& file) {
  std::vector<std::string> leaves;
  Leaves(config, "", leaves);
  for (const std::string& full : leaves) {
    const auto dot = full.find('.');
    const std::string section = full.substr(0, dot);
    if (dot == std::string::npos) {
      throw ConfigError(file, full, "a key outside any section ([wmsbridge] or [connection.NAME])");
    }
    const std::string rest = full.substr(dot + 1);
    if (section == "wmsbridge") {
      if (!Known(rest, GeneralKeys()))
        Unknown(file, full, section, rest, GeneralKeys());
      continue;
    }
    if (section == "connection") {
      const auto name_end = rest.find('.');
      if (name_end == std::string::npos || name_end == 0) {
        throw ConfigError(file, full, "a key outside a [connection.NAME] section");
      }
      const std::string key = rest.substr(name_end + 1);
      if (!Known(key, ConnectionKeys()))
        Unknown(file, full, section + "." + rest.substr(0, name_end), key, ConnectionKeys());
      continue;
    }
    // An [a.b] section and a key "b.x" in [a] read the same; name the section as it is meant.
    const auto near = NearestKey(section, {"wmsbridge", "connection"});
    const std::string name = rest.substr(0, rest.find('.'));
    const bool named = near == "connection" && name != rest;
    throw ConfigError(file, full,
                      "unknown section [" + section + (named ? "." + name : "") + "]" +
                          (near ? "; did you mean [" + *near + (named ? "." + name : "") + "]?"
                                : " (sections: [wmsbridge] and [connection.NAME])"));
  }
}

}  // namespace wmsbridge::jobs
