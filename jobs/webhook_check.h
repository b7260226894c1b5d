#pragma once
// `wmsbridge check`'s webhook line (R34, issue 16 point 4): a signed test call to the daemon's
// receiver over loopback (/ongoing/webhooks/test), which answers 200 and queues nothing.

#include <string>

#include "jobs/connection_config.h"

namespace wmsbridge::jobs {

/// What the test call found: ok, or why not (never the token).
struct WebhookCheck {
  bool ok = false;
  std::string text;
};

/// Posts the test call for connection `c` to app's receiver (HTTPS when it has a certificate,
/// not verified: it is our own receiver on loopback). Never throws anything derived from
/// std::exception.
WebhookCheck CheckWebhookReceiver(const AppConfig& app, const ConnectionConfig& c);

}  // namespace wmsbridge::jobs
