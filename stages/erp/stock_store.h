#pragma once
// Every statement of the stock job (R25, docs/stock-job.md): Ongoing's stock staged in
// wms_stock_snapshot, the comparison with stock_balance page by page, the adjustment with its
// journal row, and the stored reconciliation report (wms_stock_report, wms_stock_run). The
// statements are sql/queries/*.sql; rows are mapped by the TypeHandlers below.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "stages/erp/erp_database.h"
#include "stages/erp/row_columns.h"

namespace wmsbridge::erp {

/// An ERP warehouse the stock job compares.
struct StockWarehouse {
  std::string warehouse_id;
  std::string code;
};

/// One article of one warehouse as both sides hold it (compare_stock_page.sql); quantities as
/// decimal text, "" when that side has no row.
struct StockComparisonRow {
  std::string article_no;
  bool article_known = false;  // the ERP's article table has it
  bool erp_present = false;    // stock_balance has the row
  std::string erp_quantity;
  bool wms_present = false;  // Ongoing reported the article (in any warehouse)
  std::string wms_quantity;
};

/// One stored line of a run's report (select_stock_report_lines.sql).
struct StockReportLine {
  std::string warehouse_code, article_no, erp_quantity, wms_quantity, difference, action, reason;
  std::string abs_difference;  // the paging key, with warehouse_code and article_no
};

/// The head of a run's report (select_stock_run.sql).
struct StockRunRow {
  std::string run_id, connection_name, started_at, finished_at, status, mode, warehouses,
      threshold_units, threshold_percent, compared, equal, adjusted, flagged, report_only,
      only_in_erp, only_in_wms, abs_difference;
};

/// The settings a run's head records.
struct StockRunSettings {
  std::string mode;  // "adjust" or "report-only"
  std::string warehouses;
  std::string threshold_units, threshold_percent;  // "" when not set
};

class StockStore {
 public:
  StockStore(ErpDatabase& db, std::string connection_name)
      : db_(db), connection_(std::move(connection_name)) {}

  /// The ERP's warehouses with a code. Throws Poco::Data::DataException.
  std::vector<StockWarehouse> Warehouses();

  // --- Ongoing's side, staged ------------------------------------------------------------------
  /// Forgets the connection's earlier snapshot. Throws Poco::Data::DataException.
  void ClearSnapshot();
  /// Stages Ongoing's quantity of one article in one warehouse (call inside a transaction per
  /// page). Throws Poco::Data::DataException.
  void AddSnapshot(std::int64_t run_id, const std::string& warehouse_id,
                   const std::string& article_no, const std::string& quantity);

  // --- The comparison ----------------------------------------------------------------------
  /// Up to `max_rows` articles of one warehouse after `after_article` in article order, both
  /// sides side by side, SERVICE articles left out. Throws Poco::Data::DataException.
  std::vector<StockComparisonRow> ComparePage(const std::string& warehouse_id,
                                              const std::string& after_article,
                                              std::size_t max_rows);
  /// As ComparePage, but only the articles staged in wms_stock_snapshot (an intra-day run:
  /// those Ongoing's change feed named). Throws Poco::Data::DataException.
  std::vector<StockComparisonRow> CompareChangedPage(const std::string& warehouse_id,
                                                     const std::string& after_article,
                                                     std::size_t max_rows);

  // --- Ongoing's change feed (wms_stock_change; docs/stock-job.md "Intra-day runs") ---------
  /// Forgets changes an earlier run took up but did not apply. Throws Poco::Data::DataException.
  void ClearPendingChanges();
  /// Whether the change is already applied (after ClearPendingChanges). Throws
  /// Poco::Data::DataException.
  bool ChangeApplied(int article_system_id, int inventory_id);
  /// Takes up a change; `warehouse_id` "" (applied at once) for a warehouse not compared.
  /// Throws Poco::Data::DataException.
  void AddChange(std::int64_t run_id, int article_system_id, int inventory_id,
                 const std::string& article_no, const std::string& warehouse_id);
  /// The pair's changes are applied (call in the pair's transaction). Throws
  /// Poco::Data::DataException.
  void ApplyChanges(const std::string& warehouse_id, const std::string& article_no);
  /// Every change `run_id` took up is applied (after the run completed). Throws
  /// Poco::Data::DataException.
  void ApplyRemainingChanges(std::int64_t run_id);
  /// Up to `max_rows` applied changes not yet acknowledged to Ongoing: (article system id,
  /// inventory id). Throws Poco::Data::DataException.
  std::vector<std::pair<int, int>> AppliedChanges(std::size_t max_rows);
  /// Ongoing has taken the acknowledgement: the change is forgotten. Throws
  /// Poco::Data::DataException.
  void ForgetChange(int article_system_id, int inventory_id);

  // --- Writes (the sink; an adjustment and its journal row in one transaction) --------------
  /// Sets stock_balance to `after` (inserting the row when `before` is nullopt) and journals
  /// the change. Throws Poco::Data::DataException.
  void Adjust(std::int64_t run_id, const StockWarehouse& warehouse, const std::string& article_no,
              const std::optional<std::string>& before, const std::string& after,
              const std::string& difference, const std::string& at);
  /// Stores one line of the run's report. Throws Poco::Data::DataException.
  void AddReportLine(std::int64_t run_id, const std::string& warehouse_code,
                     const std::string& article_no, const std::string& erp_quantity,
                     const std::string& wms_quantity, const std::string& difference,
                     const std::string& abs_difference, const std::string& action,
                     const std::string& reason);
  /// Writes the run's head, its totals counted from its report lines. Throws
  /// Poco::Data::DataException.
  void FinishRun(std::int64_t run_id, const StockRunSettings& settings);

  // --- The stored report -------------------------------------------------------------------
  /// The latest stock run of `connection_name` ("" = of any connection). Throws
  /// Poco::Data::DataException.
  std::optional<std::int64_t> LatestRun(const std::string& connection_name);
  /// A run's head, nullopt when the run is no stock run. Throws Poco::Data::DataException.
  std::optional<StockRunRow> Run(std::int64_t run_id);
  /// A page of a run's lines, largest differences first: the first page when `after` is null,
  /// else the lines after that one (keyset paging). Throws Poco::Data::DataException.
  std::vector<StockReportLine> ReportLines(std::int64_t run_id, const StockReportLine* after,
                                           std::size_t max_rows);

 private:
  ErpDatabase& db_;
  std::string connection_;
};

template <typename V>
void MapColumns(StockComparisonRow& r, V& c) {
  c.Text(r.article_no);
  c.Flag(r.article_known);
  c.Flag(r.erp_present);
  c.Text(r.erp_quantity);
  c.Flag(r.wms_present);
  c.Text(r.wms_quantity);
}

template <typename V>
void MapColumns(StockWarehouse& r, V& c) {
  c.Text(r.warehouse_id);
  c.Text(r.code);
}

template <typename V>
void MapColumns(StockReportLine& r, V& c) {
  c.Text(r.warehouse_code);
  c.Text(r.article_no);
  c.Text(r.erp_quantity);
  c.Text(r.wms_quantity);
  c.Text(r.difference);
  c.Text(r.action);
  c.Text(r.reason);
  c.Text(r.abs_difference);
}

template <typename V>
void MapColumns(StockRunRow& r, V& c) {
  for (std::string* field :
       {&r.run_id, &r.connection_name, &r.started_at, &r.finished_at, &r.status, &r.mode,
        &r.warehouses, &r.threshold_units, &r.threshold_percent, &r.compared, &r.equal, &r.adjusted,
        &r.flagged, &r.report_only, &r.only_in_erp, &r.only_in_wms, &r.abs_difference}) {
    c.Text(*field);
  }
}

}  // namespace wmsbridge::erp

namespace Poco::Data {

template <>
class TypeHandler<wmsbridge::erp::StockComparisonRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::StockComparisonRow> {};
template <>
class TypeHandler<wmsbridge::erp::StockWarehouse>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::StockWarehouse> {};
template <>
class TypeHandler<wmsbridge::erp::StockReportLine>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::StockReportLine> {};
template <>
class TypeHandler<wmsbridge::erp::StockRunRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::StockRunRow> {};

}  // namespace Poco::Data
