#include "jobs/connection_run.h"

#include <iostream>

#include "jobs/erp_readiness.h"
#include "jobs/exit_codes.h"

namespace wmsbridge::jobs {

int RunJobForConnection(const JobDefinition& job, const ConnectionConfig& connection,
                        const JobOptions& options, const std::string& label, Poco::Logger& log,
                        bool* document_found) {
  try {
    // Opening a missing SQLite file would create it empty: refuse it first (exit 66).
    RequireSqliteFile(connection.name, connection.file, connection.erp_odbc);
    const JobResult result = job.run(connection, options, log);
    Poco::Logger& run_log = Poco::Logger::get("wmsbridge.run-" + std::to_string(result.run_id));
    run_log.information("connection %s: %s: %s%s", connection.name, job.name, result.summary,
                        result.abort_reason.empty() ? "" : " (" + result.abort_reason + ")");
    if (options.only_doc_no) {
      // A manual send sends even an unchanged document: nothing sent and nothing refused means
      // that this connection's ERP has no such document it may send.
      const bool found = result.sent > 0 || result.rejected > 0;
      if (document_found != nullptr)
        *document_found = found;
      std::cout << "connection " << connection.name << ": " << label << " " << *options.only_doc_no
                << ": "
                << (result.sent > 0
                        ? (options.dry_run ? "would be sent to the 3PL" : "sent to the 3PL")
                    : result.rejected > 0 ? "NOT sent: " + result.first_problem
                                          : "NOT sent: not found among the documents this "
                                            "connection may send")
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
