#include "stages/stock/stock_source.h"

#include <map>

#include "stages/erp/erp_transaction.h"
#include "stages/stock/stock_decision.h"
#include "stages/wms/decimal.h"

namespace wmsbridge::stock {

void StockSource::Stage() {
  store_.ClearSnapshot();
  std::optional<int> after;
  while (true) {
    wms::InventoryQuery query;
    query.article_system_id_from = after;
    query.max_count = wms_page_size_;
    const std::vector<wms::ArticleStock> page = client_.GetInventoryPerWarehouse(query);
    if (page.empty())
      break;
    erp::ErpTransaction transaction(db_.session());
    for (const wms::ArticleStock& article : page) {
      // NumberOfItems per warehouse: the physical stock on the shelf (docs/stock-job.md).
      std::map<std::string, wms::Decimal> on_hand;
      for (const wms::WarehouseStock& line : article.warehouses) {
        on_hand[line.warehouse_code] += wms::Decimal::ParseOrZero(line.quantity);
      }
      for (const StockPlace& place : places_) {
        const auto found = on_hand.find(place.wms_code);
        store_.AddSnapshot(run_id_, place.erp.warehouse_id, article.article_number,
                           found == on_hand.end() ? "0" : found->second.ToString());
      }
      after = std::max(after.value_or(0), article.article_system_id);
    }
    transaction.Commit();
    wms_articles_ += page.size();
    if (static_cast<int>(page.size()) < wms_page_size_)
      break;
  }
  staged_ = true;
}

std::optional<pipeline::Batch<StockRow>> StockSource::Next(std::size_t max_rows) {
  if (!staged_)
    Stage();
  while (place_ < places_.size()) {
    const StockPlace& place = places_[place_];
    std::vector<erp::StockComparisonRow> rows =
        store_.ComparePage(place.erp.warehouse_id, after_, max_rows);
    if (rows.empty()) {
      ++place_;
      after_.clear();
      continue;
    }
    after_ = rows.back().article_no;
    pipeline::Batch<StockRow> batch;
    for (erp::StockComparisonRow& row : rows) {
      if (HasStock(row))
        batch.rows.push_back({place, std::move(row)});
    }
    return batch;
  }
  store_.ClearSnapshot();  // compared: the staged copy is no longer needed
  return std::nullopt;
}

}  // namespace wmsbridge::stock
