#include "stages/erp/stock_store.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

std::vector<StockWarehouse> StockStore::Warehouses() {
  std::vector<StockWarehouse> rows;
  db_.session() << db_.Query("select_stock_warehouses"), into(rows), now;
  return rows;
}

void StockStore::ClearSnapshot() {
  std::string connection = connection_;
  db_.session() << db_.Query("delete_stock_snapshot"), use(connection), now;
}

void StockStore::AddSnapshot(std::int64_t run_id, const std::string& warehouse_id,
                             const std::string& article_no, const std::string& quantity) {
  std::string connection = connection_, warehouse = warehouse_id, article = article_no,
              qty = quantity;
  Poco::Int64 run = run_id;
  db_.session() << db_.Query("insert_stock_snapshot"), use(connection), use(run), use(warehouse),
      use(article), use(qty), now;
}

std::vector<StockComparisonRow> StockStore::ComparePage(const std::string& warehouse_id,
                                                        const std::string& after_article,
                                                        std::size_t max_rows) {
  std::vector<StockComparisonRow> rows;
  std::string w1 = warehouse_id, w2 = warehouse_id, w3 = warehouse_id, w4 = warehouse_id;
  std::string a1 = after_article, a2 = after_article;
  std::string c1 = connection_, c2 = connection_;
  int limit = static_cast<int>(max_rows);
  db_.session() << db_.Query("compare_stock_page"), use(w1), use(a1), use(c1), use(w2), use(a2),
      use(limit), use(w3), use(c2), use(w4), into(rows), now;
  return rows;
}

std::vector<StockComparisonRow> StockStore::CompareChangedPage(const std::string& warehouse_id,
                                                               const std::string& after_article,
                                                               std::size_t max_rows) {
  std::vector<StockComparisonRow> rows;
  std::string w1 = warehouse_id, w2 = warehouse_id, w3 = warehouse_id, a1 = after_article;
  std::string c1 = connection_, c2 = connection_;
  int limit = static_cast<int>(max_rows);
  db_.session() << db_.Query("compare_stock_changed_page"), use(c1), use(w1), use(a1), use(limit),
      use(w2), use(c2), use(w3), into(rows), now;
  return rows;
}

void StockStore::ClearPendingChanges() {
  std::string connection = connection_;
  db_.session() << db_.Query("delete_pending_stock_changes"), use(connection), now;
}

bool StockStore::ChangeApplied(int article_system_id, int inventory_id) {
  std::string connection = connection_;
  int article = article_system_id, inventory = inventory_id;
  std::vector<std::string> found;
  db_.session() << db_.Query("select_stock_change"), use(connection), use(article), use(inventory),
      into(found), now;
  return !found.empty();
}

void StockStore::AddChange(std::int64_t run_id, int article_system_id, int inventory_id,
                           const std::string& article_no, const std::string& warehouse_id) {
  std::string connection = connection_, article_number = article_no, warehouse = warehouse_id;
  int article = article_system_id, inventory = inventory_id, applied = warehouse_id.empty() ? 1 : 0;
  Poco::Int64 run = run_id;
  db_.session() << db_.Query("insert_stock_change"), use(connection), use(article), use(inventory),
      use(article_number), use(warehouse), use(run), use(applied), now;
}

void StockStore::ApplyChanges(const std::string& warehouse_id, const std::string& article_no) {
  std::string connection = connection_, warehouse = warehouse_id, article = article_no;
  db_.session() << db_.Query("apply_stock_changes"), use(connection), use(warehouse), use(article),
      now;
}

void StockStore::ApplyRemainingChanges(std::int64_t run_id) {
  std::string connection = connection_;
  Poco::Int64 run = run_id;
  db_.session() << db_.Query("apply_remaining_stock_changes"), use(connection), use(run), now;
}

std::vector<std::pair<int, int>> StockStore::AppliedChanges(std::size_t max_rows) {
  std::string connection = connection_;
  int limit = static_cast<int>(max_rows);
  std::vector<std::string> articles, inventories;
  db_.session() << db_.Query("select_applied_stock_changes"), use(connection), use(limit),
      into(articles), into(inventories), now;
  std::vector<std::pair<int, int>> changes;
  for (std::size_t i = 0; i < articles.size() && i < inventories.size(); ++i)
    changes.emplace_back(std::stoi(articles[i]), std::stoi(inventories[i]));
  return changes;
}

void StockStore::ForgetChange(int article_system_id, int inventory_id) {
  std::string connection = connection_;
  int article = article_system_id, inventory = inventory_id;
  db_.session() << db_.Query("delete_stock_change"), use(connection), use(article), use(inventory),
      now;
}

void StockStore::Adjust(std::int64_t run_id, const StockWarehouse& warehouse,
                        const std::string& article_no, const std::optional<std::string>& before,
                        const std::string& after, const std::string& difference,
                        const std::string& at) {
  std::string article = article_no, id = warehouse.warehouse_id, qty = after, stamp = at;
  if (before) {
    db_.session() << db_.Query("update_stock_balance"), use(qty), use(stamp), use(article), use(id),
        now;
  } else {
    db_.session() << db_.Query("insert_stock_balance"), use(article), use(id), use(qty), use(stamp),
        now;
  }
  Poco::Int64 run = run_id;
  std::string connection = connection_, code = warehouse.code, was = before.value_or(""),
              diff = difference;
  db_.session() << db_.Query("insert_stock_journal"), use(run), use(connection), use(article),
      use(id), use(code), use(was), use(qty), use(diff), use(stamp), now;
}

void StockStore::AddReportLine(std::int64_t run_id, const std::string& warehouse_code,
                               const std::string& article_no, const std::string& erp_quantity,
                               const std::string& wms_quantity, const std::string& difference,
                               const std::string& abs_difference, const std::string& action,
                               const std::string& reason) {
  Poco::Int64 run = run_id;
  std::string code = warehouse_code, article = article_no, erp = erp_quantity, wms = wms_quantity,
              diff = difference, size = abs_difference, act = action;
  Poco::UTF16String why = LongText(reason);
  db_.session() << db_.Query("insert_stock_report_line"), use(run), use(code), use(article),
      use(erp), use(wms), use(diff), use(size), use(act), use(why), now;
}

void StockStore::FinishRun(std::int64_t run_id, const StockRunSettings& settings) {
  Poco::Int64 run = run_id, again = run_id;
  std::string connection = connection_, mode = settings.mode, warehouses = settings.warehouses,
              units = settings.threshold_units, percent = settings.threshold_percent;
  db_.session() << db_.Query("insert_stock_run"), use(run), use(connection), use(mode),
      use(warehouses), use(units), use(percent), use(again), now;
}

std::optional<std::int64_t> StockStore::LatestRun(const std::string& connection_name) {
  std::string c1 = connection_name, c2 = connection_name;
  std::vector<Text> found;
  db_.session() << db_.Query("select_latest_stock_run"), use(c1), use(c2), into(found), now;
  if (found.empty() || Value(found.front()).empty())
    return std::nullopt;
  return std::stoll(Value(found.front()));
}

std::optional<StockRunRow> StockStore::Run(std::int64_t run_id) {
  Poco::Int64 run = run_id;
  std::vector<StockRunRow> rows;
  db_.session() << db_.Query("select_stock_run"), use(run), into(rows), now;
  if (rows.empty())
    return std::nullopt;
  return rows.front();
}

std::vector<StockReportLine> StockStore::ReportLines(std::int64_t run_id,
                                                     const StockReportLine* after,
                                                     std::size_t max_rows) {
  Poco::Int64 run = run_id;
  int limit = static_cast<int>(max_rows);
  std::vector<StockReportLine> rows;
  if (!after) {
    db_.session() << db_.Query("select_stock_report_lines"), use(run), use(limit), into(rows), now;
    return rows;
  }
  std::string size1 = after->abs_difference, size2 = size1;
  std::string code1 = after->warehouse_code, code2 = code1, article = after->article_no;
  db_.session() << db_.Query("select_stock_report_lines_after"), use(run), use(size1), use(size2),
      use(code1), use(code2), use(article), use(limit), into(rows), now;
  return rows;
}

}  // namespace wmsbridge::erp
