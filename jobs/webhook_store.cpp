#include "jobs/webhook_store.h"

#include <Poco/Data/Statement.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Nullable.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

#include <algorithm>

#include "pipeline/clock.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::jobs {

const char* WebhookKindText(WebhookKind kind) {
  switch (kind) {
    case WebhookKind::kOrder:
      return "ORDER";
    case WebhookKind::kInOrder:
      return "IN_ORDER";
    case WebhookKind::kStock:
      return "STOCK";
  }
  return "ORDER";
}

int QueueWebhookEvent(erp::ErpDatabase& db, const WebhookEvent& event) {
  std::string c = event.connection, k = WebhookKindText(event.kind), no = event.doc_no,
              received = pipeline::UtcNowText();
  Poco::Int64 id = event.wms_id;
  Poco::Nullable<Poco::Int64> ongoing_event;
  if (event.webhook_event_id)
    ongoing_event = *event.webhook_event_id;
  // Two statements, not INSERT ... SELECT (PostgreSQL would type the unbound parameters as
  // text): a retry racing the first call can add one more event for the same id, which the same
  // run applies and marks (apply is absolute, keyed by Ongoing's ids).
  Poco::Int64 waiting = 0;
  db.session() << "SELECT COUNT(*) FROM wms_webhook_events WHERE connection_name = ? AND "
                  "kind = ? AND wms_id = ? AND state = 'WAITING'",
      use(c), use(k), use(id), into(waiting), now;
  if (waiting > 0)
    return 0;
  db.session() << "INSERT INTO wms_webhook_events (connection_name, kind, wms_id, doc_no, "
                  "webhook_event_id, received_at, state, attempts) VALUES (?, ?, ?, ?, ?, ?, "
                  "'WAITING', 0)",
      use(c), use(k), use(id), use(no), use(ongoing_event), use(received), now;
  return 1;
}

std::vector<WaitingEvent> WaitingWebhookEvents(erp::ErpDatabase& db, const std::string& connection,
                                               WebhookKind kind, int limit, const std::string& at) {
  std::string c = connection, k = WebhookKindText(kind),
              t = at.empty() ? "9999-12-31 00:00:00" : at;
  std::vector<Poco::Int64> ids, wms_ids;
  std::vector<int> attempts;
  db.session() << "SELECT event_id, wms_id, attempts FROM wms_webhook_events WHERE "
                  "connection_name = ? AND kind = ? AND state = 'WAITING' AND "
                  "(next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY event_id",
      use(c), use(k), use(t), into(ids), into(wms_ids), into(attempts), now;
  std::vector<WaitingEvent> out;
  for (std::size_t i = 0; i < ids.size() && out.size() < static_cast<std::size_t>(limit); ++i)
    out.push_back({ids[i], wms_ids[i], attempts[i]});
  return out;
}

void MarkWebhookEventsDone(erp::ErpDatabase& db, const std::vector<WaitingEvent>& events,
                           std::int64_t run_id) {
  std::string done = pipeline::UtcNowText();
  Poco::Nullable<Poco::Int64> run;
  if (run_id != 0)
    run = run_id;
  for (const WaitingEvent& e : events) {
    Poco::Int64 id = e.event_id;
    db.session() << "UPDATE wms_webhook_events SET state = 'DONE', done_at = ?, run_id = ?, "
                    "last_error = NULL WHERE event_id = ? AND state = 'WAITING'",
        use(done), use(run), use(id), now;
  }
}

void MarkWebhookAttemptFailed(erp::ErpDatabase& db, const std::vector<WaitingEvent>& events,
                              const std::string& error) {
  Poco::UTF16String reason = erp::LongText(error);
  for (const WaitingEvent& e : events) {
    Poco::Int64 id = e.event_id;
    int max = kMaxWebhookAttempts;
    const auto back_off = std::min<std::int64_t>(std::int64_t{5} << std::min(e.attempts, 20), 600);
    Poco::Timestamp next;
    next += Poco::Timespan(back_off, 0);
    std::string next_text = Poco::DateTimeFormatter::format(next, "%Y-%m-%d %H:%M:%S");
    db.session() << "UPDATE wms_webhook_events SET attempts = attempts + 1, last_error = ?, "
                    "next_attempt_at = ?, "
                    "state = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'WAITING' END "
                    "WHERE event_id = ? AND state = 'WAITING'",
        use(reason), use(next_text), use(max), use(id), now;
  }
}

std::int64_t MarkStockEventsDone(erp::ErpDatabase& db, const std::string& connection,
                                 const std::string& until, std::int64_t run_id) {
  std::string c = connection, u = until, done = pipeline::UtcNowText();
  Poco::Int64 run = run_id;
  Poco::Data::Statement update(db.session());
  update << "UPDATE wms_webhook_events SET state = 'DONE', done_at = ?, run_id = ? WHERE "
            "connection_name = ? AND kind = 'STOCK' AND state = 'WAITING' AND received_at <= ?",
      use(done), use(run), use(c), use(u);
  return static_cast<std::int64_t>(update.execute());
}

WebhookCounts CountWebhookEvents(erp::ErpDatabase& db, const std::string& connection) {
  WebhookCounts counts;
  std::string c = connection;
  Poco::Nullable<std::string> last;
  Poco::Int64 waiting = 0, failed = 0;
  db.session() << "SELECT MAX(received_at) FROM wms_webhook_events WHERE connection_name = ?",
      use(c), into(last), now;
  db.session() << "SELECT COUNT(*) FROM wms_webhook_events WHERE connection_name = ? AND "
                  "state = 'WAITING'",
      use(c), into(waiting), now;
  db.session() << "SELECT COUNT(*) FROM wms_webhook_events WHERE connection_name = ? AND "
                  "state = 'FAILED'",
      use(c), into(failed), now;
  if (!last.isNull())
    counts.last_received_at = last.value();
  counts.waiting = waiting;
  counts.failed = failed;
  return counts;
}

}  // namespace wmsbridge::jobs
