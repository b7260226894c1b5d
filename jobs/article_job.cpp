#include "jobs/article_job.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>

#include "jobs/job_environment.h"
#include "pipeline/clock.h"
#include "stages/articles/article_sink.h"
#include "stages/articles/article_source.h"
#include "stages/articles/article_transform.h"
#include "stages/erp/sync_state_store.h"

namespace wmsbridge::jobs {

namespace {

// Where the start of the last completed full comparison is kept (wms_watermark, our UTC clock).
constexpr const char* kFullComparisonMark = "articles:full";

// Whether the last completed full comparison started more than `hours` ago (or never).
bool FullComparisonDue(erp::ErpDatabase& db, const std::string& connection_name, int hours,
                       const std::string& now) {
  if (hours <= 0)
    return false;
  const auto last = erp::SyncStateStore(db, connection_name).Watermark(kFullComparisonMark);
  if (!last)
    return true;
  Poco::DateTime due;
  int tz = 0;
  if (!Poco::DateTimeParser::tryParse("%Y-%m-%d %H:%M:%S", *last, due, tz))
    return true;  // unreadable: compare everything rather than trust it
  due += Poco::Timespan(hours * Poco::Timespan::HOURS);
  return Poco::DateTimeFormatter::format(due, "%Y-%m-%d %H:%M:%S") <= now;
}

}  // namespace

JobResult RunArticleJob(const ConnectionConfig& connection, const JobOptions& options,
                        Poco::Logger& logger) {
  // Incremental runs see what changed since the watermark (less its overlap). An article stamped
  // older than that (a late commit, another clock) is caught by the full comparison that runs
  // once every full_comparison_hours (docs/article-job.md, "What an incremental run can miss").
  const std::string started = pipeline::UtcNowText();
  JobOptions effective = options;
  const bool manual =
      options.only_doc_no.has_value() || options.dry_run || options.reload_from.has_value();
  // Decided in the preflight, before the run row records its mode ("full").
  JobEnvironment env(connection, effective, kArticleJob, logger, [&](erp::ErpDatabase& db) {
    if (!manual && !effective.full &&
        FullComparisonDue(db, connection.name, connection.full_comparison_hours, started)) {
      effective.full = true;
    }
  });
  // A reload (R28) reads every article updated from its date on (all without a date) besides
  // those an incremental run reads, and sends those whatever their stored hash.
  const auto& reload = options.reload_from;
  const bool read_all = effective.full || (reload && reload->empty());
  articles::ArticleSource source(env.db(), {connection.name, read_all,
                                            read_all ? std::nullopt
                                            : reload ? reload
                                                     : env.Watermark()});
  // R32: an article Ongoing refused goes again only when a person asks for every article (a
  // --full on the command line) or reloads it, not with the full comparison that falls due by
  // itself.
  articles::ArticleTransform transform(options.full, reload);
  articles::ArticleSink sink(
      env.db(), env.client(),
      {connection.name,
       effective.dry_run,
       effective.dry_run_out,
       env.ShowXml(),
       {static_cast<std::size_t>(connection.commit_group_size), connection.commit_group_ms}},
      env.run_id());
  JobResult result = env.Run(source, transform, sink, [&] { return source.max_updated_at(); });
  const bool completed = result.status == pipeline::RunStatus::kCompleted ||
                         result.status == pipeline::RunStatus::kCompletedWithRejects;
  if (completed && effective.full && !manual)
    erp::SyncStateStore(env.db(), connection.name).SetWatermark(kFullComparisonMark, started);
  return result;
}

}  // namespace wmsbridge::jobs
