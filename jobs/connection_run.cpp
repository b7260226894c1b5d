#include "jobs/connection_run.h"

#include <iostream>

#include "jobs/exit_codes.h"

namespace wmsbridge::jobs {

int RunJobForConnection(const JobDefinition& job, const ConnectionConfig& connection,
                        const JobOptions& options, const std::string& label, Poco::Logger& log) {
  try {
    const JobResult result = job.run(connection, options, log);
    Poco::Logger& run_log = Poco::Logger::get("wmsbridge.run-" + std::to_string(result.run_id));
    run_log.information("connection %s: %s: %s%s", connection.name, job.name, result.summary,
                        result.abort_reason.empty() ? "" : " (" + result.abort_reason + ")");
    if (options.only_doc_no) {
      std::cout << label << " " << *options.only_doc_no << ": "
                << (result.sent > 0       ? "sent to the 3PL"
                    : result.rejected > 0 ? "NOT sent: " + result.first_problem
                                          : "nothing to send (not found, or up to date)")
                << "\n";
    }
    return ExitCodeOf(result);
  } catch (const std::exception& e) {
    const CommandFailure failure = FailureOf(e);
    log.error("connection %s: %s: %s (exit %d)", connection.name, job.name, failure.message,
              failure.code);
    return failure.code;
  }
}

}  // namespace wmsbridge::jobs
