#include "jobs/webhook_status.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>

#include "jobs/webhook_store.h"
#include "stages/erp/erp_database.h"

namespace wmsbridge::jobs {
namespace {

std::string Local(const std::string& utc, const stages::TimeZone& zone) {
  int tz = 0;
  Poco::DateTime at;
  if (utc.empty() || !Poco::DateTimeParser::tryParse("%Y-%m-%d %H:%M:%S", utc, at, tz))
    return utc;
  return Poco::DateTimeFormatter::format(zone.ToLocal(at.timestamp()), "%Y-%m-%d %H:%M:%S");
}

}  // namespace

StatusTable WebhookTable(const AppConfig& app,
                         const std::vector<const ConnectionConfig*>& connections, bool for_person) {
  StatusTable table;
  if (for_person) {
    table.columns = {{"connection"}, {"last webhook"}, {"waiting"}, {"failed"}, {"problem"}};
  } else {
    table.columns = {{"connection"},
                     {"last_webhook_at"},
                     {"webhooks_waiting", true},
                     {"webhooks_failed", true},
                     {"problem"}};
  }
  for (const ConnectionConfig* c : connections) {
    if (!c->webhooks)
      continue;
    try {
      erp::ErpDatabase db(c->erp_odbc, app.sql_dir);
      const WebhookCounts counts = CountWebhookEvents(db, c->name);
      table.rows.push_back(
          {c->name,
           for_person ? Local(counts.last_received_at, app.time_zone) : counts.last_received_at,
           std::to_string(counts.waiting), std::to_string(counts.failed), ""});
    } catch (const std::exception& e) {
      table.rows.push_back({c->name, "", "", "", e.what()});
    }
  }
  return table;
}

}  // namespace wmsbridge::jobs
