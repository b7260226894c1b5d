#include "jobs/job_status.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>

#include "jobs/article_job.h"
#include "jobs/exit_codes.h"
#include "jobs/job_definitions.h"
#include "jobs/order_jobs.h"
#include "jobs/readback_jobs.h"
#include "jobs/scheduled_jobs.h"
#include "jobs/stock_job.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/stock_store.h"

namespace wmsbridge::jobs {
namespace {

// What a job of the list writes: its wms_run.job, and the doc_type of its documents in
// wms_sync_state ("" when it keeps none). test_job_status checks that every job has an entry.
struct RunNames {
  const char* run_job;
  const char* doc_type;
};

std::optional<RunNames> NamesOf(const std::string& job) {
  if (job == "articles")
    return RunNames{kArticleJob, "article"};
  if (job == "customer-orders")
    return RunNames{kCustomerOrderJob, "customer_order"};
  if (job == "purchase-orders")
    return RunNames{kPurchaseOrderJob, "purchase_order"};
  if (job == "internal-orders")
    return RunNames{kInternalOrderJob, "internal_order"};
  if (job == "deliveries")
    return RunNames{kDeliveryJob, ""};
  if (job == "receipts")
    return RunNames{kReceiptJob, ""};
  if (job == "stock")
    return RunNames{kStockJob, ""};
  return std::nullopt;
}

std::optional<Poco::Timestamp> ParseUtc(const std::optional<std::string>& text) {
  if (!text)
    return std::nullopt;
  int tz = 0;
  Poco::DateTime at;
  if (!Poco::DateTimeParser::tryParse("%Y-%m-%d %H:%M:%S", *text, at, tz))
    return std::nullopt;
  return at.timestamp();
}

}  // namespace

const char* JobStateText(JobState state) {
  switch (state) {
    case JobState::kOk:
      return "ok";
    case JobState::kStale:
      return "STALE";
    case JobState::kOff:
      return "off";
    case JobState::kUnknown:
      return "unknown";
  }
  return "unknown";
}

bool IsStale(const Schedule& schedule, const stages::TimeZone& zone, const Poco::Timestamp& now,
             const std::optional<Poco::Timestamp>& last_success) {
  const Poco::Timespan grace(static_cast<long>(kStaleGrace.count()) * 60, 0);
  const auto slot = LatestSlot(schedule, zone, now - grace);
  if (!slot)
    return false;  // off, or no slot in the last 8 days
  return !last_success || *last_success < *slot;
}

std::vector<JobStatus> CollectStatus(const AppConfig& app,
                                     const std::vector<const ConnectionConfig*>& connections,
                                     const Poco::Timestamp& at) {
  std::vector<JobStatus> rows;
  for (const ConnectionConfig* c : connections) {
    const std::vector<ScheduledJob> scheduled = ScheduledJobs(*c);
    const std::size_t first = rows.size();
    try {
      erp::ErpDatabase db(c->erp_odbc, app.sql_dir);
      erp::RunStore runs(db);
      std::optional<std::int64_t> flagged;
      for (const ScheduledJob& s : scheduled) {
        JobStatus row;
        row.connection = c->name;
        row.job = s.key;
        const auto names = NamesOf(s.job->name);
        const std::string run_job = names ? names->run_job : s.job->name;
        const std::string mode = s.full ? "full" : "";
        row.last_run = runs.LastRun(c->name, run_job, mode);
        const auto success = runs.LastSuccessStart(c->name, run_job, mode);
        row.last_success = success.value_or("");
        const bool switched_off =
            s.job->automatic == &ConnectionConfig::export_articles && !(c->*s.job->automatic);
        if (!s.schedule.enabled || switched_off) {
          row.state = JobState::kOff;
        } else {
          row.next_due = NextSlot(s.schedule, app.time_zone, at);
          row.state = IsStale(s.schedule, app.time_zone, at, ParseUtc(success)) ? JobState::kStale
                                                                                : JobState::kOk;
        }
        if (names && *names->doc_type != '\0' && !s.full) {
          Poco::Int64 count = 0;
          std::string connection = c->name, doc_type = names->doc_type;
          using namespace Poco::Data::Keywords;
          db.session() << db.Query("count_error_documents"), use(connection), use(doc_type),
              into(count), now;
          row.error_documents = count;
        }
        if (s.job->name == "stock") {
          erp::StockStore stock(db, c->name);
          if (const auto latest = stock.LatestRun(c->name)) {
            if (const auto run = stock.Run(*latest))
              flagged = std::stoll(run->flagged.empty() ? "0" : run->flagged);
          }
          row.flagged = flagged.value_or(0);
        }
        rows.push_back(std::move(row));
      }
    } catch (const std::exception& e) {
      rows.resize(first);
      const CommandFailure failure = FailureOf(e);
      for (const ScheduledJob& s : scheduled) {
        JobStatus row;
        row.connection = c->name;
        row.job = s.key;
        row.state = JobState::kUnknown;
        row.problem = failure.message;
        rows.push_back(std::move(row));
      }
    }
  }
  return rows;
}

int StatusExitCode(const std::vector<JobStatus>& rows) {
  int code = 0;
  for (const JobStatus& row : rows) {
    if (row.state == JobState::kStale)
      return kExitStale;
    if (row.state == JobState::kUnknown)
      code = 74;  // EXIT_IOERR: the connection's ERP database could not be read
  }
  return code;
}

}  // namespace wmsbridge::jobs
