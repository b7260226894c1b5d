#pragma once
// The stock job (R25, docs/stock-job.md): Ongoing's stock per article and warehouse compared
// with the ERP's stock_balance; differences set to Ongoing's figure (with a journal) unless the
// connection is report-only or the difference is above its threshold; the reconciliation report
// of every run stored in wms_stock_ tables and written as HTML and CSV.

#include <Poco/Logger.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"
#include "stages/stock/stock_report.h"

namespace wmsbridge::jobs {

inline constexpr const char* kStockJob = "stock";

/// Runs the stock job once and writes the run's report to the connection's stock_report_dir
/// (stock-NAME.html and stock-NAME.csv, the latest run's). Throws erp::JobAlreadyRunning,
/// Poco::Exception (ERP database); a WMS that cannot be read aborts the run (status kAborted,
/// wms_error set), and nothing is adjusted then.
JobResult RunStockJob(const ConnectionConfig& connection, const JobOptions& options,
                      Poco::Logger& logger);

/// Writes the stored report of `run_id` (nullopt: the connection's latest stock run). Returns
/// the run written. Throws stock::NoStockRun when there is none, Poco::Exception (ERP database).
std::int64_t WriteStockReport(const ConnectionConfig& connection, const std::string& sql_dir,
                              std::optional<std::int64_t> run_id, stock::ReportFormat format,
                              std::ostream& out);

/// The report file a run of `connection` writes in `format`. Never throws but std::bad_alloc.
std::string StockReportPath(const ConnectionConfig& connection, stock::ReportFormat format);

/// One line of the latest stock run's totals for `status` ("" when there is none). Throws
/// Poco::Exception (ERP database).
std::string StockStatusLine(const ConnectionConfig& connection, const std::string& sql_dir);

}  // namespace wmsbridge::jobs
