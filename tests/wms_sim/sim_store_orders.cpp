// SimStore: customer orders (ProcessOrder, GetOrdersByQuery, and the warehouse's picking and
// shipping).
#include <Poco/Data/Statement.h>

#include <map>
#include <set>
#include <variant>

#include "tests/wms_sim/sim_db.h"
#include "tests/wms_sim/sim_store.h"
#include "tests/wms_sim/sim_store_rows.h"
#include "tests/wms_sim/sim_time.h"

namespace wmsbridge::sim {

using wms::Decimal;

using namespace Poco::Data::Keywords;

namespace {

std::string StatusPhrase(OrderStatus status) {
  return "status " + std::to_string(static_cast<int>(status)) + " " + StatusText(status);
}

// The key that tells a line apart from the order's other lines; used to keep line ids stable
// when an order is updated.
std::string LineKey(const OrderLineInput& line) {
  if (line.is_text_line) {
    return "text:" + line.external_line_code + ":" + line.comment;
  }
  if (line.identification == LineIdentification::kExternalOrderLineCode) {
    return "ext:" + line.external_line_code;
  }
  return "art:" + line.article_number;
}

std::string LineKey(const OrderLine& line) {
  if (line.is_text_line) {
    return "text:" + line.external_line_code + ":" + line.comment;
  }
  if (!line.external_line_code.empty()) {
    return "ext:" + line.external_line_code;
  }
  return "art:" + line.article_number;
}

// The warehouse an OutboundWarehouse names, or the reason Ongoing refuses the order. The
// simulator's warehouses have a code and an id but no name.
std::variant<Warehouse, std::string> ResolveWarehouse(Poco::Data::Session& session,
                                                      const WarehouseRef& ref) {
  std::vector<int> ids;
  std::vector<std::string> codes;
  switch (ref.identification) {
    case WarehouseIdentification::kCode:
      if (ref.code.empty()) {
        return std::string(
            "OutboundWarehouse: WarehouseCode is required when the warehouse is identified by "
            "it");
      }
      session << "SELECT id, code FROM sim_warehouses WHERE code = ?", into(ids), into(codes),
          bind(ref.code), now;
      if (ids.empty()) {
        return "OutboundWarehouse: warehouse code " + ref.code + " does not exist";
      }
      break;
    case WarehouseIdentification::kId:
      if (!ref.id) {
        return std::string(
            "OutboundWarehouse: WarehouseId is required when the warehouse is identified by it");
      }
      session << "SELECT id, code FROM sim_warehouses WHERE id = ?", into(ids), into(codes),
          bind(*ref.id), now;
      if (ids.empty()) {
        return "OutboundWarehouse: warehouse id " + std::to_string(*ref.id) + " does not exist";
      }
      break;
    case WarehouseIdentification::kName:
      return "OutboundWarehouse: no warehouse has the name '" + ref.name +
             "' (this warehouse knows its warehouses by code and id)";
  }
  return Warehouse{ids.front(), codes.front()};
}

// Checks what Ongoing checks before it accepts an order document; "" when it is fine.
std::string ValidateOrder(Poco::Data::Session& session, int goods_owner_id,
                          const OrderInput& input) {
  if (input.warehouse) {
    const auto warehouse = ResolveWarehouse(session, *input.warehouse);
    if (const auto* error = std::get_if<std::string>(&warehouse)) {
      return *error;
    }
  }
  if (input.transporter) {
    const TransporterRef& wanted = *input.transporter;
    int matches = 0;
    session << "SELECT count(*) FROM sim_transporters WHERE (? = '' OR code = ?) AND (? = '' OR "
               "service_code = ?)",
        into(matches), bind(wanted.code), bind(wanted.code), bind(wanted.service_code),
        bind(wanted.service_code), now;
    if (matches == 0 || (wanted.code.empty() && wanted.service_code.empty())) {
      return "Transporter " + wanted.code + "/" + wanted.service_code + " does not exist";
    }
  }
  std::vector<std::string> currencies;
  session << "SELECT code FROM sim_currencies", into(currencies), now;
  const std::set<std::string> known_currencies(currencies.begin(), currencies.end());
  std::set<std::string> external_codes;
  std::set<std::string> articles_by_number;
  int line_no = 0;
  for (const OrderLineInput& line : input.lines) {
    ++line_no;
    const std::string where = "Line " + std::to_string(line_no) + ": ";
    if (!line.qty.empty() || !line.is_text_line) {
      auto qty = detail::ParseSimDecimal(line.qty);
      if (!qty) {
        return where + "NumberOfItems '" + line.qty + "' is not a decimal number";
      }
      if (qty->IsNegative()) {
        return where + "NumberOfItems must not be negative";
      }
    }
    if (!line.currency_code.empty() && !known_currencies.count(line.currency_code)) {
      return "Currency " + line.currency_code + " does not exist";
    }
    if (line.is_text_line) {
      continue;
    }
    if (line.article_number.empty()) {
      return where + "ArticleNumber is required";
    }
    if (!detail::FindArticleByNumber(session, goods_owner_id, line.article_number)) {
      return "Article " + line.article_number + " does not exist";
    }
    if (line.identification == LineIdentification::kExternalOrderLineCode) {
      if (line.external_line_code.empty()) {
        return where + "ExternalOrderLineCode is required when lines are identified by it";
      }
      if (!external_codes.insert(line.external_line_code).second) {
        return "ExternalOrderLineCode " + line.external_line_code +
               " appears on more than one line";
      }
    } else if (!articles_by_number.insert(line.article_number).second) {
      return "Article " + line.article_number +
             " appears on more than one line; identify lines by ExternalOrderLineCode to repeat "
             "an article";
    }
  }
  return "";
}

void WriteOrderLines(Poco::Data::Session& session, int goods_owner_id, int order_id,
                     const std::vector<OrderLineInput>& lines,
                     const std::vector<OrderLine>& old_lines) {
  std::map<std::string, int> old_ids;
  for (const OrderLine& line : old_lines) {
    old_ids.emplace(LineKey(line), line.line_id);
  }
  session << "DELETE FROM sim_order_lines WHERE order_id = ?", bind(order_id), now;
  int line_no = 0;
  for (const OrderLineInput& line : lines) {
    ++line_no;
    std::string name = line.article_name;
    if (name.empty() && !line.is_text_line) {
      if (auto article =
              detail::FindArticleByNumber(session, goods_owner_id, line.article_number)) {
        name = article->name;
      }
    }
    const auto old_id = old_ids.find(LineKey(line));
    Poco::Nullable<int> line_id;
    if (old_id != old_ids.end()) {
      line_id = old_id->second;
      old_ids.erase(old_id);
    }
    session << "INSERT INTO sim_order_lines (line_id, order_id, line_no, external_line_code, "
               "article_number, article_name, ordered_qty, picked_qty, comment, is_text_line, "
               "currency_code) VALUES (?, ?, ?, ?, ?, ?, ?, '0', ?, ?, ?)",
        bind(line_id), bind(order_id), bind(line_no), bind(line.external_line_code),
        bind(line.article_number), bind(name), bind(line.qty.empty() ? std::string("0") : line.qty),
        bind(line.comment), bind(line.is_text_line ? 1 : 0), bind(line.currency_code), now;
  }
}

}  // namespace

ProcessResult SimStore::ProcessOrder(int goods_owner_id, const OrderInput& input) {
  ProcessResult result;
  result.order_number = input.order_number;
  auto reject = [&result](const std::string& error) {
    result.success = false;
    result.error_message = error;
    return result;
  };
  if (input.order_number.empty()) {
    return reject("GoodsOwnerOrderNumber is required");
  }
  const std::string& number = input.order_number;
  const Phrases say = CurrentPhrases();

  std::lock_guard write_lock(WriteMutex(goods_owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  const auto existing = detail::FindOrderByNumber(*session, goods_owner_id, number);
  if (existing) {
    result.order_id = existing->order_id;
  }
  const std::string stamp = NowStamp();

  if (input.operation == OrderOperation::kRemove) {
    if (!existing) {
      return reject(say.DoesNotExist(DocumentNoun::kOrder, number));
    }
    if (existing->is_cancelled) {
      result.success = true;
      result.message = "Order " + number + " is already cancelled";
      return result;
    }
    if (PickingHasStarted(existing->status)) {
      return reject(
          say.LockedForCancel(DocumentNoun::kOrder, number, StatusPhrase(existing->status)));
    }
    *session << "UPDATE sim_orders SET status = ?, is_cancelled = 1, updated = ? WHERE "
                "order_id = ?",
        bind(static_cast<int>(OrderStatus::kCancelled)), bind(stamp), bind(existing->order_id), now;
    transaction.Commit();
    result.success = true;
    result.message = "Order " + number + " cancelled";
    return result;
  }

  if (existing) {
    if (input.operation == OrderOperation::kCreate) {
      return reject(say.AlreadyExists(DocumentNoun::kOrder, number));
    }
    if (existing->is_cancelled) {
      if (input.operation == OrderOperation::kUpdate) {
        return reject(say.CancelledCannotBeUpdated(DocumentNoun::kOrder, number));
      }
      return reject(say.ExistsAndIsCancelled(DocumentNoun::kOrder, number));
    }
    if (PickingHasStarted(existing->status)) {
      return reject(
          say.LockedForUpdate(DocumentNoun::kOrder, number, StatusPhrase(existing->status)));
    }
  } else if (input.operation == OrderOperation::kUpdate) {
    return reject(say.DoesNotExist(DocumentNoun::kOrder, number));
  }

  if (const std::string error = ValidateOrder(*session, goods_owner_id, input); !error.empty()) {
    return reject(error);
  }

  Order order = existing.value_or(Order{});
  auto merge = [](const std::optional<std::string>& incoming, std::string& stored) {
    if (incoming) {
      stored = *incoming;
    }
  };
  merge(input.reference, order.reference);
  merge(input.remark, order.remark);
  merge(input.delivery_instruction, order.delivery_instruction);
  merge(input.service_point_code, order.service_point_code);
  merge(input.order_type_code, order.order_type_code);
  if (!input.delivery_date.empty()) {
    order.delivery_date = input.delivery_date;
  }
  if (input.transporter) {
    // A partial reference (service code only, say) is completed from the transporter table.
    std::vector<std::string> codes;
    std::vector<std::string> services;
    *session << "SELECT code, service_code FROM sim_transporters WHERE (? = '' OR code = ?) AND "
                "(? = '' OR service_code = ?) ORDER BY code, service_code LIMIT 1",
        into(codes), into(services), bind(input.transporter->code), bind(input.transporter->code),
        bind(input.transporter->service_code), bind(input.transporter->service_code), now;
    order.transporter_code = codes.front();
    order.transporter_service_code = services.front();
  }
  if (input.consignee) {
    const ConsigneeInput& in = *input.consignee;
    order.consignee =
        Consignee{in.customer_number, in.name,  in.address, in.address2, in.post_code,    in.city,
                  in.country_code,    in.email, in.phone,   in.mobile,   in.notify_by_sms};
  }
  // The warehouse that picks the order: the one named, else the one it had, else the default.
  if (input.warehouse) {
    order.warehouse_id = std::get<Warehouse>(ResolveWarehouse(*session, *input.warehouse)).id;
  } else if (order.warehouse_id == 0) {
    order.warehouse_id = detail::DefaultWarehouse(*session).id;
  }

  const Consignee& c = order.consignee;
  if (existing) {
    *session << "UPDATE sim_orders SET reference = ?, remark = ?, delivery_instruction = ?, "
                "delivery_date = ?, service_point_code = ?, transporter_code = ?, "
                "transporter_service_code = ?, order_type_code = ?, consignee_number = ?, "
                "consignee_name = ?, consignee_address = ?, consignee_address2 = ?, "
                "consignee_post_code = ?, consignee_city = ?, consignee_country_code = ?, "
                "consignee_email = ?, consignee_phone = ?, consignee_mobile = ?, "
                "consignee_notify_sms = ?, warehouse_id = ?, updated = ? WHERE order_id = ?",
        bind(order.reference), bind(order.remark), bind(order.delivery_instruction),
        bind(order.delivery_date), bind(order.service_point_code), bind(order.transporter_code),
        bind(order.transporter_service_code), bind(order.order_type_code), bind(c.customer_number),
        bind(c.name), bind(c.address), bind(c.address2), bind(c.post_code), bind(c.city),
        bind(c.country_code), bind(c.email), bind(c.phone), bind(c.mobile),
        bind(c.notify_by_sms ? 1 : 0), bind(order.warehouse_id), bind(stamp), bind(order.order_id),
        now;
    result.message = "Order " + number + " updated";
  } else {
    *session << "INSERT INTO sim_orders (goods_owner_id, order_number, status, reference, "
                "remark, delivery_instruction, delivery_date, service_point_code, "
                "transporter_code, transporter_service_code, order_type_code, consignee_number, "
                "consignee_name, consignee_address, consignee_address2, consignee_post_code, "
                "consignee_city, consignee_country_code, consignee_email, consignee_phone, "
                "consignee_mobile, consignee_notify_sms, warehouse_id, created, updated) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bind(goods_owner_id), bind(number), bind(static_cast<int>(OrderStatus::kOpen)),
        bind(order.reference), bind(order.remark), bind(order.delivery_instruction),
        bind(order.delivery_date), bind(order.service_point_code), bind(order.transporter_code),
        bind(order.transporter_service_code), bind(order.order_type_code), bind(c.customer_number),
        bind(c.name), bind(c.address), bind(c.address2), bind(c.post_code), bind(c.city),
        bind(c.country_code), bind(c.email), bind(c.phone), bind(c.mobile),
        bind(c.notify_by_sms ? 1 : 0), bind(order.warehouse_id), bind(stamp), bind(stamp), now;
    *session << "SELECT last_insert_rowid()", into(order.order_id), now;
    result.message = "Order " + number + " created";
  }
  WriteOrderLines(*session, goods_owner_id, order.order_id, input.lines, order.lines);
  transaction.Commit();
  result.success = true;
  result.order_id = order.order_id;
  return result;
}

std::vector<Order> SimStore::QueryOrders(int goods_owner_id, const OrderQuery& query) {
  detail::Bindings bindings;
  const std::string where =
      detail::FilterWhere("o", "order_id", goods_owner_id,
                          {query.order_numbers, query.order_ids, query.status_from, query.status_to,
                           query.updated_from, query.updated_to, query.order_id_from},
                          bindings);
  auto session = pool_->Acquire();
  DbTransaction snapshot(*session, DbTransaction::Mode::kRead);
  const std::string to_report =
      query.only_to_report ? std::string(" AND ") + detail::kOrderHasLinesToReport : "";
  return detail::LoadOrders(*session, where + to_report, bindings, query.max_count);
}

std::optional<Order> SimStore::FindOrder(const std::string& order_number) {
  auto session = pool_->Acquire();
  DbTransaction snapshot(*session, DbTransaction::Mode::kRead);
  return detail::FindOrderByNumber(*session, DefaultGoodsOwnerId(*session), order_number);
}

void SimStore::Ship(const std::string& order_number, const std::vector<LineQuantity>& lines,
                    const std::vector<Parcel>& parcels, OrderStatus status, const Waybill& waybill,
                    const std::string& shipped_time) {
  if (!PickingHasStarted(status)) {
    throw SimError("a shipped order needs a status from 300 to 800, not " +
                   std::to_string(static_cast<int>(status)));
  }
  std::optional<std::string> shipped_stamp;
  if (!shipped_time.empty()) {
    shipped_stamp = WireToStamp(shipped_time);
    if (!shipped_stamp) {
      throw SimError("shipped time '" + shipped_time + "' is not an xsd:dateTime");
    }
  }
  // Mutex before session, everywhere: with ":memory:" the pool has a single session.
  const int owner_id = DefaultGoodsOwner().id;
  std::lock_guard write_lock(WriteMutex(owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  auto order = detail::FindOrderByNumber(*session, owner_id, order_number);
  if (!order) {
    throw SimError("Order " + order_number + " does not exist");
  }
  if (order->is_cancelled) {
    throw SimError("Order " + order_number + " is cancelled");
  }

  std::vector<OrderLine> article_lines;
  for (const OrderLine& line : order->lines) {
    if (!line.is_text_line) {
      article_lines.push_back(line);
    }
  }
  std::vector<std::string> picked(article_lines.size());
  for (std::size_t i = 0; i < article_lines.size(); ++i) {
    picked[i] = lines.empty() ? article_lines[i].ordered_qty : article_lines[i].picked_qty;
  }
  for (const LineQuantity& wanted : lines) {
    const auto index = detail::FindLineByKey(article_lines, wanted.line_key);
    if (!index) {
      throw SimError("Order " + order_number + " has no line " + wanted.line_key);
    }
    const Decimal qty = detail::ParseQuantity(wanted.qty, "line " + wanted.line_key);
    if (qty.IsNegative()) {
      throw SimError("line " + wanted.line_key + ": a picked quantity must not be negative");
    }
    picked[*index] = qty.ToString();
  }

  // Picked from the order's own warehouse (an order stored before warehouses were kept has
  // none: the default's).
  const int warehouse_id =
      order->warehouse_id != 0 ? order->warehouse_id : detail::DefaultWarehouse(*session).id;
  const std::string stamp = NowStamp();
  for (std::size_t i = 0; i < article_lines.size(); ++i) {
    const OrderLine& line = article_lines[i];
    const Decimal delta = Decimal::ParseOrZero(picked[i]) - Decimal::ParseOrZero(line.picked_qty);
    if (delta.IsZero()) {
      continue;
    }
    *session << "UPDATE sim_order_lines SET picked_qty = ? WHERE line_id = ?", bind(picked[i]),
        bind(line.line_id), now;
    if (auto article = detail::FindArticleByNumber(*session, owner_id, line.article_number)) {
      detail::ChangeStock(*session, article->system_id, warehouse_id, Decimal() - delta,
                          "Picked for order " + order_number);
    }
  }
  for (const Parcel& parcel : parcels) {
    *session << "INSERT OR IGNORE INTO sim_parcels (order_id, label_id, tracking_url, waybill, "
                "created, is_carrier) VALUES (?, ?, ?, ?, ?, ?)",
        bind(order->order_id), bind(parcel.label_id), bind(parcel.tracking_url),
        bind(waybill.number), bind(stamp), bind(parcel.is_carrier ? 1 : 0), now;
  }
  if (!waybill.number.empty()) {
    *session << "UPDATE sim_orders SET waybill = ?, waybill_url = ? WHERE order_id = ?",
        bind(waybill.number), bind(waybill.url), bind(order->order_id), now;
  }
  const bool sent = static_cast<int>(status) >= static_cast<int>(OrderStatus::kSent);
  *session << "UPDATE sim_orders SET status = ?, updated = ?, picking_started = "
              "coalesce(picking_started, ?), shipped_time = CASE WHEN ? THEN "
              "coalesce(nullif(?, ''), shipped_time, ?) ELSE shipped_time END WHERE order_id = ?",
      bind(static_cast<int>(status)), bind(stamp), bind(stamp), bind(sent ? 1 : 0),
      bind(shipped_stamp.value_or("")), bind(stamp), bind(order->order_id), now;
  // Ongoing's "Order is picked" webhook: a status from 400 Picked on, with items picked.
  bool any_picked = false;
  for (const std::string& qty : picked) {
    any_picked = any_picked || !Decimal::ParseOrZero(qty).IsZero();
  }
  if (any_picked && static_cast<int>(status) >= static_cast<int>(OrderStatus::kPicked)) {
    const auto shipped = detail::FindOrderByNumber(*session, owner_id, order_number);
    WebhookFacts facts;
    facts.kind = WebhookKind::kOrders;
    facts.goods_owner_id = owner_id;
    facts.document_id = shipped->order_id;
    facts.document_number = shipped->order_number;
    facts.status = static_cast<int>(shipped->status);
    facts.waybill = shipped->waybill;
    facts.tracking_url = shipped->waybill_url;
    for (const Parcel& parcel : shipped->parcels) {
      facts.parcels.emplace_back(parcel.id, parcel.label_id);
    }
    detail::RecordWebhook(*session, std::move(facts));
  }
  transaction.Commit();
}

void SimStore::StartPicking(const std::string& order_number, OrderStatus status) {
  if (!PickingHasStarted(status)) {
    throw SimError("picking needs a status from 300 to 800, not " +
                   std::to_string(static_cast<int>(status)));
  }
  // Mutex before session, everywhere: with ":memory:" the pool has a single session.
  const int owner_id = DefaultGoodsOwner().id;
  std::lock_guard write_lock(WriteMutex(owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  auto order = detail::FindOrderByNumber(*session, owner_id, order_number);
  if (!order) {
    throw SimError("Order " + order_number + " does not exist");
  }
  if (order->is_cancelled) {
    throw SimError("Order " + order_number + " is cancelled");
  }
  const std::string stamp = NowStamp();
  *session << "UPDATE sim_orders SET status = ?, updated = ?, picking_started = "
              "coalesce(picking_started, ?) WHERE order_id = ?",
      bind(static_cast<int>(status)), bind(stamp), bind(stamp), bind(order->order_id), now;
  transaction.Commit();
}

void SimStore::RenumberOrder(const std::string& order_number, const std::string& new_number) {
  if (new_number.empty()) {
    throw SimError("the new order number is empty");
  }
  // Mutex before session, everywhere: with ":memory:" the pool has a single session.
  const int owner_id = DefaultGoodsOwner().id;
  std::lock_guard write_lock(WriteMutex(owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  auto order = detail::FindOrderByNumber(*session, owner_id, order_number);
  if (!order) {
    throw SimError("Order " + order_number + " does not exist");
  }
  if (detail::FindOrderByNumber(*session, owner_id, new_number)) {
    throw SimError("Order " + new_number + " already exists");
  }
  *session << "UPDATE sim_orders SET order_number = ?, updated = ? WHERE order_id = ?",
      bind(new_number), bind(NowStamp()), bind(order->order_id), now;
  transaction.Commit();
}

}  // namespace wmsbridge::sim
