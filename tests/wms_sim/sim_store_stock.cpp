// SimStore: stock and inventory transactions (GetInventoryByQuery, GetInventoryPerWarehouse,
// GetInventoryChanges, SetInventoryChangesToReported, and the warehouse's stock commands).
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <map>
#include <set>

#include "tests/wms_sim/sim_db.h"
#include "tests/wms_sim/sim_store.h"
#include "tests/wms_sim/sim_store_rows.h"
#include "tests/wms_sim/sim_time.h"

namespace wmsbridge::sim {

using wms::Decimal;

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;

namespace {

std::string IdList(const std::vector<Article>& articles) {
  std::string list;
  for (const Article& article : articles) {
    list += (list.empty() ? "" : ",") + std::to_string(article.system_id);
  }
  return list;
}

// Sums (first - second) per article over rows of (article_number, first, second), keeping
// only positive remainders: open demand or open supply.
std::map<std::string, Decimal> OpenQuantities(const RecordSet& rows, const std::string& first,
                                              const std::string& second) {
  std::map<std::string, Decimal> open;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    const Decimal remaining = Decimal::ParseOrZero(TextAt(rows, row, first)) -
                              Decimal::ParseOrZero(TextAt(rows, row, second));
    if (remaining > Decimal()) {
      open[TextAt(rows, row, "article_number")] += remaining;
    }
  }
  return open;
}

}  // namespace

std::vector<ArticleStock> SimStore::QueryStock(int goods_owner_id, const StockQuery& query) {
  std::string where = "goods_owner_id = ?";
  detail::Bindings bindings{bind(goods_owner_id)};
  if (!query.article_numbers.empty()) {
    where += " AND article_number IN (" + detail::Placeholders(query.article_numbers.size()) + ")";
    for (const std::string& number : query.article_numbers) {
      bindings.push_back(bind(number));
    }
  }
  if (query.system_id_from) {
    where += " AND system_id > ?";
    bindings.push_back(bind(*query.system_id_from));
  }
  if (query.changed_from) {
    where +=
        " AND (updated >= ? OR system_id IN (SELECT article_id FROM sim_stock WHERE "
        "updated >= ?))";
    bindings.push_back(bind(*query.changed_from));
    bindings.push_back(bind(*query.changed_from));
  }
  auto session = pool_->Acquire();
  DbTransaction snapshot(*session, DbTransaction::Mode::kRead);
  const std::vector<Article> articles =
      detail::LoadArticles(*session, where, bindings, query.max_count);
  if (articles.empty()) {
    return {};
  }
  const Warehouse default_warehouse = detail::DefaultWarehouse(*session);
  const std::string ids = IdList(articles);
  const std::set<int> wanted_warehouses(query.warehouse_ids.begin(), query.warehouse_ids.end());

  // Open orders book their demand on the warehouse that picks them.
  const RecordSet demand = detail::Select(
      *session,
      "SELECT l.article_number, coalesce(o.warehouse_id, ?) AS warehouse_id, l.ordered_qty, "
      "l.picked_qty FROM sim_order_lines l JOIN sim_orders o ON o.order_id = l.order_id WHERE "
      "o.goods_owner_id = ? AND o.is_cancelled = 0 AND o.status >= 200 AND o.status < 450 AND "
      "l.is_text_line = 0",
      {bind(default_warehouse.id), bind(goods_owner_id)});
  const auto booked = OpenQuantities(demand, "ordered_qty", "picked_qty");
  std::map<std::pair<std::string, int>, Decimal> booked_at;  // (article, warehouse) -> open
  for (std::size_t row = 0; row < demand.rowCount(); ++row) {
    const Decimal remaining = Decimal::ParseOrZero(TextAt(demand, row, "ordered_qty")) -
                              Decimal::ParseOrZero(TextAt(demand, row, "picked_qty"));
    if (remaining > Decimal()) {
      booked_at[{TextAt(demand, row, "article_number"),
                 static_cast<int>(IntAt(demand, row, "warehouse_id"))}] += remaining;
    }
  }
  std::map<int, std::string> warehouse_codes;
  const RecordSet warehouses = detail::Select(*session, "SELECT id, code FROM sim_warehouses", {});
  for (std::size_t row = 0; row < warehouses.rowCount(); ++row) {
    warehouse_codes[static_cast<int>(IntAt(warehouses, row, "id"))] =
        TextAt(warehouses, row, "code");
  }
  const auto to_receive = OpenQuantities(
      detail::Select(*session,
                     "SELECT l.article_number, l.advised_qty, l.received_qty FROM "
                     "sim_in_order_lines l JOIN sim_in_orders i ON i.in_order_id = l.in_order_id "
                     "WHERE i.goods_owner_id = ? AND i.is_cancelled = 0 AND i.status < 400",
                     {bind(goods_owner_id)}),
      "advised_qty", "received_qty");

  std::map<int, std::vector<WarehouseStock>> per_article;
  const RecordSet stock = detail::Select(
      *session,
      "SELECT s.article_id, s.warehouse_id, w.code, s.qty FROM sim_stock s LEFT JOIN "
      "sim_warehouses w ON w.id = s.warehouse_id WHERE s.article_id IN (" +
          ids + ") ORDER BY s.article_id, s.warehouse_id",
      {});
  for (std::size_t row = 0; row < stock.rowCount(); ++row) {
    per_article[static_cast<int>(IntAt(stock, row, "article_id"))].push_back(
        {static_cast<int>(IntAt(stock, row, "warehouse_id")), TextAt(stock, row, "code"),
         Decimal::ParseOrZero(TextAt(stock, row, "qty")).ToString(), "0"});
  }
  std::map<int, std::string> last_in;
  const RecordSet ins = detail::Select(
      *session,
      "SELECT article_id, max(time) AS last_in FROM sim_inventory_transactions WHERE qty_change "
      "NOT LIKE '-%' AND article_id IN (" +
          ids + ") GROUP BY article_id",
      {});
  for (std::size_t row = 0; row < ins.rowCount(); ++row) {
    last_in[static_cast<int>(IntAt(ins, row, "article_id"))] = TextAt(ins, row, "last_in");
  }

  std::vector<ArticleStock> result;
  for (const Article& article : articles) {
    ArticleStock entry;
    entry.article = article;
    const auto booked_it = booked.find(article.article_number);
    const Decimal booked_qty = booked_it == booked.end() ? Decimal() : booked_it->second;
    const auto receive_it = to_receive.find(article.article_number);
    entry.booked = booked_qty.ToString();
    entry.to_receive = (receive_it == to_receive.end() ? Decimal() : receive_it->second).ToString();
    entry.last_in_time = last_in.count(article.system_id) ? last_in[article.system_id] : "";
    std::vector<WarehouseStock> lines = per_article[article.system_id];
    for (const auto& [key, qty] : booked_at) {
      if (key.first != article.article_number) {
        continue;
      }
      const auto line = std::find_if(lines.begin(), lines.end(), [&](const WarehouseStock& l) {
        return l.warehouse_id == key.second;
      });
      if (line != lines.end()) {
        line->booked_qty = qty.ToString();
      } else {
        lines.push_back({key.second, warehouse_codes[key.second], "0", qty.ToString()});
      }
    }
    std::sort(lines.begin(), lines.end(), [](const WarehouseStock& a, const WarehouseStock& b) {
      return a.warehouse_id < b.warehouse_id;
    });
    Decimal on_hand;
    for (const WarehouseStock& line : lines) {
      if (wanted_warehouses.empty() || wanted_warehouses.count(line.warehouse_id)) {
        on_hand += Decimal::ParseOrZero(line.qty);
        entry.warehouses.push_back(line);
      }
    }
    entry.on_hand = on_hand.ToString();
    result.push_back(std::move(entry));
  }
  return result;
}

std::vector<ArticleChanges> SimStore::QueryInventoryChanges(int goods_owner_id,
                                                            const InventoryChangesQuery& query) {
  std::string where = "a.goods_owner_id = ?";
  detail::Bindings bindings{bind(goods_owner_id)};
  if (query.from) {
    where += " AND t.time >= ?";
    bindings.push_back(bind(*query.from));
  }
  if (query.to) {
    where += " AND t.time <= ?";
    bindings.push_back(bind(*query.to));
  }
  if (query.only_unreported) {
    where += " AND t.reported = 0";
  }
  if (query.warehouse_id) {
    where += " AND t.warehouse_id = ?";
    bindings.push_back(bind(*query.warehouse_id));
  }
  if (query.inventory_id) {
    where += " AND t.id = ?";
    bindings.push_back(bind(*query.inventory_id));
  }
  if (query.article_id_from) {
    where += " AND t.article_id > ?";
    bindings.push_back(bind(*query.article_id_from));
  }
  auto session = pool_->Acquire();
  DbTransaction snapshot(*session, DbTransaction::Mode::kRead);
  const RecordSet rows = detail::Select(
      *session,
      "SELECT t.*, a.article_number, w.code AS warehouse_code FROM sim_inventory_transactions t "
      "JOIN sim_articles a ON a.system_id = t.article_id LEFT JOIN sim_warehouses w ON w.id = "
      "t.warehouse_id WHERE " +
          where + " ORDER BY t.article_id, t.id",
      bindings);
  std::vector<ArticleChanges> result;
  std::map<int, std::size_t> index;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    InventoryTransaction transaction;
    transaction.inventory_id = static_cast<int>(IntAt(rows, row, "id"));
    transaction.article_system_id = static_cast<int>(IntAt(rows, row, "article_id"));
    transaction.article_number = TextAt(rows, row, "article_number");
    transaction.warehouse_id = static_cast<int>(IntAt(rows, row, "warehouse_id"));
    transaction.warehouse_code = TextAt(rows, row, "warehouse_code");
    transaction.qty_change = TextAt(rows, row, "qty_change");
    transaction.time = TextAt(rows, row, "time");
    transaction.comment = TextAt(rows, row, "comment");
    transaction.reported = BoolAt(rows, row, "reported");
    if (!index.count(transaction.article_system_id)) {
      if (query.max_count && *query.max_count > 0 &&
          result.size() >= static_cast<std::size_t>(*query.max_count)) {
        break;  // rows are ordered by article: the page is full
      }
      index[transaction.article_system_id] = result.size();
      result.emplace_back();
      auto found =
          detail::LoadArticles(*session, "system_id = ?", {bind(transaction.article_system_id)});
      result.back().article = found.front();
    }
    ArticleChanges& changes = result[index[transaction.article_system_id]];
    changes.total_change =
        (Decimal::ParseOrZero(changes.total_change) + Decimal::ParseOrZero(transaction.qty_change))
            .ToString();
    changes.transactions.push_back(std::move(transaction));
  }
  return result;
}

bool SimStore::SetInventoryChangeReported(int goods_owner_id, int article_system_id,
                                          int inventory_id) {
  std::lock_guard write_lock(WriteMutex(goods_owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  int count = 0;
  *session << "SELECT count(*) FROM sim_inventory_transactions t JOIN sim_articles a ON "
              "a.system_id = t.article_id WHERE t.id = ? AND t.article_id = ? AND "
              "a.goods_owner_id = ?",
      into(count), bind(inventory_id), bind(article_system_id), bind(goods_owner_id), now;
  if (count == 0) {
    return false;
  }
  *session << "UPDATE sim_inventory_transactions SET reported = 1 WHERE id = ?", bind(inventory_id),
      now;
  transaction.Commit();
  return true;
}

namespace {

// Ongoing's "Inventory transaction has been performed" webhook for a stock adjustment just
// recorded (the newest inventory transaction); nothing for a zero change, which records none.
void RecordInventoryWebhook(Poco::Data::Session& session, int owner_id, const Article& article,
                            const Decimal& change) {
  if (change.IsZero()) {
    return;
  }
  Poco::Int64 inventory_id = 0;
  session << "SELECT max(id) FROM sim_inventory_transactions", into(inventory_id), now;
  WebhookFacts facts;
  facts.kind = WebhookKind::kInventory;
  facts.goods_owner_id = owner_id;
  facts.document_id = article.system_id;
  facts.document_number = article.article_number;
  facts.qty_change = change.ToString();
  facts.inventory_id = inventory_id;
  detail::RecordWebhook(session, std::move(facts));
}

}  // namespace

void SimStore::SetStock(const std::string& article_number, const std::string& warehouse,
                        const std::string& qty) {
  const Decimal wanted = detail::ParseQuantity(qty, "--qty");
  const int owner_id = DefaultGoodsOwner().id;
  std::lock_guard write_lock(WriteMutex(owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  const auto article = detail::FindArticleByNumber(*session, owner_id, article_number);
  if (!article) {
    throw SimError("Article " + article_number + " does not exist");
  }
  const auto place = detail::FindWarehouse(*session, warehouse);
  if (!place) {
    throw SimError("Warehouse " + warehouse + " does not exist");
  }
  std::vector<std::string> current;
  *session << "SELECT qty FROM sim_stock WHERE article_id = ? AND warehouse_id = ?", into(current),
      bind(article->system_id), bind(place->id), now;
  const Decimal old_qty = current.empty() ? Decimal() : Decimal::ParseOrZero(current.front());
  detail::ChangeStock(*session, article->system_id, place->id, wanted - old_qty,
                      "Stock set to " + wanted.ToString());
  RecordInventoryWebhook(*session, owner_id, *article, wanted - old_qty);
  transaction.Commit();
}

void SimStore::AdjustStock(const std::string& article_number, const std::string& warehouse,
                           const std::string& delta) {
  const Decimal change = detail::ParseQuantity(delta, "--delta");
  const int owner_id = DefaultGoodsOwner().id;
  std::lock_guard write_lock(WriteMutex(owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  const auto article = detail::FindArticleByNumber(*session, owner_id, article_number);
  if (!article) {
    throw SimError("Article " + article_number + " does not exist");
  }
  const auto place = detail::FindWarehouse(*session, warehouse);
  if (!place) {
    throw SimError("Warehouse " + warehouse + " does not exist");
  }
  detail::ChangeStock(*session, article->system_id, place->id, change, "Stock adjusted");
  RecordInventoryWebhook(*session, owner_id, *article, change);
  transaction.Commit();
}

std::vector<ArticleStock> SimStore::Stock() {
  return QueryStock(DefaultGoodsOwner().id, {});
}

std::vector<InventoryTransaction> SimStore::InventoryTransactions() {
  std::vector<InventoryTransaction> all;
  for (ArticleChanges& changes : QueryInventoryChanges(DefaultGoodsOwner().id, {})) {
    for (InventoryTransaction& transaction : changes.transactions) {
      all.push_back(std::move(transaction));
    }
  }
  std::sort(all.begin(), all.end(),
            [](const auto& a, const auto& b) { return a.inventory_id < b.inventory_id; });
  return all;
}

}  // namespace wmsbridge::sim
