#include "jobs/webhook_service.h"

namespace wmsbridge::jobs {
namespace {

std::vector<const ConnectionConfig*> WithWebhooks(
    const std::vector<const ConnectionConfig*>& connections) {
  std::vector<const ConnectionConfig*> out;
  for (const ConnectionConfig* c : connections) {
    if (c->webhooks)
      out.push_back(c);
  }
  return out;
}

}  // namespace

WebhookService::WebhookService(const AppConfig& app,
                               const std::vector<const ConnectionConfig*>& connections,
                               const JobOptions& options, Poco::Logger& log) {
  const auto with = WithWebhooks(connections);
  if (with.empty())
    log.warning("webhook: no connection has webhooks = on: every call will be refused (401)");
  receiver_ = std::make_unique<WebhookReceiver>(app, with, options.sql_dir, wake_, log);
  worker_ = std::make_unique<WebhookWorker>(with, options, wake_, log);
}

std::unique_ptr<WebhookService> StartWebhooks(
    const AppConfig& app, const std::vector<const ConnectionConfig*>& connections,
    const JobOptions& options, Poco::Logger& log) {
  if (app.webhook_listen_port == 0)
    return nullptr;
  if (options.dry_run) {  // a dry run writes nothing: no queue, no runs of its own
    log.information("webhook: no receiver in a dry run");
    return nullptr;
  }
  try {
    return std::make_unique<WebhookService>(app, connections, options, log);
  } catch (const std::exception& e) {
    log.error("webhook: the receiver cannot listen on %s:%d: %s; the daemon goes on polling",
              app.webhook_listen_host, app.webhook_listen_port, std::string(e.what()));
    return nullptr;
  }
}

}  // namespace wmsbridge::jobs
