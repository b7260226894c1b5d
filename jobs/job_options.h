#pragma once
// Options of one job run and what it returns; shared by every job.

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

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
  /// Progress as log lines even on a terminal (timer runs: run-due, daemon; connections in
  /// parallel, each line naming its run).
  bool progress_lines_only = false;
  /// Where a dry run names what it would do, one line per document; null: stdout.
  std::ostream* dry_run_out = nullptr;
  bool show_xml = false;  // a dry run also prints the SOAP envelope it would send, secrets masked
  std::string sql_dir;
  const pipeline::StopSignal* stop_signal = nullptr;
  pipeline::RetryPolicy retry;
  /// Manual send (R14): only this document, whatever the automatic-export switch, and sent
  /// even when unchanged.
  std::optional<std::string> only_doc_no;
  /// A reload (R28, `wmsbridge reload`): the export jobs send every document updated in the
  /// ERP at or after this time again, whatever its stored payload hash or Ongoing's last
  /// refusal; the read-back jobs read Ongoing's reports updated from it on ("" = from the
  /// beginning: every document, every report). Text "YYYY-MM-DD HH:MM:SS". A reload never moves
  /// the job's watermark.
  std::optional<std::string> reload_from;
  /// A webhook run (R34, docs/webhooks.md): the read-back reads only these documents by
  /// Ongoing's id (OrderId / InOrderId), with the same shipped-status filter, and applies them
  /// as the scheduled read does; it never moves the job's watermark. Empty: a normal run.
  std::vector<int> only_wms_ids;
  /// Append every SOAP message (secrets masked) to this file; empty: no dump.
  std::string message_dump_file;
  /// Write every SOAP request and answer (secrets masked) to a file of its own in this folder
  /// (--trace-soap, jobs/soap_trace.h); empty: no trace.
  std::string trace_soap_dir;
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

/// wms_run.mode of a run with `options`: "reload", "manual" (one document), "full" or
/// "incremental". Never throws but std::bad_alloc.
std::string RunMode(const JobOptions& options);

/// What a run was asked to do, stored as wms_run.parameters: "connection=NAME" and, as they
/// apply, "; from=YYYY-MM-DD HH:MM:SS" (or "; from=(all)") for a reload, "; document=NO" for a
/// manual send, "; full". Never throws but std::bad_alloc.
struct ConnectionConfig;
std::string RunParameters(const ConnectionConfig& connection, const JobOptions& options);

/// The watermark to store after a completed run: the highest ERP updated_at seen, less an
/// overlap that covers rows committed late with an earlier time stamp.
std::string NextWatermark(const std::string& max_updated_at, std::chrono::minutes overlap);

}  // namespace wmsbridge::jobs
