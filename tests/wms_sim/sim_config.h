#pragma once
// The simulator's tenant set-up (sim.ini): goods owner and credentials, transporter services,
// currencies, warehouses and rate limits. `wms-sim init` writes it into the state DB.

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/wms_sim/sim_rate_limits.h"
#include "tests/wms_sim/sim_records.h"
#include "tests/wms_sim/sim_webhooks.h"

namespace wmsbridge::sim {

struct SimConfig {
  std::vector<GoodsOwner> goods_owners;  // one is enough
  std::vector<Transporter> transporters;
  std::vector<std::string> currencies;  // default {"SEK"}
  std::vector<Warehouse> warehouses;    // default {1, "MAIN"}; the lowest id is the default
  std::vector<RateLimit> rate_limits;   // [rate_limits] OPERATION.volume|failures = N/SECONDS
  std::optional<RateLimitAnswer> rate_limit_answer;  // [rate_limits] answer
  std::optional<WebhookSettings> webhooks;           // [webhooks], when it has a url
};

/// A sim.ini that cannot be used. The message never contains the password or the token.
class SimConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reads sim.ini (see docs/wms-simulator.md). The password comes from password_file (a path
/// relative to the ini's folder; trailing newline trimmed) or from the environment variable
/// named by password_env. Throws SimConfigError on a missing file, key or password.
SimConfig LoadSimConfig(const std::string& path);

/// Reads a secret from a file (trailing newline trimmed; a relative path is taken from
/// `relative_to`'s folder, "" = the working directory) or, when `file` is empty, from the
/// environment variable `env`. `what` names the setting in errors (never the value). Throws
/// SimConfigError for a missing file or variable or an empty secret.
std::string ReadSecret(const std::string& file, const std::string& env, const std::string& what,
                       const std::string& relative_to = "");

/// Checks and completes webhook settings given as text (sim.ini [webhooks], `serve
/// --webhook-*`): retry none|one_day, minute_ms a number above 0, timeout_ms a whole number above
/// 0. Throws SimConfigError naming `prefix` + the key.
void ParseWebhookValue(WebhookSettings& settings, const std::string& key, const std::string& value,
                       const std::string& prefix);

}  // namespace wmsbridge::sim
