#pragma once
// `wmsbridge daemon` (issue 13, point 2): the schedule of `run-due` kept by a long-running
// service. Every wmsbridge.daemon_poll_s it runs what is due once, with the very function
// `run-due` calls (RunDue, run_due.h), so the two never differ: the same slot claims, leases
// and parallel connections. A stop (SIGTERM from systemd, SIGINT) lets the record in flight be
// finished and recorded; the run is closed as STOPPED, the connections not started are left for
// the next start, and the daemon exits 0 (a service's normal end).
//
// Why a loop in the existing Poco::Util::Application and not Poco::Util::ServerApplication:
// every command shares one application class, and ServerApplication's
// waitForTerminationRequest() blocks SIGINT/SIGTERM and waits for them with sigwait(), which
// would take the signal away from pipeline::StopSignal, the handler the runner polls between
// records to finish the one in flight. Its --daemon fork is not needed either: systemd runs the
// process in the foreground (packaging/systemd/wmsbridge.service, Type=simple).

#include <Poco/Logger.h>

#include <vector>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"

namespace wmsbridge::jobs {

/// Runs RunDue(app, connections, options, now) at once and then every app.daemon_poll (a pass
/// that lasts longer is followed by the next at once) until options.stop_signal is requested;
/// a pass's outcome is logged (each connection's by RunDue), never the end of the service.
/// Waits for the next pass in steps of at most 200 ms, so a stop between passes ends it at
/// once. Requires options.stop_signal. Returns 0 once stopped. Never throws anything derived
/// from std::exception.
int RunDaemon(const AppConfig& app, const std::vector<const ConnectionConfig*>& connections,
              const JobOptions& options, Poco::Logger& log);

}  // namespace wmsbridge::jobs
