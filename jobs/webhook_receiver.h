#pragma once
// The receiver of Ongoing's webhooks (R34, issue 16 point 2; docs/webhooks.md): a Poco HTTP
// server that `wmsbridge daemon` runs when wmsbridge.webhook_listen is set. HTTPS with the
// installation's certificate and key; plain HTTP only on a loopback address (checked when the
// configuration is read). An accepted call only inserts a row into wms_webhook_events (durable
// before the 200), then wakes the worker; the work is done by the worker (webhook_worker.h).

#include <Poco/Event.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>

#include <memory>
#include <string>
#include <vector>

#include "jobs/connection_config.h"

namespace wmsbridge::jobs {

/// The largest body accepted (64 KiB; the contract's 413).
inline constexpr std::size_t kMaxWebhookBody = 64 * 1024;

/// The MD5 keys of a connection's secret: separated by commas, spaces or new lines. Never
/// throws but std::bad_alloc.
std::vector<std::string> Md5Keys(const pipeline::Secret& keys);

/// Equal texts, in a time that depends only on the lengths (an X-Auth-Token against a key).
bool ConstantTimeEqual(const std::string& a, const std::string& b);

class WebhookReceiver {
 public:
  /// Listens on app.webhook_listen_host:port for `connections` (those with webhooks on) and
  /// starts serving; `wake` is set after each queued event. Throws Poco::Exception when the
  /// address cannot be bound or the TLS files cannot be read.
  WebhookReceiver(const AppConfig& app, std::vector<const ConnectionConfig*> connections,
                  std::string sql_dir, Poco::Event& wake, Poco::Logger& log);
  /// Stops accepting and waits for the calls in flight.
  ~WebhookReceiver();
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  /// The port listened on (the configured one). Never throws.
  int port() const;

 private:
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace wmsbridge::jobs
