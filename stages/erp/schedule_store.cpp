#include "stages/erp/schedule_store.h"

#include <Poco/Data/DataException.h>

#include <vector>

#include "pipeline/clock.h"
#include "stages/erp/row_columns.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

/// A job's claimed slot (select_job_schedule.sql).
struct ScheduleRow {
  std::string last_due_at, claimed_by;
};

template <typename V>
void MapColumns(ScheduleRow& r, V& c) {
  c.Text(r.last_due_at);
  c.Text(r.claimed_by);
}

}  // namespace wmsbridge::erp

namespace Poco::Data {

template <>
class TypeHandler<wmsbridge::erp::ScheduleRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::ScheduleRow> {};

}  // namespace Poco::Data

namespace wmsbridge::erp {
namespace {

std::vector<ScheduleRow> Select(ErpDatabase& db, std::string connection_name, std::string job) {
  std::vector<ScheduleRow> rows;
  db.session() << db.Query("select_job_schedule"), use(connection_name), use(job), into(rows), now;
  return rows;
}

}  // namespace

std::optional<std::string> ScheduleStore::LastDue(const std::string& connection_name,
                                                  const std::string& job) {
  const auto rows = Select(db_, connection_name, job);
  if (rows.empty())
    return std::nullopt;
  return rows.front().last_due_at;
}

bool ScheduleStore::Claim(const std::string& connection_name, const std::string& job,
                          const std::string& due, const std::string& claimant) {
  std::string c = connection_name, j = job, d = due, who = claimant, at = pipeline::UtcNowText();
  if (Select(db_, c, j).empty()) {
    try {
      db_.session() << db_.Query("insert_job_schedule"), use(c), use(j), use(d), use(who), use(at),
          now;
    } catch (const Poco::Data::DataException&) {
      // another runner inserted first: its row decides below
    }
  } else {
    db_.session() << db_.Query("claim_job_schedule"), use(d), use(who), use(at), use(c), use(j),
        use(d), now;
  }
  const auto rows = Select(db_, c, j);
  return !rows.empty() && rows.front().last_due_at == d && rows.front().claimed_by == who;
}

void ScheduleStore::Release(const std::string& connection_name, const std::string& job,
                            const std::string& due, const std::string& claimant,
                            const std::optional<std::string>& previous) {
  std::string c = connection_name, j = job, d = due, who = claimant;
  if (previous) {
    std::string before = *previous;
    db_.session() << db_.Query("release_job_schedule"), use(before), use(c), use(j), use(d),
        use(who), now;
  } else {
    db_.session() << db_.Query("delete_job_schedule"), use(c), use(j), use(d), use(who), now;
  }
}

}  // namespace wmsbridge::erp
