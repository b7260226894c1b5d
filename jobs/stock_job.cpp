#include "jobs/stock_job.h"

#include <filesystem>
#include <fstream>

#include "jobs/job_environment.h"
#include "stages/erp/stock_store.h"
#include "stages/stock/stock_sink.h"
#include "stages/stock/stock_source.h"
#include "stages/stock/stock_transform.h"

namespace wmsbridge::jobs {
namespace {

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
  JobEnvironment env(connection, options, kStockJob, logger);
  erp::StockStore store(env.db(), connection.name);
  stock::StockSource source(env.db(), store, env.client(), Places(store, connection), env.run_id(),
                            connection.wms_page_size);
  stock::StockTransform decide(Settings(connection, options));
  stock::StockSink sink(env.db(), store, env.run_id(), options.dry_run);
  JobResult result = env.Run(source, decide, sink, {});
  if (options.dry_run)
    return result;  // nothing stored: no report to write
  store.FinishRun(
      env.run_id(),
      {connection.stock_report_only ? "report-only" : "adjust", Join(StockWarehouses(connection)),
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
