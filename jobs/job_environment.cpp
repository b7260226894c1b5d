#include "jobs/job_environment.h"
#include "jobs/erp_readiness.h"
#include "jobs/soap_trace.h"
#include "pipeline/clock.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>

#include <fstream>
#include <memory>
#include <mutex>

namespace wmsbridge::jobs {

ongoing::WmsClientOptions ClientOptions(const ConnectionConfig& connection,
                                        const JobOptions& job_options) {
  ongoing::WmsClientOptions options;
  options.connect_timeout = connection.connect_timeout;
  options.send_timeout = connection.send_timeout;
  options.receive_timeout = connection.receive_timeout;
  options.ca_file = connection.ca_file;
  options.ca_path = connection.ca_path;
  options.proxy_host = connection.proxy_host;
  options.proxy_port = connection.proxy_port;
  options.proxy_user = connection.proxy_user;
  options.proxy_password = connection.proxy_password;
  if (!job_options.message_dump_file.empty()) {
    // The client masks every secret before it calls this.
    auto out = std::make_shared<std::ofstream>(job_options.message_dump_file, std::ios::app);
    options.message_dump = [out, name = connection.name](std::string_view operation,
                                                         ongoing::MessageDirection direction,
                                                         std::string_view text) {
      // Connections run on threads of their own, each job with its own stream on the file:
      // one entry is written and flushed whole under a lock, so entries never interleave.
      static std::mutex dump_mutex;
      const std::lock_guard<std::mutex> lock(dump_mutex);
      *out << "=== " << pipeline::UtcNowText() << " " << name << " " << operation << " "
           << (direction == ongoing::MessageDirection::kRequest ? "request" : "response") << "\n"
           << text << "\n";
      out->flush();
    };
  }
  if (!job_options.trace_soap_dir.empty()) {
    options.message_dump = BothDumps(std::move(options.message_dump),
                                     SoapTraceWriter(job_options.trace_soap_dir, connection.name));
  }
  return options;
}

std::string RunStatusText(pipeline::RunStatus status) {
  switch (status) {
    case pipeline::RunStatus::kCompleted:
      return "COMPLETED";
    case pipeline::RunStatus::kCompletedWithRejects:
      return "COMPLETED_WITH_REJECTS";
    case pipeline::RunStatus::kStopped:
      return "STOPPED";
    case pipeline::RunStatus::kAborted:
      return "ABORTED";
  }
  return "ABORTED";
}

std::string RunMode(const JobOptions& options) {
  return options.reload_from             ? "reload"
         : options.only_doc_no           ? "manual"
         : !options.only_wms_ids.empty() ? "webhook"
         : options.full                  ? "full"
                                         : "incremental";
}

std::string RunParameters(const ConnectionConfig& connection, const JobOptions& options) {
  std::string text = "connection=" + connection.name;
  if (options.reload_from)
    text += "; from=" + (options.reload_from->empty() ? "(all)" : *options.reload_from);
  if (options.only_doc_no)
    text += "; document=" + *options.only_doc_no;
  if (options.full)
    text += "; full";
  if (!options.only_wms_ids.empty()) {
    text += "; wms_ids=";
    for (std::size_t i = 0; i < options.only_wms_ids.size(); ++i)
      text += (i > 0 ? "," : "") + std::to_string(options.only_wms_ids[i]);
  }
  return text;
}

std::string NextWatermark(const std::string& max_updated_at, std::chrono::minutes overlap) {
  int tz = 0;
  Poco::DateTime parsed;
  if (!Poco::DateTimeParser::tryParse(max_updated_at, parsed, tz))
    return max_updated_at;
  parsed -= Poco::Timespan(static_cast<long>(overlap.count()) * 60, 0);
  return Poco::DateTimeFormatter::format(parsed, "%Y-%m-%d %H:%M:%S");
}

JobEnvironment::JobEnvironment(const ConnectionConfig& connection, const JobOptions& options,
                               std::string job, Poco::Logger& logger, const Preflight& preflight)
    : connection_(connection),
      options_(options),
      job_(std::move(job)),
      db_(connection.erp_odbc, options.sql_dir),
      runs_(db_),
      sync_(db_, connection.name),
      soap_client_(connection.endpoint, ClientOptions(connection, options)) {
  // The wms_ tables first: without them every later step fails with a driver's error.
  RequireCurrentSchema(db_);
  if (preflight)
    preflight(db_);
  if (!options_.dry_run) {
    const std::chrono::seconds lease(connection.lease_seconds);
    lock_.emplace(db_, connection.name, job_, erp::LeaseTiming{lease, lease / 5});
    if (lock_->closed_dead_runs() > 0) {
      logger.warning("connection %s: %s: closed %z dead run(s) as ABORTED", connection.name, job_,
                     lock_->closed_dead_runs());
    }
    run_id_ =
        runs_.Start(connection.name, job_, RunMode(options_), RunParameters(connection, options_));
    lock_->SetRun(run_id_);
  }
  // Every line of the run carries its id in the logger's name ("wmsbridge.run-17").
  Poco::Logger& run_logger = Poco::Logger::get(
      logger.name() + (options_.dry_run ? ".dry-run" : ".run-" + std::to_string(run_id_)));
  if (options_.progress) {
    pipeline::ProgressSettings settings;
    settings.plain_interval = options_.progress_interval;
    // A dry run prints its lines on stdout: a bar redrawn in place on the same terminal would
    // write over them, so it logs progress lines instead; so does a timer's run.
    settings.force_plain = options_.dry_run || options_.progress_lines_only;
    progress_.emplace(job_, std::nullopt, run_logger, settings);
  }
  pipeline::RunOptions run_options;
  run_options.retry = options_.retry;
  run_options.stop_signal = options_.stop_signal;
  run_options.progress = progress_ ? &*progress_ : nullptr;
  context_ = std::make_unique<pipeline::RunContext>(run_id_, job_, run_logger, run_options);
  client_.emplace(soap_client_, *context_, connection.rate_limit_max_wait);
  if (lock_) {
    // A run that lost its lease (it stalled past the expiry and another runner took over) stops
    // at the next record: the other runner now owns the job.
    renewer_.emplace(connection.erp_odbc, options.sql_dir, lock_->holder(), lock_->timing(),
                     [this, log = &run_logger] {
                       log->error("lost the job's lease to another runner; stopping");
                       context_->RequestStop();
                     });
  }
  VerifyLogon();
}

void JobEnvironment::VerifyLogon() {
  try {
    client_->VerifyLogon();
  } catch (const wms::WmsError& e) {
    if (e.kind() != wms::WmsErrorKind::kLogon) {
      Fail(e);
      throw;
    }
    const wms::WmsError refused(
        wms::WmsErrorKind::kLogon, e.operation(),
        "Ongoing refused the logon of connection " + connection_.name + " (goods owner code " +
            connection_.endpoint.goods_owner_code + ", user " + connection_.endpoint.user_name +
            "): check goods_owner_code, login_name and the password (password_file or " +
            "password_env) with the 3PL's settings. Ongoing said: " + e.message());
    Fail(refused);
    throw refused;
  }
}

JobResult JobEnvironment::Finish(pipeline::RunStatus status,
                                 std::optional<wms::WmsErrorKind> wms_error,
                                 const std::string& max_updated_at) {
  if (progress_)
    progress_->Finish();
  const pipeline::RunReport& report = context_->Report();
  using pipeline::OutcomeKind;
  JobResult result;
  result.run_id = run_id_;
  result.status = status;
  result.summary = report.Summary();
  result.abort_reason = report.AbortReason();
  result.wms_error = wms_error;
  result.sent = report.Count(OutcomeKind::kSent);
  result.rejected = report.Problems();
  if (!report.KeptProblems().empty())
    result.first_problem = report.KeptProblems().front().reason;
  if (options_.dry_run)
    return result;
  const auto count = [&](OutcomeKind kind) {
    return static_cast<std::int64_t>(report.Count(kind));
  };
  runs_.Finish(run_id_,
               {RunStatusText(status), count(OutcomeKind::kSent), count(OutcomeKind::kUnchanged),
                count(OutcomeKind::kRejected), count(OutcomeKind::kFailed),
                count(OutcomeKind::kSkipped), result.abort_reason});
  const bool completed = status == pipeline::RunStatus::kCompleted ||
                         status == pipeline::RunStatus::kCompletedWithRejects;
  // A manual send looks at one document: it says nothing about the others, so no watermark.
  // Nor a reload: from a date later than the watermark it skipped what came in between.
  // Nor a webhook run (R34): it read a few documents by id.
  if (completed && !options_.only_doc_no && !options_.reload_from &&
      options_.only_wms_ids.empty() && !max_updated_at.empty()) {
    sync_.SetWatermark(job_, NextWatermark(max_updated_at, std::chrono::minutes(10)));
  }
  return result;
}

void JobEnvironment::Fail(const std::exception& error) noexcept {
  if (options_.dry_run)
    return;
  try {
    runs_.Finish(run_id_, {"ABORTED", 0, 0, 0, 0, 0, error.what()});
  } catch (...) {
  }
}

}  // namespace wmsbridge::jobs
