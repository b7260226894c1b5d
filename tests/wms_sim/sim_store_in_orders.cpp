// SimStore: in-orders (ProcessInOrder, GetInOrdersByQuery, and the warehouse's receiving).
#include <Poco/Data/Statement.h>

#include <map>
#include <set>

#include "tests/wms_sim/sim_db.h"
#include "tests/wms_sim/sim_store.h"
#include "tests/wms_sim/sim_store_rows.h"
#include "tests/wms_sim/sim_time.h"

namespace wmsbridge::sim {

using wms::Decimal;

using namespace Poco::Data::Keywords;

namespace {

std::string StatusPhrase(InOrderStatus status) {
  return "status " + std::to_string(static_cast<int>(status)) + " " + StatusText(status);
}

std::string LineKey(LineIdentification identification, const std::string& external_line_code,
                    const std::string& article_number) {
  if (identification == LineIdentification::kExternalOrderLineCode) {
    return "ext:" + external_line_code;
  }
  return "art:" + article_number;
}

std::string ValidateInOrder(Poco::Data::Session& session, int goods_owner_id,
                            const InOrderInput& input) {
  if (input.warehouse_code && !input.warehouse_code->empty() &&
      !detail::FindWarehouse(session, *input.warehouse_code)) {
    return "Warehouse " + *input.warehouse_code + " does not exist";
  }
  std::set<std::string> keys;
  int line_no = 0;
  for (const InOrderLineInput& line : input.lines) {
    ++line_no;
    const std::string where = "Line " + std::to_string(line_no) + ": ";
    auto qty = detail::ParseSimDecimal(line.qty);
    if (!qty) {
      return where + "NumberOfItems '" + line.qty + "' is not a decimal number";
    }
    if (qty->IsNegative()) {
      return where + "NumberOfItems must not be negative";
    }
    if (line.article_number.empty()) {
      return where + "ArticleNumber is required";
    }
    if (!detail::FindArticleByNumber(session, goods_owner_id, line.article_number)) {
      return "Article " + line.article_number + " does not exist";
    }
    if (line.identification == LineIdentification::kExternalOrderLineCode &&
        line.external_line_code.empty()) {
      return where + "ExternalOrderLineCode is required when lines are identified by it";
    }
    if (!keys.insert(LineKey(line.identification, line.external_line_code, line.article_number))
             .second) {
      return line.identification == LineIdentification::kExternalOrderLineCode
                 ? "ExternalOrderLineCode " + line.external_line_code +
                       " appears on more than one line"
                 : "Article " + line.article_number +
                       " appears on more than one line; identify lines by "
                       "ExternalOrderLineCode to repeat an article";
    }
  }
  return "";
}

}  // namespace

ProcessResult SimStore::ProcessInOrder(int goods_owner_id, const InOrderInput& input) {
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
  const auto existing = detail::FindInOrderByNumber(*session, goods_owner_id, number);
  if (existing) {
    result.in_order_id = existing->in_order_id;
  }
  const std::string stamp = NowStamp();

  if (input.operation == InOrderOperation::kRemove) {
    if (!existing) {
      return reject(say.DoesNotExist(DocumentNoun::kInOrder, number));
    }
    if (existing->is_cancelled) {
      result.success = true;
      result.message = "In-order " + number + " is already cancelled";
      return result;
    }
    if (ReceivingHasStarted(existing->status)) {
      return reject(
          say.LockedForCancel(DocumentNoun::kInOrder, number, StatusPhrase(existing->status)));
    }
    *session << "UPDATE sim_in_orders SET status = ?, is_cancelled = 1, updated = ? WHERE "
                "in_order_id = ?",
        bind(static_cast<int>(InOrderStatus::kCancelled)), bind(stamp), bind(existing->in_order_id),
        now;
    transaction.Commit();
    result.success = true;
    result.message = "In-order " + number + " cancelled";
    return result;
  }

  if (existing) {
    if (input.operation == InOrderOperation::kCreate) {
      return reject(say.AlreadyExists(DocumentNoun::kInOrder, number));
    }
    if (existing->is_cancelled) {
      return reject(say.ExistsAndIsCancelled(DocumentNoun::kInOrder, number));
    }
    if (ReceivingHasStarted(existing->status)) {
      return reject(
          say.LockedForUpdate(DocumentNoun::kInOrder, number, StatusPhrase(existing->status)));
    }
  }
  if (const std::string error = ValidateInOrder(*session, goods_owner_id, input); !error.empty()) {
    return reject(error);
  }

  InOrder in_order = existing.value_or(InOrder{});
  auto merge = [](const std::optional<std::string>& incoming, std::string& stored) {
    if (incoming) {
      stored = *incoming;
    }
  };
  merge(input.reference, in_order.reference);
  merge(input.remark, in_order.remark);
  merge(input.in_date, in_order.in_date);
  merge(input.order_date, in_order.order_date);
  merge(input.supplier_number, in_order.supplier_number);
  merge(input.supplier_name, in_order.supplier_name);
  if (input.warehouse_code && !input.warehouse_code->empty()) {
    in_order.warehouse_id = detail::FindWarehouse(*session, *input.warehouse_code)->id;
  } else if (in_order.warehouse_id == 0) {
    in_order.warehouse_id = detail::DefaultWarehouse(*session).id;
  }

  if (existing) {
    *session << "UPDATE sim_in_orders SET reference = ?, remark = ?, in_date = ?, order_date = "
                "?, warehouse_id = ?, supplier_number = ?, supplier_name = ?, updated = ? WHERE "
                "in_order_id = ?",
        bind(in_order.reference), bind(in_order.remark), bind(in_order.in_date),
        bind(in_order.order_date), bind(in_order.warehouse_id), bind(in_order.supplier_number),
        bind(in_order.supplier_name), bind(stamp), bind(in_order.in_order_id), now;
    result.message = "In-order " + number + " updated";
  } else {
    *session << "INSERT INTO sim_in_orders (goods_owner_id, order_number, status, reference, "
                "remark, in_date, order_date, warehouse_id, supplier_number, supplier_name, "
                "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bind(goods_owner_id), bind(number), bind(static_cast<int>(InOrderStatus::kOpen)),
        bind(in_order.reference), bind(in_order.remark), bind(in_order.in_date),
        bind(in_order.order_date), bind(in_order.warehouse_id), bind(in_order.supplier_number),
        bind(in_order.supplier_name), bind(stamp), bind(stamp), now;
    *session << "SELECT last_insert_rowid()", into(in_order.in_order_id), now;
    result.message = "In-order " + number + " created";
  }

  // Lines are replaced; a line that keeps its key keeps its InOrderLineId.
  std::map<std::string, int> old_ids;
  for (const InOrderLine& line : in_order.lines) {
    old_ids.emplace(
        line.external_line_code.empty()
            ? LineKey(LineIdentification::kArticleNumber, "", line.article_number)
            : LineKey(LineIdentification::kExternalOrderLineCode, line.external_line_code, ""),
        line.line_id);
  }
  *session << "DELETE FROM sim_in_order_lines WHERE in_order_id = ?", bind(in_order.in_order_id),
      now;
  int line_no = 0;
  for (const InOrderLineInput& line : input.lines) {
    ++line_no;
    std::string name = line.article_name;
    if (name.empty()) {
      if (auto article =
              detail::FindArticleByNumber(*session, goods_owner_id, line.article_number)) {
        name = article->name;
      }
    }
    Poco::Nullable<int> line_id;
    const auto old_id =
        old_ids.find(LineKey(line.identification, line.external_line_code, line.article_number));
    if (old_id != old_ids.end()) {
      line_id = old_id->second;
      old_ids.erase(old_id);
    }
    *session << "INSERT INTO sim_in_order_lines (line_id, in_order_id, line_no, "
                "external_line_code, article_number, article_name, advised_qty, received_qty, "
                "comment) VALUES (?, ?, ?, ?, ?, ?, ?, '0', ?)",
        bind(line_id), bind(in_order.in_order_id), bind(line_no), bind(line.external_line_code),
        bind(line.article_number), bind(name), bind(line.qty), bind(line.comment), now;
  }
  transaction.Commit();
  result.success = true;
  result.in_order_id = in_order.in_order_id;
  return result;
}

std::vector<InOrder> SimStore::QueryInOrders(int goods_owner_id, const InOrderQuery& query) {
  detail::Bindings bindings;
  const std::string where = detail::FilterWhere(
      "i", "in_order_id", goods_owner_id,
      {query.order_numbers, query.in_order_ids, query.status_from, query.status_to,
       query.updated_from, query.updated_to, query.in_order_id_from},
      bindings);
  auto session = pool_->Acquire();
  DbTransaction snapshot(*session, DbTransaction::Mode::kRead);
  const std::string to_report =
      query.only_to_report ? std::string(" AND ") + detail::kInOrderHasLinesToReport : "";
  return detail::LoadInOrders(*session, where + to_report, bindings, query.max_count);
}

std::optional<InOrder> SimStore::FindInOrder(const std::string& order_number) {
  auto session = pool_->Acquire();
  DbTransaction snapshot(*session, DbTransaction::Mode::kRead);
  return detail::FindInOrderByNumber(*session, DefaultGoodsOwnerId(*session), order_number);
}

void SimStore::Receive(const std::string& in_order_number, const std::vector<LineQuantity>& lines) {
  // Mutex before session, everywhere: with ":memory:" the pool has a single session.
  const int owner_id = DefaultGoodsOwner().id;
  std::lock_guard write_lock(WriteMutex(owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  auto in_order = detail::FindInOrderByNumber(*session, owner_id, in_order_number);
  if (!in_order) {
    throw SimError("In-order " + in_order_number + " does not exist");
  }
  if (in_order->is_cancelled) {
    throw SimError("In-order " + in_order_number + " is cancelled");
  }
  std::vector<std::string> received(in_order->lines.size());
  for (std::size_t i = 0; i < in_order->lines.size(); ++i) {
    received[i] = lines.empty() ? in_order->lines[i].advised_qty : in_order->lines[i].received_qty;
  }
  for (const LineQuantity& wanted : lines) {
    const auto index = detail::FindLineByKey(in_order->lines, wanted.line_key);
    if (!index) {
      throw SimError("In-order " + in_order_number + " has no line " + wanted.line_key);
    }
    const Decimal qty = detail::ParseQuantity(wanted.qty, "line " + wanted.line_key);
    if (qty.IsNegative()) {
      throw SimError("line " + wanted.line_key + ": a received quantity must not be negative");
    }
    received[*index] = qty.ToString();
  }

  const int warehouse_id =
      in_order->warehouse_id != 0 ? in_order->warehouse_id : detail::DefaultWarehouse(*session).id;
  bool all_received = true;
  bool any_received = false;
  for (std::size_t i = 0; i < in_order->lines.size(); ++i) {
    const InOrderLine& line = in_order->lines[i];
    const Decimal now_received = Decimal::ParseOrZero(received[i]);
    all_received = all_received && now_received >= Decimal::ParseOrZero(line.advised_qty);
    any_received = any_received || !now_received.IsZero();
    const Decimal delta = now_received - Decimal::ParseOrZero(line.received_qty);
    if (delta.IsZero()) {
      continue;
    }
    *session << "UPDATE sim_in_order_lines SET received_qty = ? WHERE line_id = ?",
        bind(received[i]), bind(line.line_id), now;
    if (auto article = detail::FindArticleByNumber(*session, owner_id, line.article_number)) {
      detail::ChangeStock(*session, article->system_id, warehouse_id, delta,
                          "Received on in-order " + in_order_number);
    }
  }
  InOrderStatus status = in_order->status;
  if (all_received && !in_order->lines.empty()) {
    status = InOrderStatus::kReceived;
  } else if (any_received) {
    status = InOrderStatus::kPartiallyReceived;
  }
  *session << "UPDATE sim_in_orders SET status = ?, updated = ?, received_time = ? WHERE "
              "in_order_id = ?",
      bind(static_cast<int>(status)), bind(NowStamp()), bind(NowStamp()),
      bind(in_order->in_order_id), now;
  // Ongoing's "Purchase order is received" webhook, when goods were received.
  if (any_received) {
    WebhookFacts facts;
    facts.kind = WebhookKind::kPurchaseOrders;
    facts.goods_owner_id = owner_id;
    facts.document_id = in_order->in_order_id;
    facts.document_number = in_order->order_number;
    facts.status = static_cast<int>(status);
    detail::RecordWebhook(*session, std::move(facts));
  }
  transaction.Commit();
}

void SimStore::RenumberInOrder(const std::string& order_number, const std::string& new_number) {
  if (new_number.empty()) {
    throw SimError("the new in-order number is empty");
  }
  // Mutex before session, everywhere: with ":memory:" the pool has a single session.
  const int owner_id = DefaultGoodsOwner().id;
  std::lock_guard write_lock(WriteMutex(owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  auto in_order = detail::FindInOrderByNumber(*session, owner_id, order_number);
  if (!in_order) {
    throw SimError("In-order " + order_number + " does not exist");
  }
  if (detail::FindInOrderByNumber(*session, owner_id, new_number)) {
    throw SimError("In-order " + new_number + " already exists");
  }
  *session << "UPDATE sim_in_orders SET order_number = ?, updated = ? WHERE in_order_id = ?",
      bind(new_number), bind(NowStamp()), bind(in_order->in_order_id), now;
  transaction.Commit();
}

}  // namespace wmsbridge::sim
