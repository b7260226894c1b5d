#pragma once
// Options of one job run and what it returns; shared by every job.

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "pipeline/retry.h"
#include "pipeline/run_report.h"
#include "pipeline/stop_signal.h"
#include "stages/wms/wms_error.h"

namespace wmsbridge::jobs {

struct JobOptions {
  bool dry_run = false;  // say what would be sent; send and write nothing
  bool full = false;     // compare every record, not only those changed since the last run
  bool progress = true;  // progress bar / periodic progress lines
  std::chrono::seconds progress_interval{30};  // between progress lines off a terminal
  /// Where a dry run names what it would do, one line per document; null: stdout.
  std::ostream* dry_run_out = nullptr;
  bool show_xml = false;  // a dry run also prints the SOAP envelope it would send, secrets masked
  std::string sql_dir;
  const pipeline::StopSignal* stop_signal = nullptr;
  pipeline::RetryPolicy retry;
  /// Manual send (R14): only this document, whatever the automatic-export switch, and sent
  /// even when unchanged.
  std::optional<std::string> only_doc_no;
  /// Append every SOAP message (secrets masked) to this file; empty: no dump.
  std::string message_dump_file;
};

struct JobResult {
  std::int64_t run_id = 0;  // 0 for a dry run (nothing is written)
  pipeline::RunStatus status = pipeline::RunStatus::kCompleted;
  std::string summary;
  std::string abort_reason;
  std::optional<wms::WmsErrorKind> wms_error;  // why the run was aborted, if the WMS was the cause
  std::size_t sent = 0, rejected = 0;
  std::string first_problem;  // the first rejection's reason, for a manual send's answer
};

/// "COMPLETED", "COMPLETED_WITH_REJECTS", "STOPPED" or "ABORTED" (wms_run.status).
std::string RunStatusText(pipeline::RunStatus status);

/// The watermark to store after a completed run: the highest ERP updated_at seen, less an
/// overlap that covers rows committed late with an earlier time stamp.
std::string NextWatermark(const std::string& max_updated_at, std::chrono::minutes overlap);

}  // namespace wmsbridge::jobs
