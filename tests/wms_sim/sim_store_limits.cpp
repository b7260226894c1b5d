// SimStore: Ongoing's rate limits per method and client (sim_rate_limits.h) and the history of
// the calls they count.
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <chrono>

#include "tests/wms_sim/sim_db.h"
#include "tests/wms_sim/sim_store.h"

namespace wmsbridge::sim {

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Statement;

namespace {

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::vector<RateLimit> ReadLimits(Poco::Data::Session& session,
                                  std::optional<Operation> only = std::nullopt) {
  Statement select(session);
  select << "SELECT operation, kind, max_calls, window_seconds FROM sim_rate_limits "
            "ORDER BY operation, kind",
      now;
  const RecordSet rows(select);
  std::vector<RateLimit> limits;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    const auto operation = OperationFromName(TextAt(rows, row, "operation"));
    const auto kind = RateLimitKindFromName(TextAt(rows, row, "kind"));
    if (!operation || !kind || (only && *operation != *only))
      continue;
    limits.push_back({*operation, *kind, static_cast<int>(IntAt(rows, row, "max_calls")),
                      static_cast<int>(IntAt(rows, row, "window_seconds"))});
  }
  return limits;
}

}  // namespace

void SimStore::SetRateLimit(const RateLimit& limit) {
  if (limit.max_calls < 1 || limit.window_seconds < 1)
    throw SimError("a rate limit needs at least 1 call in a window of at least 1 second");
  auto session = pool_->Acquire();
  *session << "INSERT INTO sim_rate_limits (operation, kind, max_calls, window_seconds) VALUES "
              "(?, ?, ?, ?) ON CONFLICT (operation, kind) DO UPDATE SET max_calls = "
              "excluded.max_calls, window_seconds = excluded.window_seconds",
      bind(OperationName(limit.operation)), bind(RateLimitKindName(limit.kind)),
      bind(limit.max_calls), bind(limit.window_seconds), now;
}

void SimStore::ClearRateLimits() {
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  *session << "DELETE FROM sim_rate_limits", now;
  *session << "DELETE FROM sim_limited_calls", now;
  transaction.Commit();
}

std::vector<RateLimit> SimStore::RateLimits() {
  auto session = pool_->Acquire();
  return ReadLimits(*session);
}

void SimStore::SetRateLimitAnswer(RateLimitAnswer answer) {
  auto session = pool_->Acquire();
  *session << "INSERT INTO sim_settings (name, value) VALUES ('rate_limit_answer', ?) ON "
              "CONFLICT (name) DO UPDATE SET value = excluded.value",
      bind(RateLimitAnswerName(answer)), now;
}

RateLimitAnswer SimStore::CurrentRateLimitAnswer() {
  auto session = pool_->Acquire();
  std::vector<std::string> values;
  *session << "SELECT value FROM sim_settings WHERE name = 'rate_limit_answer'", into(values), now;
  return values.empty()
             ? RateLimitAnswer::kHttp429
             : RateLimitAnswerFromName(values.front()).value_or(RateLimitAnswer::kHttp429);
}

SimStore::LimitDecision SimStore::AdmitCall(Operation operation, const std::string& client) {
  LimitDecision decision;
  auto session = pool_->Acquire();
  const std::string name = OperationName(operation);
  int count = 0;
  *session << "SELECT count(*) FROM sim_rate_limits WHERE operation = ?", bind(name), into(count),
      now;
  if (count == 0)
    return decision;  // the common case stays a cheap read
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  const std::vector<RateLimit> limits = ReadLimits(*session, operation);
  int longest_window = 1;
  for (const RateLimit& limit : limits)
    longest_window = std::max(longest_window, limit.window_seconds);
  const std::int64_t at = NowMs();
  // What no window can see any more is forgotten.
  *session << "DELETE FROM sim_limited_calls WHERE operation = ? AND client = ? AND at_ms <= ?",
      bind(name), bind(client), bind(at - static_cast<std::int64_t>(longest_window) * 1000), now;
  Statement select(*session);
  select << "SELECT at_ms, failed FROM sim_limited_calls WHERE operation = ? AND client = ? "
            "ORDER BY at_ms, id",
      bind(name), bind(client), now;
  const RecordSet rows(select);
  std::vector<LimitedCall> history;
  for (std::size_t row = 0; row < rows.rowCount(); ++row)
    history.push_back({IntAt(rows, row, "at_ms"), BoolAt(rows, row, "failed")});
  decision.hit = CheckRateLimits(limits, history, at);
  if (!decision.hit) {
    *session << "INSERT INTO sim_limited_calls (operation, client, at_ms) VALUES (?, ?, ?)",
        bind(name), bind(client), bind(at), now;
    Poco::Int64 id = 0;
    *session << "SELECT last_insert_rowid()", into(id), now;
    decision.call_id = id;
  }
  transaction.Commit();
  return decision;
}

void SimStore::MarkCallFailed(std::int64_t call_id) {
  if (call_id == 0)
    return;
  auto session = pool_->Acquire();
  *session << "UPDATE sim_limited_calls SET failed = 1 WHERE id = ?",
      bind(static_cast<Poco::Int64>(call_id)), now;
}

}  // namespace wmsbridge::sim
