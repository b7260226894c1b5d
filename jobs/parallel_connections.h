#pragma once
// Connections run in parallel (issue 13, point 4): each connection's work on a thread of its
// own, up to a limit (wmsbridge.max_parallel_connections), the connections not yet started
// waiting for a free thread. A connection's jobs stay in order on its one thread, so the writes
// to one goods owner stay sequential, as Ongoing asks; its ODBC sessions and gSOAP context are
// made on that thread (the jobs open their own), never shared.

#include <Poco/Logger.h>

#include <functional>
#include <string>
#include <vector>

#include "jobs/connection_config.h"
#include "pipeline/stop_signal.h"

namespace wmsbridge::jobs {

/// Calls `work` once for each of `connections`, on up to `max_parallel` threads at once (1, or
/// a single connection: one after the other on the calling thread, in order). A connection not
/// yet started when a stop is requested (`stop`, may be nullptr) is not started: it is logged as
/// "connection NAME: WHAT not started, stop requested" and counts as 130. What `work` throws
/// is logged and turned into its exit code (FailureOf). Returns the worst exit code of all
/// (WorseExitCode; 0 for none). Never throws anything derived from std::exception.
int RunConnectionsInParallel(const std::vector<const ConnectionConfig*>& connections,
                             int max_parallel, const pipeline::StopSignal* stop,
                             const std::string& what,
                             const std::function<int(const ConnectionConfig&)>& work,
                             Poco::Logger& log);

}  // namespace wmsbridge::jobs
