#include "tests/wms_sim/sim_store_rows.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/NumberParser.h>

#include "tests/wms_sim/sim_db.h"
#include "tests/wms_sim/sim_store.h"
#include "tests/wms_sim/sim_time.h"

namespace wmsbridge::sim::detail {

using wms::Decimal;

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Statement;

namespace {

std::string LimitClause(std::optional<int> limit) {
  return limit && *limit > 0 ? " LIMIT " + std::to_string(*limit) : std::string();
}

}  // namespace

RecordSet Select(Poco::Data::Session& session, const std::string& sql, const Bindings& bindings) {
  Statement select(session);
  select << sql;
  for (const auto& binding : bindings) {
    select.addBind(binding);
  }
  select.execute();
  return RecordSet(select);
}

std::string Placeholders(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += i == 0 ? "?" : ", ?";
  }
  return text;
}

std::string FilterWhere(const std::string& alias, const std::string& id_column, int goods_owner_id,
                        const DocumentFilter& filter, Bindings& bindings) {
  const std::string a = alias + ".";
  std::string where = a + "goods_owner_id = ?";
  bindings.push_back(bind(goods_owner_id));
  if (!filter.numbers.empty()) {
    where += " AND " + a + "order_number IN (" + Placeholders(filter.numbers.size()) + ")";
    for (const std::string& number : filter.numbers)
      bindings.push_back(bind(number));
  }
  if (!filter.ids.empty()) {
    where += " AND " + a + id_column + " IN (" + Placeholders(filter.ids.size()) + ")";
    for (int id : filter.ids)
      bindings.push_back(bind(id));
  }
  const auto compare = [&](const char* column_and_op, const auto& value) {
    if (!value)
      return;
    where += " AND " + a + column_and_op + " ?";
    bindings.push_back(bind(*value));
  };
  compare("status >=", filter.status_from);
  compare("status <=", filter.status_to);
  compare("updated >=", filter.updated_from);
  compare("updated <=", filter.updated_to);
  if (filter.id_from) {
    where += " AND " + a + id_column + " > ?";
    bindings.push_back(bind(*filter.id_from));
  }
  return where;
}

std::vector<Article> LoadArticles(Poco::Data::Session& session, const std::string& where,
                                  const Bindings& bindings, std::optional<int> limit) {
  const RecordSet rows = Select(
      session,
      "SELECT * FROM sim_articles WHERE " + where + " ORDER BY system_id" + LimitClause(limit),
      bindings);
  std::vector<Article> articles;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    Article article;
    article.system_id = static_cast<int>(IntAt(rows, row, "system_id"));
    article.article_number = TextAt(rows, row, "article_number");
    article.name = TextAt(rows, row, "name");
    article.barcode = TextAt(rows, row, "barcode");
    article.supplier_article_number = TextAt(rows, row, "supplier_article_number");
    article.statistics_number = TextAt(rows, row, "statistics_number");
    article.unit_code = TextAt(rows, row, "unit_code");
    article.weight = TextAt(rows, row, "weight");
    article.volume = TextAt(rows, row, "volume");
    article.is_stock_article = BoolAt(rows, row, "is_stock_article");
    article.is_active = BoolAt(rows, row, "is_active");
    article.created = TextAt(rows, row, "created");
    article.updated = TextAt(rows, row, "updated");
    articles.push_back(std::move(article));
  }
  return articles;
}

std::optional<Article> FindArticleByNumber(Poco::Data::Session& session, int goods_owner_id,
                                           const std::string& article_number) {
  auto found = LoadArticles(session, "goods_owner_id = ? AND article_number = ?",
                            {bind(goods_owner_id), bind(article_number)});
  if (found.empty()) {
    return std::nullopt;
  }
  return found.front();
}

std::vector<Order> LoadOrders(Poco::Data::Session& session, const std::string& where,
                              const Bindings& bindings, std::optional<int> limit) {
  const RecordSet rows =
      Select(session,
             "SELECT o.*, w.code AS warehouse_code FROM sim_orders o LEFT JOIN sim_warehouses w ON "
             "w.id = o.warehouse_id WHERE " +
                 where + " ORDER BY o.order_id" + LimitClause(limit),
             bindings);
  std::vector<Order> orders;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    Order order;
    order.order_id = static_cast<int>(IntAt(rows, row, "order_id"));
    order.order_number = TextAt(rows, row, "order_number");
    order.status = OrderStatusFromNumber(static_cast<int>(IntAt(rows, row, "status")))
                       .value_or(OrderStatus::kError);
    order.is_cancelled = BoolAt(rows, row, "is_cancelled");
    order.reference = TextAt(rows, row, "reference");
    order.remark = TextAt(rows, row, "remark");
    order.delivery_instruction = TextAt(rows, row, "delivery_instruction");
    order.delivery_date = TextAt(rows, row, "delivery_date");
    order.service_point_code = TextAt(rows, row, "service_point_code");
    order.transporter_code = TextAt(rows, row, "transporter_code");
    order.transporter_service_code = TextAt(rows, row, "transporter_service_code");
    order.order_type_code = TextAt(rows, row, "order_type_code");
    order.consignee.customer_number = TextAt(rows, row, "consignee_number");
    order.consignee.name = TextAt(rows, row, "consignee_name");
    order.consignee.address = TextAt(rows, row, "consignee_address");
    order.consignee.address2 = TextAt(rows, row, "consignee_address2");
    order.consignee.post_code = TextAt(rows, row, "consignee_post_code");
    order.consignee.city = TextAt(rows, row, "consignee_city");
    order.consignee.country_code = TextAt(rows, row, "consignee_country_code");
    order.consignee.email = TextAt(rows, row, "consignee_email");
    order.consignee.phone = TextAt(rows, row, "consignee_phone");
    order.consignee.mobile = TextAt(rows, row, "consignee_mobile");
    order.consignee.notify_by_sms = BoolAt(rows, row, "consignee_notify_sms");
    order.warehouse_id = static_cast<int>(IntAt(rows, row, "warehouse_id"));
    order.warehouse_code = TextAt(rows, row, "warehouse_code");
    order.waybill = TextAt(rows, row, "waybill");
    order.waybill_url = TextAt(rows, row, "waybill_url");
    order.created = TextAt(rows, row, "created");
    order.updated = TextAt(rows, row, "updated");
    order.picking_started = TextAt(rows, row, "picking_started");
    order.shipped_time = TextAt(rows, row, "shipped_time");
    orders.push_back(std::move(order));
  }
  for (Order& order : orders) {
    const RecordSet lines = Select(
        session, "SELECT * FROM sim_order_lines WHERE order_id = ? ORDER BY line_no, line_id",
        {bind(order.order_id)});
    for (std::size_t row = 0; row < lines.rowCount(); ++row) {
      OrderLine line;
      line.line_id = static_cast<int>(IntAt(lines, row, "line_id"));
      line.line_no = static_cast<int>(IntAt(lines, row, "line_no"));
      line.external_line_code = TextAt(lines, row, "external_line_code");
      line.article_number = TextAt(lines, row, "article_number");
      line.article_name = TextAt(lines, row, "article_name");
      line.ordered_qty = TextAt(lines, row, "ordered_qty");
      line.picked_qty = TextAt(lines, row, "picked_qty");
      line.reported_qty = TextAt(lines, row, "reported_qty");
      line.comment = TextAt(lines, row, "comment");
      line.is_text_line = BoolAt(lines, row, "is_text_line");
      line.currency_code = TextAt(lines, row, "currency_code");
      order.lines.push_back(std::move(line));
    }
    const RecordSet parcels =
        Select(session,
               "SELECT id, label_id, tracking_url, is_carrier FROM sim_parcels WHERE order_id = ? "
               "ORDER BY id",
               {bind(order.order_id)});
    for (std::size_t row = 0; row < parcels.rowCount(); ++row) {
      order.parcels.push_back(
          {TextAt(parcels, row, "label_id"), TextAt(parcels, row, "tracking_url"),
           static_cast<int>(IntAt(parcels, row, "id")), BoolAt(parcels, row, "is_carrier")});
    }
  }
  return orders;
}

std::optional<Order> FindOrderByNumber(Poco::Data::Session& session, int goods_owner_id,
                                       const std::string& order_number) {
  auto found = LoadOrders(session, "o.goods_owner_id = ? AND o.order_number = ?",
                          {bind(goods_owner_id), bind(order_number)});
  if (found.empty()) {
    return std::nullopt;
  }
  return found.front();
}

std::vector<InOrder> LoadInOrders(Poco::Data::Session& session, const std::string& where,
                                  const Bindings& bindings, std::optional<int> limit) {
  const RecordSet rows = Select(session,
                                "SELECT i.*, w.code AS warehouse_code FROM sim_in_orders i "
                                "LEFT JOIN sim_warehouses w ON w.id = i.warehouse_id WHERE " +
                                    where + " ORDER BY i.in_order_id" + LimitClause(limit),
                                bindings);
  std::vector<InOrder> in_orders;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    InOrder in_order;
    in_order.in_order_id = static_cast<int>(IntAt(rows, row, "in_order_id"));
    in_order.order_number = TextAt(rows, row, "order_number");
    in_order.status = InOrderStatusFromNumber(static_cast<int>(IntAt(rows, row, "status")))
                          .value_or(InOrderStatus::kOpen);
    in_order.is_cancelled = BoolAt(rows, row, "is_cancelled");
    in_order.reference = TextAt(rows, row, "reference");
    in_order.remark = TextAt(rows, row, "remark");
    in_order.in_date = TextAt(rows, row, "in_date");
    in_order.order_date = TextAt(rows, row, "order_date");
    in_order.warehouse_id = static_cast<int>(IntAt(rows, row, "warehouse_id"));
    in_order.warehouse_code = TextAt(rows, row, "warehouse_code");
    in_order.supplier_number = TextAt(rows, row, "supplier_number");
    in_order.supplier_name = TextAt(rows, row, "supplier_name");
    in_order.created = TextAt(rows, row, "created");
    in_order.updated = TextAt(rows, row, "updated");
    in_order.received_time = TextAt(rows, row, "received_time");
    in_orders.push_back(std::move(in_order));
  }
  for (InOrder& in_order : in_orders) {
    const RecordSet lines = Select(
        session, "SELECT * FROM sim_in_order_lines WHERE in_order_id = ? ORDER BY line_no, line_id",
        {bind(in_order.in_order_id)});
    for (std::size_t row = 0; row < lines.rowCount(); ++row) {
      InOrderLine line;
      line.line_id = static_cast<int>(IntAt(lines, row, "line_id"));
      line.line_no = static_cast<int>(IntAt(lines, row, "line_no"));
      line.external_line_code = TextAt(lines, row, "external_line_code");
      line.article_number = TextAt(lines, row, "article_number");
      line.article_name = TextAt(lines, row, "article_name");
      line.advised_qty = TextAt(lines, row, "advised_qty");
      line.received_qty = TextAt(lines, row, "received_qty");
      line.reported_qty = TextAt(lines, row, "reported_qty");
      line.comment = TextAt(lines, row, "comment");
      in_order.lines.push_back(std::move(line));
    }
  }
  return in_orders;
}

std::optional<InOrder> FindInOrderByNumber(Poco::Data::Session& session, int goods_owner_id,
                                           const std::string& order_number) {
  auto found = LoadInOrders(session, "i.goods_owner_id = ? AND i.order_number = ?",
                            {bind(goods_owner_id), bind(order_number)});
  if (found.empty()) {
    return std::nullopt;
  }
  return found.front();
}

std::optional<Warehouse> FindWarehouse(Poco::Data::Session& session,
                                       const std::string& id_or_code) {
  if (id_or_code.empty()) {
    return DefaultWarehouse(session);
  }
  int id = 0;
  const bool numeric = Poco::NumberParser::tryParse(id_or_code, id);
  const RecordSet rows = Select(session,
                                "SELECT id, code FROM sim_warehouses WHERE id = ? OR code = ? "
                                "ORDER BY code = ? DESC LIMIT 1",
                                {bind(numeric ? id : -1), bind(id_or_code), bind(id_or_code)});
  if (rows.rowCount() == 0) {
    return std::nullopt;
  }
  return Warehouse{static_cast<int>(IntAt(rows, 0, "id")), TextAt(rows, 0, "code")};
}

Warehouse DefaultWarehouse(Poco::Data::Session& session) {
  const RecordSet rows =
      Select(session, "SELECT id, code FROM sim_warehouses ORDER BY id LIMIT 1", {});
  if (rows.rowCount() == 0) {
    throw SimError("no warehouse is configured (run wms-sim init)");
  }
  return Warehouse{static_cast<int>(IntAt(rows, 0, "id")), TextAt(rows, 0, "code")};
}

void ChangeStock(Poco::Data::Session& session, int article_system_id, int warehouse_id,
                 Decimal delta, const std::string& comment) {
  if (delta.IsZero()) {
    return;
  }
  std::vector<std::string> current;
  session << "SELECT qty FROM sim_stock WHERE article_id = ? AND warehouse_id = ?", into(current),
      bind(article_system_id), bind(warehouse_id), now;
  const Decimal old_qty = current.empty() ? Decimal() : Decimal::ParseOrZero(current.front());
  const std::string stamp = NowStamp();
  session << "INSERT INTO sim_stock (article_id, warehouse_id, qty, updated) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (article_id, warehouse_id) DO UPDATE SET qty = excluded.qty, "
             "updated = excluded.updated",
      bind(article_system_id), bind(warehouse_id), bind((old_qty + delta).ToString()), bind(stamp),
      now;
  session << "INSERT INTO sim_inventory_transactions (article_id, warehouse_id, qty_change, "
             "time, reported, comment) VALUES (?, ?, ?, ?, 0, ?)",
      bind(article_system_id), bind(warehouse_id), bind(delta.ToString()), bind(stamp),
      bind(comment), now;
}

std::optional<Decimal> ParseSimDecimal(std::string_view text) {
  constexpr std::int64_t kMaxWhole = 9'000'000'000'000;
  auto value = Decimal::Parse(text);
  if (!value || value->Scale() > 6 || value->IntegerPart() > kMaxWhole ||
      value->IntegerPart() < -kMaxWhole) {
    return std::nullopt;
  }
  return value;
}

Decimal ParseQuantity(const std::string& text, const std::string& what) {
  auto value = ParseSimDecimal(text);
  if (!value) {
    throw SimError(what + ": '" + text + "' is not a decimal number");
  }
  return *value;
}

}  // namespace wmsbridge::sim::detail
