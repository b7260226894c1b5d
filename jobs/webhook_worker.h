#pragma once
// The worker of Ongoing's webhooks (R34, docs/webhooks.md), inside `wmsbridge daemon`: at once
// when the receiver wakes it, else every second, it takes each connection's WAITING events and
// runs the delivery job (ORDER) or the receipt job (IN_ORDER) for exactly their ids, with the
// read-back code and the same job lease as the scheduled read (a lease held elsewhere leaves
// them WAITING for the next look). STOCK events start the stock job when intra-day stock runs
// are configured (its changes-only run compares what Ongoing's change feed names); otherwise
// the next scheduled stock run applies them. A failed attempt backs off (webhook_store.h).
// Events become DONE with the run's id once the run has completed (every document committed);
// a failed run counts an attempt and keeps its error; after kMaxWebhookAttempts an event is
// FAILED and left to the scheduled read.

#include <Poco/Event.h>
#include <Poco/Logger.h>

#include <atomic>
#include <thread>
#include <vector>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"

namespace wmsbridge::jobs {

class WebhookWorker {
 public:
  /// Starts the worker's thread for the `connections` with webhooks on. `options` (the
  /// daemon's: SQL folder, stop signal, retry policy) must outlive the worker.
  WebhookWorker(std::vector<const ConnectionConfig*> connections, const JobOptions& options,
                Poco::Event& wake, Poco::Logger& log);
  /// Stops after the run in flight and joins the thread.
  ~WebhookWorker();
  WebhookWorker(const WebhookWorker&) = delete;
  WebhookWorker& operator=(const WebhookWorker&) = delete;

 private:
  void Loop();
  void Tick();

  std::vector<const ConnectionConfig*> connections_;
  const JobOptions& options_;
  Poco::Event& wake_;
  Poco::Logger& log_;
  std::atomic<bool> stop_{false};
  bool first_tick_ = true;  // the worker thread's own
  std::thread thread_;
};

/// Runs the waiting ORDER, IN_ORDER (and, with intra-day stock runs, STOCK) events of `connection`
/// once, as the worker does at each look: those whose back-off has passed, or all of them with
/// `ignore_back_off`. Returns how many events became DONE. Never throws anything derived from
/// std::exception (failures are recorded on the events and logged).
int ProcessWebhookEvents(const ConnectionConfig& connection, const JobOptions& options,
                         bool ignore_back_off, Poco::Logger& log);

}  // namespace wmsbridge::jobs
