// SimStore: the webhook outbox. Events are recorded in the transaction of the change they
// report (RecordWebhook); the sender of `wms-sim serve` (sim_webhook_sender.h) posts them.
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/NumberFormatter.h>
#include <Poco/NumberParser.h>

#include "tests/wms_sim/sim_db.h"
#include "tests/wms_sim/sim_store.h"
#include "tests/wms_sim/sim_store_rows.h"

namespace wmsbridge::sim {

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Statement;

namespace {

// The set-up lives in sim_settings under these names, so that a running server sees changes.
constexpr const char* kUrl = "webhook_url";
constexpr const char* kToken = "webhook_token";
constexpr const char* kRetry = "webhook_retry";
constexpr const char* kMinuteMs = "webhook_minute_ms";
constexpr const char* kTimeoutMs = "webhook_timeout_ms";
constexpr const char* kCaFile = "webhook_ca_file";

std::string Setting(Poco::Data::Session& session, const std::string& name) {
  std::vector<std::string> values;
  session << "SELECT value FROM sim_settings WHERE name = ?", into(values), bind(name), now;
  return values.empty() ? std::string() : values.front();
}

void PutSetting(Poco::Data::Session& session, const std::string& name, const std::string& value) {
  session << "INSERT INTO sim_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE "
             "SET value = excluded.value",
      bind(name), bind(value), now;
}

WebhookSettings ReadSettings(Poco::Data::Session& session) {
  WebhookSettings settings;
  settings.base_url = Setting(session, kUrl);
  settings.token = Setting(session, kToken);
  settings.retry = WebhookRetryFromName(Setting(session, kRetry)).value_or(WebhookRetry::kOneDay);
  double minute_ms = 0;
  if (Poco::NumberParser::tryParseFloat(Setting(session, kMinuteMs), minute_ms) && minute_ms > 0) {
    settings.minute_ms = minute_ms;
  }
  int timeout_ms = 0;
  if (Poco::NumberParser::tryParse(Setting(session, kTimeoutMs), timeout_ms) && timeout_ms > 0) {
    settings.timeout_ms = timeout_ms;
  }
  settings.ca_file = Setting(session, kCaFile);
  return settings;
}

std::vector<WebhookEvent> ReadEvents(Poco::Data::Session& session, const std::string& tail,
                                     const detail::Bindings& bindings) {
  const RecordSet rows =
      detail::Select(session, "SELECT * FROM sim_webhook_events " + tail, bindings);
  std::vector<WebhookEvent> events;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    WebhookEvent event;
    event.event_id = IntAt(rows, row, "event_id");
    event.kind = WebhookKindFromName(TextAt(rows, row, "kind")).value_or(WebhookKind::kOrders);
    event.goods_owner_id = static_cast<int>(IntAt(rows, row, "goods_owner_id"));
    event.document_id = IntAt(rows, row, "document_id");
    event.document_number = TextAt(rows, row, "document_number");
    event.body = TextAt(rows, row, "body");
    event.state = WebhookStateFromName(TextAt(rows, row, "state")).value_or(WebhookState::kWaiting);
    event.attempts = static_cast<int>(IntAt(rows, row, "attempts"));
    event.first_attempt_ms = IntAt(rows, row, "first_attempt_ms");
    event.last_attempt_ms = IntAt(rows, row, "last_attempt_ms");
    event.next_attempt_ms = IntAt(rows, row, "next_attempt_ms");
    event.last_answer = TextAt(rows, row, "last_answer");
    event.duplicate = BoolAt(rows, row, "duplicate");
    event.held = BoolAt(rows, row, "held");
    event.created = TextAt(rows, row, "created");
    events.push_back(std::move(event));
  }
  return events;
}

// Takes one use of the oldest webhook fault of each kind that still has uses left.
bool TakeFault(Poco::Data::Session& session, WebhookFaultKind kind) {
  std::vector<int> ids;
  session << "SELECT id FROM sim_webhook_faults WHERE kind = ? AND times_left > 0 ORDER BY id "
             "LIMIT 1",
      into(ids), bind(WebhookFaultKindName(kind)), now;
  if (ids.empty()) {
    return false;
  }
  session << "UPDATE sim_webhook_faults SET times_left = times_left - 1 WHERE id = ?",
      bind(ids.front()), now;
  session << "DELETE FROM sim_webhook_faults WHERE times_left <= 0", now;
  return true;
}

}  // namespace

namespace detail {

void RecordWebhook(Poco::Data::Session& session, WebhookFacts facts) {
  if (Setting(session, kUrl).empty()) {
    return;  // no webhook configured: Ongoing records nothing either
  }
  const bool dropped = TakeFault(session, WebhookFaultKind::kDrop);
  const bool duplicate = !dropped && TakeFault(session, WebhookFaultKind::kDuplicate);
  const bool held = !dropped && TakeFault(session, WebhookFaultKind::kReorder);
  session << "INSERT INTO sim_webhook_events (kind, goods_owner_id, document_id, "
             "document_number, body, state, duplicate, held, created) VALUES (?, ?, ?, ?, '', ?, "
             "?, ?, ?)",
      bind(WebhookKindName(facts.kind)), bind(facts.goods_owner_id),
      bind(static_cast<Poco::Int64>(facts.document_id)), bind(facts.document_number),
      bind(WebhookStateName(dropped ? WebhookState::kDropped : WebhookState::kWaiting)),
      bind(duplicate ? 1 : 0), bind(held ? 1 : 0), bind(NowStamp()), now;
  Poco::Int64 id = 0;
  session << "SELECT last_insert_rowid()", into(id), now;
  facts.event_id = id;
  facts.timestamp = WebhookTimestampNow();
  session << "UPDATE sim_webhook_events SET body = ? WHERE event_id = ?", bind(WebhookBody(facts)),
      bind(id), now;
}

}  // namespace detail

void SimStore::SetWebhookSettings(const WebhookSettings& settings) {
  if (!(settings.minute_ms > 0) || settings.timeout_ms <= 0) {
    throw SimError("webhook minute_ms and timeout_ms must be above 0");
  }
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  PutSetting(*session, kUrl, settings.base_url);
  PutSetting(*session, kToken, settings.token);
  PutSetting(*session, kRetry, WebhookRetryName(settings.retry));
  PutSetting(*session, kMinuteMs, Poco::NumberFormatter::format(settings.minute_ms));
  PutSetting(*session, kTimeoutMs, std::to_string(settings.timeout_ms));
  PutSetting(*session, kCaFile, settings.ca_file);
  transaction.Commit();
}

WebhookSettings SimStore::CurrentWebhookSettings() {
  auto session = pool_->Acquire();
  return ReadSettings(*session);
}

void SimStore::AddWebhookFault(WebhookFaultKind kind, int times) {
  if (times < 1) {
    throw SimError("--times must be at least 1");
  }
  auto session = pool_->Acquire();
  *session << "INSERT INTO sim_webhook_faults (kind, times_left) VALUES (?, ?)",
      bind(WebhookFaultKindName(kind)), bind(times), now;
}

void SimStore::ClearWebhookFaults() {
  auto session = pool_->Acquire();
  *session << "DELETE FROM sim_webhook_faults", now;
}

std::vector<std::pair<WebhookFaultKind, int>> SimStore::WebhookFaults() {
  auto session = pool_->Acquire();
  Statement select(*session);
  select << "SELECT kind, times_left FROM sim_webhook_faults ORDER BY id", now;
  const RecordSet rows(select);
  std::vector<std::pair<WebhookFaultKind, int>> faults;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    if (const auto kind = WebhookFaultKindFromName(TextAt(rows, row, "kind"))) {
      faults.emplace_back(*kind, static_cast<int>(IntAt(rows, row, "times_left")));
    }
  }
  return faults;
}

std::vector<WebhookEvent> SimStore::WebhookEvents() {
  auto session = pool_->Acquire();
  return ReadEvents(*session, "ORDER BY event_id", {});
}

std::optional<WebhookEvent> SimStore::NextDueWebhook(std::int64_t now_ms) {
  auto session = pool_->Acquire();
  auto events = ReadEvents(*session,
                           "WHERE state IN ('WAITING', 'RETRYING') AND held = 0 AND "
                           "next_attempt_ms <= ? ORDER BY event_id LIMIT 1",
                           {bind(static_cast<Poco::Int64>(now_ms))});
  if (events.empty()) {
    return std::nullopt;
  }
  return events.front();
}

void SimStore::RecordWebhookAttempt(std::int64_t event_id, bool delivered,
                                    const std::string& answer, std::int64_t at_ms) {
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  auto events =
      ReadEvents(*session, "WHERE event_id = ?", {bind(static_cast<Poco::Int64>(event_id))});
  if (events.empty()) {
    return;
  }
  const WebhookEvent& event = events.front();
  const int attempts = event.attempts + 1;
  const std::int64_t first = event.attempts == 0 ? at_ms : event.first_attempt_ms;
  WebhookState state = WebhookState::kDelivered;
  std::int64_t next = 0;
  if (!delivered) {
    const WebhookSettings settings = ReadSettings(*session);
    const auto due = NextAttemptMs(settings.retry, settings.minute_ms, attempts, first, at_ms);
    state = due ? WebhookState::kRetrying : WebhookState::kGaveUp;
    next = due.value_or(0);
  }
  *session << "UPDATE sim_webhook_events SET state = ?, attempts = ?, first_attempt_ms = ?, "
              "last_attempt_ms = ?, next_attempt_ms = ?, last_answer = ? WHERE event_id = ?",
      bind(WebhookStateName(state)), bind(attempts), bind(static_cast<Poco::Int64>(first)),
      bind(static_cast<Poco::Int64>(at_ms)), bind(static_cast<Poco::Int64>(next)), bind(answer),
      bind(static_cast<Poco::Int64>(event_id)), now;
  // The reorder fault: an event held back goes once the one after it has been sent.
  *session << "UPDATE sim_webhook_events SET held = 0 WHERE held = 1 AND event_id < ?",
      bind(static_cast<Poco::Int64>(event_id)), now;
  transaction.Commit();
}

}  // namespace wmsbridge::sim
