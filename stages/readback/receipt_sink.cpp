#include "stages/readback/receipt_sink.h"

#include <Poco/Tuple.h>

#include <map>

#include "pipeline/run_context.h"
#include "stages/common/field_checks.h"
#include "stages/erp/erp_transaction.h"
#include "stages/erp/run_store.h"
#include "stages/erp/text_value.h"

using namespace Poco::Data::Keywords;
using wmsbridge::erp::Text;
using wmsbridge::erp::Value;

namespace wmsbridge::readback {

using pipeline::OutcomeKind;
constexpr int kQtyScale = 3;

void ReceiptSink::Consume(pipeline::Batch<wms::ReceivedInOrder> batch,
                          pipeline::RunContext& context) {
  for (const wms::ReceivedInOrder& order : batch.rows) {
    if (context.StopRequested())
      return;
    Apply(order, context);
  }
}

void ReceiptSink::Apply(const wms::ReceivedInOrder& order, pipeline::RunContext& context) {
  std::vector<Poco::Tuple<Text, Text, Text>> found;
  std::string c = settings_.connection_name, wms_id = std::to_string(order.in_order_id);
  std::string t1 = "purchase_order", t2 = "purchase_order";
  db_.session() << db_.Query("find_sent_document"), use(c), use(wms_id), use(t1), use(t2),
      into(found), now;
  if (found.empty()) {
    context.Record({order.order_number, OutcomeKind::kSkipped, "not sent by this connection"});
    return;
  }
  const std::string doc_no = Value(found[0].get<1>());
  std::string erp_id = Value(found[0].get<2>());
  std::vector<Poco::Tuple<Text, Text, Text, Text>> rows;
  db_.session() << db_.Query("select_purchase_order_for_receipt"), use(erp_id), into(rows), now;
  struct Line {
    std::string article_no;
    std::int64_t quantity, received;
  };
  std::map<std::string, Line> lines;
  for (const auto& r : rows) {
    lines[Value(r.get<0>())] = {Value(r.get<1>()),
                                stages::Scaled(Value(r.get<2>()), kQtyScale).value_or(0),
                                stages::Scaled(Value(r.get<3>()), kQtyScale).value_or(0)};
  }
  erp::RunStore runs(db_);
  const auto refuse = [&](const std::string& reason) {
    if (!settings_.dry_run)
      runs.Record(run_id_, "purchase_order", doc_no, "rejected", reason);
    context.Record({doc_no, OutcomeKind::kRejected, reason});
  };
  std::map<std::string, std::int64_t> received;
  for (const wms::ReceivedLine& r : order.lines) {
    auto it = lines.find(r.external_line_code);
    if (it == lines.end()) {
      return refuse("Ongoing reports line " + r.external_line_code + " (article " +
                    r.article_number + ") that the ERP purchase order does not have");
    }
    if (!r.article_number.empty() && r.article_number != it->second.article_no) {
      return refuse("Ongoing reports article " + r.article_number + " on line " +
                    r.external_line_code + " where the ERP purchase order has " +
                    it->second.article_no);
    }
    const auto qty = stages::Scaled(r.received_quantity, kQtyScale);
    if (!qty || *qty < 0) {
      return refuse("Ongoing reports quantity '" + r.received_quantity + "' on line " +
                    r.external_line_code);
    }
    received[r.external_line_code] = *qty;
  }
  bool all = true, any = false, changed = false;
  for (auto& [line_no, line] : lines) {
    const std::int64_t now_received = received.count(line_no) ? received[line_no] : line.received;
    changed = changed || now_received != line.received;
    all = all && now_received >= line.quantity;
    any = any || now_received > 0;
  }
  const std::string status = all ? "RECEIVED" : (any ? "PARTIALLY_RECEIVED" : "");
  if (!changed) {
    context.Record({doc_no, OutcomeKind::kUnchanged, ""});
    return;
  }
  if (settings_.dry_run) {
    context.Record({doc_no, OutcomeKind::kSent, "dry run: would apply " + status});
    return;
  }
  erp::ErpTransaction transaction(db_.session());
  for (const auto& [line_no, qty] : received) {
    std::string q = stages::FromScaled(qty, kQtyScale), id = erp_id, no = line_no;
    db_.session() << db_.Query("update_purchase_order_line_received"), use(q), use(id), use(no),
        now;
  }
  if (!status.empty()) {
    std::string s = status, id = erp_id, t = "purchase_order", n = doc_no;
    db_.session() << db_.Query("update_purchase_order_status"), use(s), use(id), now;
    Poco::UTF16String message = erp::LongText(
        "Ongoing in-order status " + std::to_string(order.status) + " " + order.status_text);
    Poco::Int64 run = run_id_;
    db_.session() << db_.Query("update_sync_status"), use(s), use(message), use(run), use(c),
        use(t), use(n), now;
  }
  runs.Record(run_id_, "purchase_order", doc_no, "applied", status);
  transaction.Commit();
  context.Record({doc_no, OutcomeKind::kSent, status});
}

}  // namespace wmsbridge::readback
