#include "jobs/article_job.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>

#include "pipeline/progress.h"
#include "pipeline/run_context.h"
#include "pipeline/runner.h"
#include "stages/articles/article_sink.h"
#include "stages/articles/article_source.h"
#include "stages/articles/article_transform.h"
#include "stages/erp/job_lock.h"
#include "stages/erp/run_store.h"
#include "stages/erp/sync_state_store.h"
#include "stages/ongoing/soap_wms_client.h"

namespace wmsbridge::jobs {
namespace {

std::string StatusText(pipeline::RunStatus status) {
  switch (status) {
    case pipeline::RunStatus::kCompleted: return "COMPLETED";
    case pipeline::RunStatus::kCompletedWithRejects: return "COMPLETED_WITH_REJECTS";
    case pipeline::RunStatus::kStopped: return "STOPPED";
    case pipeline::RunStatus::kAborted: return "ABORTED";
  }
  return "ABORTED";
}

}  // namespace

std::string NextWatermark(const std::string& max_updated_at, std::chrono::minutes overlap) {
  int tz = 0;
  Poco::DateTime parsed;
  if (!Poco::DateTimeParser::tryParse(max_updated_at, parsed, tz)) return max_updated_at;
  parsed -= Poco::Timespan(static_cast<long>(overlap.count()) * 60, 0);
  return Poco::DateTimeFormatter::format(parsed, "%Y-%m-%d %H:%M:%S");
}

JobResult RunArticleJob(const ConnectionConfig& connection, const JobOptions& options,
                        Poco::Logger& logger) {
  erp::ErpDatabase db(connection.erp_odbc, options.sql_dir);
  std::optional<erp::JobLock> lock;
  if (!options.dry_run) lock.emplace(db, connection.name, kArticleJob);

  erp::RunStore runs(db);
  erp::SyncStateStore sync(db, connection.name);
  JobResult result;
  const std::string mode = options.dry_run ? "dry-run" : (options.full ? "full" : "incremental");
  if (!options.dry_run) result.run_id = runs.Start(connection.name, kArticleJob, mode);

  ongoing::WmsClientOptions client_options;
  client_options.connect_timeout = connection.connect_timeout;
  client_options.receive_timeout = connection.receive_timeout;
  ongoing::SoapWmsClient client(connection.endpoint, client_options);

  // Every line of the run carries its id in the logger's name ("wmsbridge.run-17").
  Poco::Logger& run_logger = Poco::Logger::get(
      logger.name() + (options.dry_run ? ".dry-run" : ".run-" + std::to_string(result.run_id)));
  std::optional<pipeline::Progress> progress;
  if (options.progress) progress.emplace(std::string(kArticleJob), std::nullopt, run_logger);
  pipeline::RunOptions run_options;
  run_options.retry = options.retry;
  run_options.stop_signal = options.stop_signal;
  run_options.progress = progress ? &*progress : nullptr;
  pipeline::RunContext context(result.run_id, kArticleJob, run_logger, run_options);

  articles::ArticleSource source(
      db, {connection.name, options.full,
           options.full ? std::nullopt : sync.Watermark(kArticleJob)});
  articles::ArticleTransform transform;
  articles::ArticleSink sink(db, client, {connection.name, options.dry_run}, result.run_id);

  try {
    result.status = pipeline::RunPipeline(source, transform, sink, context,
                                          static_cast<std::size_t>(connection.batch_size));
  } catch (const std::exception& e) {
    if (!options.dry_run) {
      try {
        runs.Finish(result.run_id, {"ABORTED", 0, 0, 0, 0, 0, e.what()});
      } catch (...) {
      }
    }
    throw;
  }
  if (progress) progress->Finish();

  const pipeline::RunReport& report = context.Report();
  result.summary = report.Summary();
  result.abort_reason = report.AbortReason();
  result.wms_error = sink.fatal_wms_error();
  if (!options.dry_run) {
    using pipeline::OutcomeKind;
    runs.Finish(result.run_id,
                {StatusText(result.status), static_cast<std::int64_t>(report.Count(OutcomeKind::kSent)),
                 static_cast<std::int64_t>(report.Count(OutcomeKind::kUnchanged)),
                 static_cast<std::int64_t>(report.Count(OutcomeKind::kRejected)),
                 static_cast<std::int64_t>(report.Count(OutcomeKind::kFailed)),
                 static_cast<std::int64_t>(report.Count(OutcomeKind::kSkipped)),
                 result.abort_reason});
    const bool completed = result.status == pipeline::RunStatus::kCompleted ||
                           result.status == pipeline::RunStatus::kCompletedWithRejects;
    if (completed && !source.max_updated_at().empty()) {
      sync.SetWatermark(kArticleJob, NextWatermark(source.max_updated_at(), std::chrono::minutes(10)));
    }
  }
  return result;
}

}  // namespace wmsbridge::jobs
