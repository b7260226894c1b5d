#pragma once
// The reconciliation report of one stored stock run (R25), rendered from the wms_stock_ tables
// alone, so the report of any past run renders again byte for byte:
//   CSV  - one record per article and warehouse (header first), largest differences first;
//   HTML - a self-contained page for a warehouse manager: the run, its totals, an inline SVG bar
//          chart of the largest differences and a histogram of difference sizes, the differences
//          and the articles missing on one side. Built with pugixml, so it is well-formed
//          (XML-compatible) and every text is escaped.

#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>

#include "stages/erp/stock_store.h"

namespace wmsbridge::stock {

enum class ReportFormat { kHtml, kCsv };

/// The run asked for is no stored stock run.
class NoStockRun : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The columns of the CSV, in order.
inline constexpr const char* kCsvHeader[] = {
    "warehouse", "article", "erp_quantity", "wms_quantity", "difference", "action", "reason"};

/// The HTML page lists at most this many rows per table; the CSV has them all.
inline constexpr std::size_t kHtmlRowLimit = 500;
/// Bars in the chart of the largest differences.
inline constexpr std::size_t kChartBars = 20;

/// Writes the report of `run_id`. Throws NoStockRun when the run is no stored stock run and
/// Poco::Data::DataException when the ERP database fails.
void WriteStockReport(erp::StockStore& store, std::int64_t run_id, ReportFormat format,
                      std::ostream& out);

}  // namespace wmsbridge::stock
