#include "jobs/webhook_worker.h"

#include <algorithm>
#include <chrono>

#include "jobs/readback_jobs.h"
#include "jobs/stock_job.h"
#include "jobs/webhook_store.h"
#include "pipeline/clock.h"
#include "stages/erp/job_lock.h"

namespace wmsbridge::jobs {
namespace {

// How many documents one webhook run reads by id (one page of Ongoing's).
constexpr int kMaxIdsPerRun = 200;

// Between two looks at the queue when no call wakes the worker. A call wakes it at once, so
// this only paces back-off retries and events a held lease left waiting; each look opens an
// ERP session per kind, so it is kept well above the time a run by id takes.
constexpr long kLookIntervalMs = 1000;

bool Completed(pipeline::RunStatus status) {
  return status == pipeline::RunStatus::kCompleted ||
         status == pipeline::RunStatus::kCompletedWithRejects;
}

// Runs `kind`'s job for its waiting events; returns how many became DONE.
int ProcessKind(const ConnectionConfig& connection, const JobOptions& options, WebhookKind kind,
                bool ignore_back_off, Poco::Logger& log) {
  std::vector<WaitingEvent> events;
  {
    erp::ErpDatabase db(connection.erp_odbc, options.sql_dir);
    events = WaitingWebhookEvents(db, connection.name, kind, kMaxIdsPerRun,
                                  ignore_back_off ? "" : pipeline::UtcNowText());
  }
  if (events.empty())
    return 0;
  JobOptions run_options = options;
  run_options.progress = false;
  run_options.only_wms_ids.clear();
  for (const WaitingEvent& e : events) {
    const int id = static_cast<int>(e.wms_id);
    if (std::find(run_options.only_wms_ids.begin(), run_options.only_wms_ids.end(), id) ==
        run_options.only_wms_ids.end())
      run_options.only_wms_ids.push_back(id);
  }
  const char* job = kind == WebhookKind::kOrder     ? kDeliveryJob
                    : kind == WebhookKind::kInOrder ? kReceiptJob
                                                    : "stock";
  std::string error;
  std::int64_t run_id = 0;
  try {
    // Stock: the stock job's intra-day run compares what Ongoing's change feed names, the
    // webhook's article among them; it marks the STOCK events received before it DONE.
    if (kind == WebhookKind::kStock)
      run_options.only_wms_ids.clear();
    const JobResult result =
        kind == WebhookKind::kOrder     ? RunDeliveryJob(connection, run_options, log)
        : kind == WebhookKind::kInOrder ? RunReceiptJob(connection, run_options, log)
                                        : RunStockJob(connection, run_options, log);
    run_id = result.run_id;
    if (!Completed(result.status))
      error = "run " + std::to_string(result.run_id) + " " + RunStatusText(result.status) +
              (result.abort_reason.empty() ? "" : ": " + result.abort_reason);
  } catch (const erp::JobAlreadyRunning&) {
    // The scheduled read (or another host) holds the lease: try again at the next tick.
    return 0;
  } catch (const std::exception& e) {
    error = e.what();
  }
  erp::ErpDatabase db(connection.erp_odbc, options.sql_dir);
  if (!error.empty()) {
    log.warning("webhook: connection %s: %s for %z event(s) failed (tried again): %s",
                connection.name, std::string(job), events.size(), error);
    MarkWebhookAttemptFailed(db, events, error);
    return 0;
  }
  // The run has completed: every document it applied is committed. Only now DONE.
  MarkWebhookEventsDone(db, events, run_id);
  log.information("webhook: connection %s: %s run %Ld applied %z event(s)", connection.name,
                  std::string(job), static_cast<Poco::Int64>(run_id), events.size());
  return static_cast<int>(events.size());
}

}  // namespace

int ProcessWebhookEvents(const ConnectionConfig& connection, const JobOptions& options,
                         bool ignore_back_off, Poco::Logger& log) {
  int done = 0;
  for (const WebhookKind kind : {WebhookKind::kOrder, WebhookKind::kInOrder, WebhookKind::kStock}) {
    // Without intra-day stock runs every stock run is a full comparison: too heavy to start
    // per inventory webhook, so those events wait for the scheduled stock run (docs/webhooks.md).
    if (kind == WebhookKind::kStock && connection.stock_full_comparison_hours <= 0)
      continue;
    try {
      done += ProcessKind(connection, options, kind, ignore_back_off, log);
    } catch (const std::exception& e) {
      log.warning("webhook: connection %s: the queue cannot be read or marked: %s", connection.name,
                  std::string(e.what()));
    }
  }
  return done;
}

WebhookWorker::WebhookWorker(std::vector<const ConnectionConfig*> connections,
                             const JobOptions& options, Poco::Event& wake, Poco::Logger& log)
    : connections_(std::move(connections)), options_(options), wake_(wake), log_(log) {
  thread_ = std::thread([this] { Loop(); });
}

WebhookWorker::~WebhookWorker() {
  stop_ = true;
  wake_.set();
  if (thread_.joinable())
    thread_.join();
}

void WebhookWorker::Loop() {
  while (!stop_ && (options_.stop_signal == nullptr || !options_.stop_signal->Requested())) {
    Tick();
    wake_.tryWait(kLookIntervalMs);  // woken at once by the receiver
  }
}

void WebhookWorker::Tick() {
  for (const ConnectionConfig* connection : connections_) {
    if (stop_ || (options_.stop_signal != nullptr && options_.stop_signal->Requested()))
      return;
    // The first look after a start tries every waiting event at once, back-off or not.
    ProcessWebhookEvents(*connection, options_, first_tick_, log_);
  }
  first_tick_ = false;
}

}  // namespace wmsbridge::jobs
