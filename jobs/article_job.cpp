#include "jobs/article_job.h"

#include "jobs/job_environment.h"
#include "pipeline/runner.h"
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
  pipeline::RunStatus status;
  try {
    status = pipeline::RunPipeline(source, transform, sink, env.context(),
                                   static_cast<std::size_t>(connection.batch_size));
  } catch (const std::exception& e) {
    env.Fail(e);
    throw;
  }
  return env.Finish(status, sink.fatal_wms_error(), source.max_updated_at());
}

}  // namespace wmsbridge::jobs
