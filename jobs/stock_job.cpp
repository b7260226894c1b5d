#include "jobs/stock_job.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>

#include <filesystem>
#include <fstream>

#include "jobs/job_environment.h"
#include "jobs/webhook_store.h"
#include "pipeline/clock.h"
#include "stages/erp/stock_store.h"
#include "stages/erp/sync_state_store.h"
#include "stages/stock/stock_sink.h"
#include "stages/stock/stock_source.h"
#include "stages/stock/stock_transform.h"

namespace wmsbridge::jobs {
namespace {

// Where the start of the last completed full stock comparison is kept (wms_watermark, UTC).
constexpr const char* kFullStockMark = "stock:full";

// Whether this run compares everything: always with stock.full_comparison_hours = 0, on
// --full, and when the last completed full comparison started `hours` ago or more (or never).
// Otherwise it is an intra-day run over Ongoing's change feed (docs/stock-job.md).
bool FullStockComparison(erp::ErpDatabase& db, const ConnectionConfig& c, bool full,
                         const std::string& now) {
  if (full || c.stock_full_comparison_hours <= 0)
    return true;
  const auto last = erp::SyncStateStore(db, c.name).Watermark(kFullStockMark);
  if (!last)
    return true;
  Poco::DateTime due;
  int tz = 0;
  if (!Poco::DateTimeParser::tryParse("%Y-%m-%d %H:%M:%S", *last, due, tz))
    return true;  // unreadable: compare everything rather than trust it
  due += Poco::Timespan(c.stock_full_comparison_hours * Poco::Timespan::HOURS);
  return Poco::DateTimeFormatter::format(due, "%Y-%m-%d %H:%M:%S") <= now;
}

// Acknowledges every applied change to Ongoing (SetInventoryChangesToReported), forgetting each
// once Ongoing has taken it. After the ERP commits, never before: a crash in between leaves the
// change applied and unacknowledged, and the next run skips it by id and acknowledges it then.
// A WMS error stops the acknowledging (logged); the rest waits for the next run.
std::size_t AcknowledgeChanges(erp::StockStore& store, wms::WmsClient& client,
                               const ConnectionConfig& c, Poco::Logger& logger) {
  std::size_t done = 0;
  try {
    while (true) {
      const auto page = store.AppliedChanges(static_cast<std::size_t>(c.batch_size));
      if (page.empty())
        break;
      for (const auto& [article, inventory] : page) {
        client.SetInventoryChangeReported(article, inventory);
        store.ForgetChange(article, inventory);
        ++done;
      }
    }
  } catch (const wms::WmsError& e) {
    logger.warning(
        "connection %s: stock changes applied but not yet acknowledged to Ongoing "
        "(the next run does): %s",
        c.name, std::string(e.what()));
  }
  return done;
}

// The warehouses compared: stock.warehouses, by default every connected one.
const std::vector<std::string>& StockWarehouses(const ConnectionConfig& c) {
  return c.stock_warehouses.empty() ? c.warehouses : c.stock_warehouses;
}

std::vector<stock::StockPlace> Places(erp::StockStore& store, const ConnectionConfig& c) {
  std::vector<stock::StockPlace> places;
  const std::vector<erp::StockWarehouse> all = store.Warehouses();
  for (const std::string& code : StockWarehouses(c)) {
    for (const erp::StockWarehouse& w : all) {
      if (w.code != code)
        continue;
      const auto mapped = c.wms_warehouse_codes.find(code);
      places.push_back({w, mapped == c.wms_warehouse_codes.end() ? code : mapped->second});
    }
  }
  return places;
}

stock::StockSettings Settings(const ConnectionConfig& c, const JobOptions& options) {
  stock::StockSettings s;
  s.report_only = c.stock_report_only || options.dry_run;
  if (!c.stock_threshold_units.empty())
    s.threshold_units = wms::Decimal::Parse(c.stock_threshold_units);
  if (!c.stock_threshold_percent.empty())
    s.threshold_percent = wms::Decimal::Parse(c.stock_threshold_percent);
  return s;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items)
    out += (out.empty() ? "" : ",") + i;
  return out;
}

void WriteFile(erp::StockStore& store, std::int64_t run_id, stock::ReportFormat format,
               const std::string& path) {
  const std::string partial = path + ".part";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out)
      throw std::runtime_error("cannot write " + partial);
    stock::WriteStockReport(store, run_id, format, out);
    out.flush();
    if (!out)
      throw std::runtime_error("cannot write " + partial);
  }
  std::filesystem::rename(partial, path);  // a reader never sees half a report
}

}  // namespace

std::string StockReportPath(const ConnectionConfig& connection, stock::ReportFormat format) {
  const std::string dir = connection.stock_report_dir.empty() ? "." : connection.stock_report_dir;
  return (std::filesystem::path(dir) /
          ("stock-" + connection.name + (format == stock::ReportFormat::kCsv ? ".csv" : ".html")))
      .string();
}

JobResult RunStockJob(const ConnectionConfig& connection, const JobOptions& options,
                      Poco::Logger& logger) {
  const std::string started = pipeline::UtcNowText();
  JobOptions effective = options;
  // Decided in the preflight, before the run row records its mode ("full" / "incremental").
  JobEnvironment env(connection, effective, kStockJob, logger, [&](erp::ErpDatabase& db) {
    effective.full = FullStockComparison(db, connection, options.full, started);
  });
  erp::StockStore store(env.db(), connection.name);
  const bool feed = connection.stock_full_comparison_hours > 0;
  const bool changes_only = feed && !effective.full;
  stock::StockSource source(
      env.db(), store, env.client(), Places(store, connection), env.run_id(),
      connection.wms_page_size,
      !feed ? stock::StockFeed::kUnused
            : (changes_only ? stock::StockFeed::kChangesOnly : stock::StockFeed::kTakenUp));
  stock::StockTransform decide(Settings(connection, options));
  stock::StockSink sink(env.db(), store, env.run_id(), options.dry_run, feed);
  JobResult result = env.Run(source, decide, sink, {});
  if (options.dry_run)
    return result;  // nothing stored, nothing acknowledged: no report to write
  const bool completed = result.status == pipeline::RunStatus::kCompleted ||
                         result.status == pipeline::RunStatus::kCompletedWithRejects;
  if (completed && feed)
    store.ApplyRemainingChanges(env.run_id());  // pairs with nothing to compare
  if (completed && !changes_only)
    erp::SyncStateStore(env.db(), connection.name).SetWatermark(kFullStockMark, started);
  // Inventory webhooks (R34) received before this run started are applied by it: done.
  if (completed && connection.webhooks)
    MarkStockEventsDone(env.db(), connection.name, started, env.run_id());
  const std::size_t acknowledged = AcknowledgeChanges(store, env.client(), connection, logger);
  if (changes_only) {
    logger.information(
        "connection %s: stock changes only: %s changes taken up, %s articles "
        "read again, %s changes acknowledged to Ongoing",
        connection.name, std::to_string(source.changes()), std::to_string(source.wms_articles()),
        std::to_string(acknowledged));
  }
  const std::string mode = connection.stock_report_only ? "report-only" : "adjust";
  store.FinishRun(
      env.run_id(),
      {changes_only ? mode + " (changes only)" : mode, Join(StockWarehouses(connection)),
       connection.stock_threshold_units, connection.stock_threshold_percent});
  const auto run = store.Run(env.run_id());
  if (run) {
    logger.information(
        "connection %s: stock run %s: %s compared, %s equal, %s adjusted, %s flagged, %s not "
        "adjusted (report-only), %s only in ERP, %s only in WMS; %s units of difference",
        connection.name, run->run_id, run->compared, run->equal, run->adjusted, run->flagged,
        run->report_only, run->only_in_erp, run->only_in_wms, run->abs_difference);
  }
  for (const auto format : {stock::ReportFormat::kHtml, stock::ReportFormat::kCsv}) {
    const std::string path = StockReportPath(connection, format);
    WriteFile(store, env.run_id(), format, path);
    logger.information("connection %s: stock report written to %s", connection.name, path);
  }
  return result;
}

std::int64_t WriteStockReport(const ConnectionConfig& connection, const std::string& sql_dir,
                              std::optional<std::int64_t> run_id, stock::ReportFormat format,
                              std::ostream& out) {
  erp::ErpDatabase db(connection.erp_odbc, sql_dir);
  erp::StockStore store(db, connection.name);
  if (!run_id)
    run_id = store.LatestRun(connection.name);
  if (!run_id)
    throw stock::NoStockRun("connection " + connection.name + " has no stock run yet");
  stock::WriteStockReport(store, *run_id, format, out);
  return *run_id;
}

std::string StockStatusLine(const ConnectionConfig& connection, const std::string& sql_dir) {
  erp::ErpDatabase db(connection.erp_odbc, sql_dir);
  erp::StockStore store(db, connection.name);
  const auto latest = store.LatestRun(connection.name);
  if (!latest)
    return "";
  const auto run = store.Run(*latest);
  if (!run)
    return "";
  return "stock " + connection.name + ": run " + run->run_id + " (" + run->mode +
         "): " + run->compared + " compared, " + run->equal + " equal, " + run->adjusted +
         " adjusted, " + run->flagged + " FLAGGED for a person, " + run->report_only +
         " not adjusted (report-only), " + run->only_in_erp + " only in ERP, " + run->only_in_wms +
         " only in WMS";
}

}  // namespace wmsbridge::jobs
