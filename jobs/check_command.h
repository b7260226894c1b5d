#pragma once
// `wmsbridge check` (like `dbt debug`): for each connection one line per check, in order: the
// configuration; the ERP database (reachable, wms_ tables current); the WMS (reachable over
// GetSystemStatus, TLS verified for https, logon accepted by an authenticated read); the
// connection's warehouses (in the ERP; Ongoing's SOAP service has no call that lists them);
// the transporter services the ERP's delivery methods need (GetTransporterContracts). The exit
// code is the worst of the failed checks (jobs/exit_codes.h), 0 when all pass.

#include <Poco/Logger.h>

#include <ostream>
#include <string>
#include <vector>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"

namespace wmsbridge::jobs {

/// Runs every check of every connection in `selected`, writing one line per check to `out`
/// ("demo: ok    WMS logon: accepted ..."). `options` gives the SQL folder and the message
/// dump / SOAP trace. Returns the worst exit code. Never throws anything derived from
/// std::exception: every failure is a line.
int RunCheck(const AppConfig& app, const std::vector<const ConnectionConfig*>& selected,
             const JobOptions& options, std::ostream& out);

/// The logon of connection `c` alone (one authenticated read), for a command that has nothing
/// else to do (a job whose switch is off): a wrong password is then still never exit 0.
/// Returns 0, or the code of the failure (77 logon refused, 69 WMS unavailable, ...), logged
/// on `log`. Never throws anything derived from std::exception.
int VerifyLogonOnly(const ConnectionConfig& c, const JobOptions& options, Poco::Logger& log);

}  // namespace wmsbridge::jobs
