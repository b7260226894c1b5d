#pragma once
// The simulator's tenant set-up (sim.ini): goods owner and credentials, transporter services,
// currencies, warehouses and rate limits. `wms-sim init` writes it into the state DB.

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/wms_sim/sim_rate_limits.h"
#include "tests/wms_sim/sim_records.h"

namespace wmsbridge::sim {

struct SimConfig {
  std::vector<GoodsOwner> goods_owners;  // one is enough
  std::vector<Transporter> transporters;
  std::vector<std::string> currencies;  // default {"SEK"}
  std::vector<Warehouse> warehouses;    // default {1, "MAIN"}; the lowest id is the default
  std::vector<RateLimit> rate_limits;   // [rate_limits] OPERATION.volume|failures = N/SECONDS
  std::optional<RateLimitAnswer> rate_limit_answer;  // [rate_limits] answer
};

/// A sim.ini that cannot be used. The message never contains the password.
class SimConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reads sim.ini (see docs/wms-simulator.md). The password comes from password_file (a path
/// relative to the ini's folder; trailing newline trimmed) or from the environment variable
/// named by password_env. Throws SimConfigError on a missing file, key or password.
SimConfig LoadSimConfig(const std::string& path);

}  // namespace wmsbridge::sim
