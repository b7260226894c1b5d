#pragma once
// The webhook sender of `wms-sim serve`: a background thread that posts the recorded webhook
// events (SimStore's outbox) to the configured base URL, one at a time, lowest event id first,
// as Ongoing does: a 2xx answer delivers an event; any other answer, a refused connection or
// no answer within the time-out is a failed attempt, retried per the stored policy. A retry
// waiting does not hold back later events. Settings are read from the state at every look, so
// a test may change them on a running server. The token is never logged.

#include <Poco/Logger.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "tests/wms_sim/sim_store.h"

namespace wmsbridge::sim {

/// The outcome of one POST.
struct WebhookAnswer {
  bool delivered = false;  // a 2xx answer
  std::string text;        // "200", "500", "connection refused: ...", "timeout", ...
};

/// Posts `body` to `url` with the token (X-Auth-Token) and JSON content type; https when the
/// URL says so (trusting settings.ca_file, else the system's CAs). Never throws: every failure
/// is an answer that is not delivered; its text never contains the token.
WebhookAnswer PostWebhook(const std::string& url, const std::string& body,
                          const WebhookSettings& settings);

class WebhookSender {
 public:
  /// Starts the thread at once; `store` must outlive the sender.
  WebhookSender(SimStore& store, Poco::Logger& log);
  /// Stops the thread, letting a POST in flight end (within the time-out). Never throws.
  ~WebhookSender();
  WebhookSender(const WebhookSender&) = delete;
  WebhookSender& operator=(const WebhookSender&) = delete;

 private:
  void Loop();
  // Sends the next due event, if any; true when it sent one.
  bool SendNext();

  SimStore& store_;
  Poco::Logger& log_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

/// Wall-clock epoch milliseconds: the outbox's times survive a restart. Never throws.
std::int64_t NowEpochMs();

}  // namespace wmsbridge::sim
