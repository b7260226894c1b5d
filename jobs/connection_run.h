#pragma once
// One job of one connection, isolated from the other connections of the command (issue 13,
// point 4): whatever it meets is caught here, logged with the connection's name, and turned into
// an exit code; the caller goes on with the next connection.

#include <Poco/Logger.h>

#include "jobs/connection_config.h"
#include "jobs/job_definitions.h"
#include "jobs/job_options.h"

namespace wmsbridge::jobs {

/// Runs `job` for `connection` and logs its outcome ("connection NAME: job: ..."); a manual send
/// (options.only_doc_no) also prints its answer on stdout, naming the document as `label`, and
/// sets `*document_found` (when given) to whether this connection's ERP had the document to
/// send (sent or refused). Returns the exit code (jobs/exit_codes.h) of its result or of what
/// it threw. Never throws anything derived from std::exception.
int RunJobForConnection(const JobDefinition& job, const ConnectionConfig& connection,
                        const JobOptions& options, const std::string& label, Poco::Logger& log,
                        bool* document_found = nullptr);

}  // namespace wmsbridge::jobs
