#pragma once
// The queue of Ongoing's webhooks (R34, migration 015, docs/webhooks.md): table
// wms_webhook_events. The receiver inserts an accepted call; the daemon's worker takes the
// waiting events of a connection and kind, runs the read-back for their ids, and marks them.
// Trivial statements of the product's own table, so they live here, not in sql/queries/.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stages/erp/erp_database.h"

namespace wmsbridge::jobs {

/// What a webhook names: ORDER (Ongoing's OrderId), IN_ORDER (InOrderId), STOCK
/// (ArticleSystemId; doc_no is the article number).
enum class WebhookKind { kOrder, kInOrder, kStock };

/// "ORDER", "IN_ORDER" or "STOCK" (wms_webhook_events.kind). Never throws.
const char* WebhookKindText(WebhookKind kind);

/// One accepted call, as the receiver read it.
struct WebhookEvent {
  std::string connection;
  WebhookKind kind = WebhookKind::kOrder;
  std::int64_t wms_id = 0;
  std::string doc_no;                            // orderNumber etc.; may be empty
  std::optional<std::int64_t> webhook_event_id;  // Ongoing's webhookEventId, when sent
};

/// A waiting event the worker takes.
struct WaitingEvent {
  std::int64_t event_id = 0;
  std::int64_t wms_id = 0;
  int attempts = 0;
};

/// Per connection, what `wmsbridge status` shows.
struct WebhookCounts {
  std::string last_received_at;  // UTC text; empty: never
  std::int64_t waiting = 0;
  std::int64_t failed = 0;
};

/// After this many failed runs an event is FAILED (the scheduled read remains the safety net).
inline constexpr int kMaxWebhookAttempts = 10;

/// Queues `event` unless an event of the same connection, kind and Ongoing id is still
/// WAITING (a duplicate: Ongoing's retry, or a second change before the first was applied).
/// Returns how many rows were queued: 1 or 0. Throws Poco::Exception when the database fails.
int QueueWebhookEvent(erp::ErpDatabase& db, const WebhookEvent& event);

/// The WAITING events of `connection` and `kind`, oldest first, at most `limit`: those whose
/// back-off has passed at `now` (UTC text), or every one when `now` is empty (the worker's
/// first look after a start). Throws Poco::Exception.
std::vector<WaitingEvent> WaitingWebhookEvents(erp::ErpDatabase& db, const std::string& connection,
                                               WebhookKind kind, int limit, const std::string& now);

/// Marks `events` DONE by run `run_id` (0: no run of its own, e.g. stock). Throws
/// Poco::Exception.
void MarkWebhookEventsDone(erp::ErpDatabase& db, const std::vector<WaitingEvent>& events,
                           std::int64_t run_id);

/// Counts a failed attempt of each of `events` with `error` and sets its back-off (5 s doubled
/// per attempt, at most 10 minutes: ten attempts span about 40 minutes); one that reaches
/// kMaxWebhookAttempts becomes FAILED. Throws Poco::Exception.
void MarkWebhookAttemptFailed(erp::ErpDatabase& db, const std::vector<WaitingEvent>& events,
                              const std::string& error);

/// Marks DONE every WAITING STOCK event of `connection` received at or before `until` (UTC
/// text): a completed stock run that started after them has applied their articles. Returns
/// how many. Throws Poco::Exception.
std::int64_t MarkStockEventsDone(erp::ErpDatabase& db, const std::string& connection,
                                 const std::string& until, std::int64_t run_id);

/// The status figures of `connection`; all empty/0 when the table does not exist yet. Throws
/// Poco::Exception.
WebhookCounts CountWebhookEvents(erp::ErpDatabase& db, const std::string& connection);

}  // namespace wmsbridge::jobs
