#pragma once
// The daemon's webhook side (R34, docs/webhooks.md): the receiver and its worker, started
// together when wmsbridge.webhook_listen is set, stopped together (worker first to finish its
// run, receiver last) when the daemon ends.

#include <Poco/Event.h>
#include <Poco/Logger.h>

#include <memory>
#include <vector>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"
#include "jobs/webhook_receiver.h"
#include "jobs/webhook_worker.h"

namespace wmsbridge::jobs {

class WebhookService {
 public:
  /// Starts the receiver on app's address for the `connections` with webhooks on, and the
  /// worker. Throws Poco::Exception when the address cannot be bound.
  WebhookService(const AppConfig& app, const std::vector<const ConnectionConfig*>& connections,
                 const JobOptions& options, Poco::Logger& log);

 private:
  Poco::Event wake_{Poco::Event::EVENT_AUTORESET};
  // Destroyed in reverse: the worker stops first, then the receiver.
  std::unique_ptr<WebhookReceiver> receiver_;
  std::unique_ptr<WebhookWorker> worker_;
};

/// The service when app.webhook_listen is set, else null. A receiver that cannot start is
/// logged as an error and the daemon goes on polling (null). Never throws but std::bad_alloc.
std::unique_ptr<WebhookService> StartWebhooks(
    const AppConfig& app, const std::vector<const ConnectionConfig*>& connections,
    const JobOptions& options, Poco::Logger& log);

}  // namespace wmsbridge::jobs
