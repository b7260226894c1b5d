#pragma once
// Ongoing's webhooks as the simulator sends them (reference notes 6c, the webhook contract of
// issue 16): the three kinds with their paths and JSON bodies, the delivery states, the
// per-webhook retry policy ("none" or "one day": after 1, 5, 15 and 30 minutes, then every two
// hours until a day has passed since the first attempt) with a time scale for tests, and the
// faults a test may inject. Pure: no database, no network, no clock.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wmsbridge::sim {

/// The webhook kinds the simulator sends, each to its own path under the base URL.
enum class WebhookKind {
  kOrders,          // "Order is picked" (status >= 400 with picked items)
  kPurchaseOrders,  // "Purchase order is received"
  kInventory,       // "Inventory transaction has been performed" (stock set / adjust)
};

/// "orders", "purchase-orders", "inventory".
std::string WebhookKindName(WebhookKind kind);
/// The kind with that name, or nullopt.
std::optional<WebhookKind> WebhookKindFromName(std::string_view name);
/// The path appended to the base URL: "/ongoing/webhooks/orders" and so on.
std::string WebhookPath(WebhookKind kind);

/// Where one event is. WAITING: not yet attempted; RETRYING: failed, waits for its next
/// attempt; DELIVERED: answered 2xx; GAVE_UP: failed and the policy allows no more attempts;
/// DROPPED: lost for good by an injected fault, never sent.
enum class WebhookState { kWaiting, kRetrying, kDelivered, kGaveUp, kDropped };

/// "WAITING", "RETRYING", "DELIVERED", "GAVE_UP", "DROPPED".
std::string WebhookStateName(WebhookState state);
/// The state with that name, or nullopt.
std::optional<WebhookState> WebhookStateFromName(std::string_view name);

/// Ongoing's retry policies of a webhook.
enum class WebhookRetry { kNone, kOneDay };

/// "none", "one_day".
std::string WebhookRetryName(WebhookRetry retry);
/// The policy with that name, or nullopt.
std::optional<WebhookRetry> WebhookRetryFromName(std::string_view name);

/// The webhook set-up (sim.ini [webhooks], `serve --webhook-*`, SimStore::SetWebhookSettings).
/// No base URL: no webhook is configured, and nothing is recorded (as in Ongoing).
struct WebhookSettings {
  std::string base_url;  // "http://127.0.0.1:8080"; the kind's path is appended
  std::string token;     // the fixed X-Auth-Token header; a secret, never printed or logged
  WebhookRetry retry = WebhookRetry::kOneDay;
  double minute_ms = 60000.0;  // how long one policy minute takes (tests shorten it)
  int timeout_ms = 10000;      // connect + answer time-out of one attempt (real time)
  std::string ca_file;         // https: the PEM CA file to trust (default: the system's)
};

/// Policy minutes from the failed attempt number `attempt` (1-based) to the next one under
/// "one day": 1, 5, 15, 30, then 120 for every later attempt.
int RetryDelayMinutes(int attempt);

/// When the attempt after failed attempt number `attempt` is due (epoch ms), or nullopt when
/// the policy gives up: "none" always; "one day" when the next attempt would fall more than
/// 24 policy hours after the first attempt.
std::optional<std::int64_t> NextAttemptMs(WebhookRetry retry, double minute_ms, int attempt,
                                          std::int64_t first_attempt_ms, std::int64_t failed_at_ms);

/// The injected webhook faults (`wms-sim webhook-fault`), applied to the next events recorded.
enum class WebhookFaultKind {
  kDrop,       // the event is lost for good: DROPPED, never sent
  kDuplicate,  // the event is delivered twice (two POSTs with one webhookEventId)
  kReorder,    // the event is held back and sent after the event that follows it
};

/// "drop", "duplicate", "reorder".
std::string WebhookFaultKindName(WebhookFaultKind kind);
/// The kind with that name, or nullopt.
std::optional<WebhookFaultKind> WebhookFaultKindFromName(std::string_view name);

/// What one event says; the body is built from it once, when the event is recorded.
struct WebhookFacts {
  WebhookKind kind = WebhookKind::kOrders;
  std::int64_t event_id = 0;  // webhookEventId
  int goods_owner_id = 0;
  std::string timestamp;              // .NET form without zone, seven fraction digits (UTC)
  std::int64_t document_id = 0;       // order id, in-order id or article system id
  std::string document_number;        // order number, in-order number or article number
  int status = 0;                     // order / in-order status (not for inventory)
  std::string waybill, tracking_url;  // orders
  std::vector<std::pair<int, std::string>> parcels;  // orders: (id, label)
  std::string qty_change;                            // inventory: transactionNumberOfItems
  std::int64_t inventory_id = 0;                     // inventory: the inventory transaction's id
};

/// One recorded event and its delivery, as `wms-sim webhooks` lists it.
struct WebhookEvent {
  std::int64_t event_id = 0;  // webhookEventId; a retry carries the same
  WebhookKind kind = WebhookKind::kOrders;
  int goods_owner_id = 0;
  std::int64_t document_id = 0;
  std::string document_number;
  std::string body;  // the JSON posted, built when the event was recorded
  WebhookState state = WebhookState::kWaiting;
  int attempts = 0;  // POSTs made (a duplicate's second POST not counted)
  std::int64_t first_attempt_ms = 0, last_attempt_ms = 0, next_attempt_ms = 0;  // epoch ms
  std::string last_answer;  // "200", "500", "connection refused", "timeout" ...
  bool duplicate = false;   // injected: every delivery is posted twice
  bool held = false;        // injected: waits until the event after it has been sent
  std::string created;      // DB stamp
};

/// The JSON body Ongoing posts for these facts (shapes of the webhook contract).
std::string WebhookBody(const WebhookFacts& facts);

/// The current UTC time as .NET writes an unspecified DateTime with seven fraction digits
/// ("2026-12-02T10:00:00.1234560"). Never throws.
std::string WebhookTimestampNow();

}  // namespace wmsbridge::sim
