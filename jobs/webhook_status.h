#pragma once
// `wmsbridge status`'s webhook block (R34, issue 16 point 4): per connection with webhooks on,
// when the last webhook arrived and how many events wait and how many were given up (FAILED).

#include <vector>

#include "jobs/connection_config.h"
#include "jobs/status_table.h"

namespace wmsbridge::jobs {

/// One row per connection of `connections` with webhooks on (none: no rows). A person's table
/// shows the arrival in app.time_zone; CSV/JSON in UTC. A connection whose database cannot be
/// read gives empty cells and the reason. Never throws but std::bad_alloc.
StatusTable WebhookTable(const AppConfig& app,
                         const std::vector<const ConnectionConfig*>& connections, bool for_person);

}  // namespace wmsbridge::jobs
