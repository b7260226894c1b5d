#include "jobs/article_job.h"

#include "jobs/job_environment.h"
#include "stages/articles/article_sink.h"
#include "stages/articles/article_source.h"
#include "stages/articles/article_transform.h"

namespace wmsbridge::jobs {

JobResult RunArticleJob(const ConnectionConfig& connection, const JobOptions& options,
                        Poco::Logger& logger) {
  JobEnvironment env(connection, options, kArticleJob, logger);
  articles::ArticleSource source(
      env.db(), {connection.name, options.full, options.full ? std::nullopt : env.Watermark()});
  articles::ArticleTransform transform;
  articles::ArticleSink sink(env.db(), env.client(), {connection.name, options.dry_run},
                             env.run_id());
  return env.Run(source, transform, sink, [&] { return source.max_updated_at(); });
}

}  // namespace wmsbridge::jobs
