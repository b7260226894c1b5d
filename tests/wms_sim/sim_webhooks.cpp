#include "tests/wms_sim/sim_webhooks.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/NumberParser.h>
#include <Poco/Timestamp.h>

#include <array>
#include <cmath>
#include <sstream>

namespace wmsbridge::sim {

namespace {

template <class Enum, std::size_t N>
std::string NameOf(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) {
      return name;
    }
  }
  return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> FromName(const std::array<std::pair<Enum, const char*>, N>& names,
                             std::string_view name) {
  for (const auto& [value, candidate] : names) {
    if (name == candidate) {
      return value;
    }
  }
  return std::nullopt;
}

constexpr std::array<std::pair<WebhookKind, const char*>, 3> kKindNames = {{
    {WebhookKind::kOrders, "orders"},
    {WebhookKind::kPurchaseOrders, "purchase-orders"},
    {WebhookKind::kInventory, "inventory"},
}};

constexpr std::array<std::pair<WebhookState, const char*>, 5> kStateNames = {{
    {WebhookState::kWaiting, "WAITING"},
    {WebhookState::kRetrying, "RETRYING"},
    {WebhookState::kDelivered, "DELIVERED"},
    {WebhookState::kGaveUp, "GAVE_UP"},
    {WebhookState::kDropped, "DROPPED"},
}};

constexpr std::array<std::pair<WebhookRetry, const char*>, 2> kRetryNames = {{
    {WebhookRetry::kNone, "none"},
    {WebhookRetry::kOneDay, "one_day"},
}};

constexpr std::array<std::pair<WebhookFaultKind, const char*>, 3> kFaultNames = {{
    {WebhookFaultKind::kDrop, "drop"},
    {WebhookFaultKind::kDuplicate, "duplicate"},
    {WebhookFaultKind::kReorder, "reorder"},
}};

constexpr int kOneDayMinutes = 24 * 60;

}  // namespace

std::string WebhookKindName(WebhookKind kind) {
  return NameOf(kKindNames, kind);
}
std::optional<WebhookKind> WebhookKindFromName(std::string_view name) {
  return FromName(kKindNames, name);
}
std::string WebhookPath(WebhookKind kind) {
  return "/ongoing/webhooks/" + WebhookKindName(kind);
}
std::string WebhookStateName(WebhookState state) {
  return NameOf(kStateNames, state);
}
std::optional<WebhookState> WebhookStateFromName(std::string_view name) {
  return FromName(kStateNames, name);
}
std::string WebhookRetryName(WebhookRetry retry) {
  return NameOf(kRetryNames, retry);
}
std::optional<WebhookRetry> WebhookRetryFromName(std::string_view name) {
  return FromName(kRetryNames, name);
}
std::string WebhookFaultKindName(WebhookFaultKind kind) {
  return NameOf(kFaultNames, kind);
}
std::optional<WebhookFaultKind> WebhookFaultKindFromName(std::string_view name) {
  return FromName(kFaultNames, name);
}

int RetryDelayMinutes(int attempt) {
  constexpr std::array<int, 4> kFirst = {1, 5, 15, 30};
  if (attempt >= 1 && attempt <= static_cast<int>(kFirst.size())) {
    return kFirst[static_cast<std::size_t>(attempt - 1)];
  }
  return 120;
}

std::optional<std::int64_t> NextAttemptMs(WebhookRetry retry, double minute_ms, int attempt,
                                          std::int64_t first_attempt_ms,
                                          std::int64_t failed_at_ms) {
  if (retry == WebhookRetry::kNone) {
    return std::nullopt;
  }
  const auto next = failed_at_ms +
                    static_cast<std::int64_t>(std::llround(RetryDelayMinutes(attempt) * minute_ms));
  const auto last_allowed =
      first_attempt_ms + static_cast<std::int64_t>(std::llround(kOneDayMinutes * minute_ms));
  if (next > last_allowed) {
    return std::nullopt;
  }
  return next;
}

std::string WebhookBody(const WebhookFacts& facts) {
  Poco::JSON::Object body;
  switch (facts.kind) {
    case WebhookKind::kOrders:
      body.set("webhookOrdersId", 1);
      break;
    case WebhookKind::kPurchaseOrders:
      body.set("webhookPurchaseOrdersId", 1);
      break;
    case WebhookKind::kInventory:
      body.set("webhookInventoryId", 1);
      break;
  }
  body.set("webhookEventId", static_cast<Poco::Int64>(facts.event_id));
  body.set("system", "sim");
  body.set("timestamp", facts.timestamp);
  if (facts.kind == WebhookKind::kOrders) {
    body.set("orderId", static_cast<Poco::Int64>(facts.document_id));
    body.set("orderNumber", facts.document_number);
    body.set("goodsOwnerId", facts.goods_owner_id);
    body.set("webhookTemplate", "OrderPicked");
    Poco::JSON::Object status;
    status.set("number", facts.status);
    body.set("orderStatus", status);
    Poco::JSON::Array tracking;
    if (!facts.waybill.empty() || !facts.tracking_url.empty()) {
      Poco::JSON::Object entry;
      entry.set("trackingUrl", facts.tracking_url);
      entry.set("waybill", facts.waybill);
      entry.set("isReturn", false);
      tracking.add(entry);
    }
    body.set("tracking", tracking);
    Poco::JSON::Array parcels;
    for (const auto& [id, label] : facts.parcels) {
      Poco::JSON::Object parcel;
      parcel.set("id", id);
      parcel.set("parcelNumber", label);
      parcels.add(parcel);
    }
    body.set("parcels", parcels);
  } else if (facts.kind == WebhookKind::kPurchaseOrders) {
    body.set("purchaseOrderId", static_cast<Poco::Int64>(facts.document_id));
    body.set("purchaseOrderNumber", facts.document_number);
    body.set("goodsOwnerId", facts.goods_owner_id);
    body.set("webhookTemplate", "PurchaseOrderReceived");
    Poco::JSON::Object status;
    status.set("number", facts.status);
    body.set("purchaseOrderStatus", status);
  } else {
    body.set("goodsOwnerId", facts.goods_owner_id);
    Poco::JSON::Object transaction;
    // A JSON number, as Ongoing sends it; the simulator's quantities have at most 6 decimals.
    double qty = 0.0;
    Poco::NumberParser::tryParseFloat(facts.qty_change, qty);
    transaction.set("transactionNumberOfItems", qty);
    body.set("transaction", transaction);
    Poco::JSON::Object inventory;
    inventory.set("inventoryId", static_cast<Poco::Int64>(facts.inventory_id));
    body.set("inventory", inventory);
    Poco::JSON::Object article;
    article.set("articleSystemId", static_cast<Poco::Int64>(facts.document_id));
    article.set("articleNumber", facts.document_number);
    body.set("article", article);
  }
  std::ostringstream text;
  Poco::JSON::Stringifier::condense(body, text);
  return text.str();
}

std::string WebhookTimestampNow() {
  const Poco::Timestamp now;
  // Poco writes six fraction digits (%F); .NET writes seven: a tenth of a microsecond more.
  return Poco::DateTimeFormatter::format(now, "%Y-%m-%dT%H:%M:%S.%F") + "0";
}

}  // namespace wmsbridge::sim
