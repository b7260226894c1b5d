#include "stages/stock/stock_source.h"

#include <map>

#include "stages/erp/erp_transaction.h"
#include "stages/stock/stock_decision.h"
#include "stages/wms/decimal.h"

namespace wmsbridge::stock {

namespace {

// Ongoing's per-warehouse figure of one article in each compared place: NumberOfItems, the
// physical stock on the shelf (docs/stock-job.md); 0 where it has no line.
void AddToSnapshot(erp::StockStore& store, std::int64_t run_id,
                   const std::vector<StockPlace>& places, const wms::ArticleStock& article) {
  std::map<std::string, wms::Decimal> on_hand;
  for (const wms::WarehouseStock& line : article.warehouses)
    on_hand[line.warehouse_code] += wms::Decimal::ParseOrZero(line.quantity);
  for (const StockPlace& place : places) {
    const auto found = on_hand.find(place.wms_code);
    store.AddSnapshot(run_id, place.erp.warehouse_id, article.article_number,
                      found == on_hand.end() ? "0" : found->second.ToString());
  }
}

}  // namespace

void StockSource::ReadFeed(bool read_again) {
  store_.ClearPendingChanges();  // an earlier run stopped before applying them: read again
  std::optional<int> after;
  while (true) {
    wms::InventoryChangesQuery query;
    query.only_unreported = true;
    query.article_id_from = after;
    query.max_count = wms_page_size_;
    const std::vector<wms::InventoryChange> page = client_.GetInventoryChanges(query);
    if (page.empty())
      break;
    // (change, ERP warehouse id or "" when not compared) of every change not applied yet.
    std::vector<std::pair<const wms::InventoryChange*, const wms::InventoryTransaction*>> fresh;
    std::vector<std::string> articles;
    for (const wms::InventoryChange& change : page) {
      after = std::max(after.value_or(0), change.article_system_id);
      for (const wms::InventoryTransaction& t : change.transactions) {
        // Applied by a run that stopped before Ongoing took the acknowledgement: skipped by id,
        // and acknowledged after this run (nothing applied twice).
        if (store_.ChangeApplied(change.article_system_id, t.inventory_id))
          continue;
        fresh.emplace_back(&change, &t);
        if (articles.empty() || articles.back() != change.article_number)
          articles.push_back(change.article_number);
      }
    }
    std::vector<wms::ArticleStock> stock;
    if (read_again && !articles.empty()) {
      // Read again in full: the pair is set to Ongoing's figure now, as in a full comparison,
      // so a change read twice cannot be added twice.
      wms::InventoryQuery again;
      again.article_numbers = articles;
      again.max_count = static_cast<int>(articles.size());
      stock = client_.GetInventoryPerWarehouse(again);
    }
    erp::ErpTransaction transaction(db_.session());
    for (const auto& [change, t] : fresh) {
      std::string warehouse_id;
      for (const StockPlace& place : places_) {
        if (place.wms_code == t->warehouse_code)
          warehouse_id = place.erp.warehouse_id;
      }
      if (!store_.ChangeApplied(change->article_system_id, t->inventory_id)) {
        store_.AddChange(run_id_, change->article_system_id, t->inventory_id,
                         change->article_number, warehouse_id);
        ++changes_;
      }
    }
    for (const wms::ArticleStock& article : stock)
      AddToSnapshot(store_, run_id_, places_, article);
    transaction.Commit();
    wms_articles_ += stock.size();
    if (static_cast<int>(page.size()) < wms_page_size_)
      break;
  }
}

void StockSource::Stage() {
  store_.ClearSnapshot();
  // Read before the full snapshot, so each change taken up is already in the figures read.
  if (feed_ != StockFeed::kUnused)
    ReadFeed(feed_ == StockFeed::kChangesOnly);
  if (feed_ == StockFeed::kChangesOnly) {
    staged_ = true;
    return;
  }
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
      AddToSnapshot(store_, run_id_, places_, article);
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
        feed_ == StockFeed::kChangesOnly
            ? store_.CompareChangedPage(place.erp.warehouse_id, after_, max_rows)
            : store_.ComparePage(place.erp.warehouse_id, after_, max_rows);
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
