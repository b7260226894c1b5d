#include "stages/readback/delivery_sink.h"

#include <Poco/Tuple.h>

#include <algorithm>
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
namespace {

using pipeline::OutcomeKind;
constexpr int kQtyScale = 3;
constexpr int kMoneyScale = 2;

struct ErpLine {
  std::string line_no, article_no, article_type, description;
  std::int64_t quantity = 0, delivered = 0, unit_price = 0;
};

struct ErpDocument {
  std::string doc_type, doc_no, erp_id, order_no, payment_method;
  std::vector<ErpLine> lines;
};

std::optional<ErpDocument> FindDocument(erp::ErpDatabase& db, const std::string& connection,
                                        int wms_id) {
  std::vector<Poco::Tuple<Text, Text, Text>> found;
  std::string c = connection, id = std::to_string(wms_id), t1 = "customer_order",
              t2 = "internal_order";
  db.session() << db.Query("find_sent_document"), use(c), use(id), use(t1), use(t2), into(found),
      now;
  if (found.empty())
    return std::nullopt;
  ErpDocument doc{
      Value(found[0].get<0>()), Value(found[0].get<1>()), Value(found[0].get<2>()), "", "", {}};
  using Line = Poco::Tuple<Text, Text, Text, Text, Text, Text, Text, Text, Text>;
  std::vector<Line> lines;
  std::string erp_id = doc.erp_id;
  db.session() << db.Query(doc.doc_type == "customer_order" ? "select_customer_order_for_delivery"
                                                            : "select_internal_order_for_delivery"),
      use(erp_id), into(lines), now;
  for (const Line& l : lines) {
    doc.lines.push_back({Value(l.get<0>()), Value(l.get<1>()), Value(l.get<2>()), Value(l.get<3>()),
                         stages::Scaled(Value(l.get<4>()), kQtyScale).value_or(0),
                         stages::Scaled(Value(l.get<5>()), kQtyScale).value_or(0),
                         stages::Scaled(Value(l.get<6>()), kMoneyScale).value_or(0)});
    doc.order_no = Value(l.get<7>());
    doc.payment_method = Value(l.get<8>());
  }
  return doc;
}

}  // namespace

void DeliverySink::Consume(pipeline::Batch<wms::ShippedOrder> batch,
                           pipeline::RunContext& context) {
  for (const wms::ShippedOrder& order : batch.rows) {
    if (context.StopRequested())
      return;
    Apply(order, context);
  }
}

void DeliverySink::Apply(const wms::ShippedOrder& order, pipeline::RunContext& context) {
  const std::string key =
      order.order_number.empty() ? std::to_string(order.order_id) : order.order_number;
  if (settings_.shipped_statuses.count(order.status) == 0) {
    context.Record({key, OutcomeKind::kSkipped, "not shipped yet"});
    return;
  }
  auto doc = FindDocument(db_, settings_.connection_name, order.order_id);
  if (!doc) {  // not sent by us, or by another connection (issue 6, point 5)
    context.Record({key, OutcomeKind::kSkipped, "not an order this connection sent"});
    return;
  }
  const bool is_customer_order = doc->doc_type == "customer_order";
  erp::RunStore runs(db_);
  const auto refuse = [&](const std::string& reason) {
    if (!settings_.dry_run)
      runs.Record(run_id_, doc->doc_type, doc->doc_no, "rejected", reason);
    context.Record({doc->doc_no, OutcomeKind::kRejected, reason});
  };

  // Check the whole report before changing anything: a report that cannot be applied changes
  // nothing (R30).
  std::map<std::string, ErpLine*> by_line;
  for (ErpLine& l : doc->lines)
    by_line[l.line_no] = &l;
  std::map<ErpLine*, std::int64_t> picked;
  for (const wms::PickedLine& p : order.lines) {
    auto it = by_line.find(p.external_line_code);
    if (it == by_line.end()) {
      return refuse("Ongoing reports line " + p.external_line_code + " (article " +
                    p.article_number + ") that the ERP order does not have");
    }
    ErpLine& line = *it->second;
    if (!p.article_number.empty() && p.article_number != line.article_no) {
      return refuse("Ongoing reports article " + p.article_number + " on line " + line.line_no +
                    " where the ERP order has " + line.article_no);
    }
    const auto qty = stages::Scaled(p.picked_quantity, kQtyScale);
    if (!qty || *qty < 0) {
      return refuse("Ongoing reports quantity '" + p.picked_quantity + "' on line " + line.line_no);
    }
    if (*qty > line.quantity) {
      return refuse("Ongoing reports " + stages::FromScaled(*qty, kQtyScale) +
                    " delivered on line " + line.line_no + " where " +
                    stages::FromScaled(line.quantity, kQtyScale) + " were ordered");
    }
    picked[&line] = *qty;
  }

  // The new state: delivered quantities as Ongoing says; status from the picked lines only
  // (text and service lines are never expected back, R10, R11).
  std::vector<std::pair<ErpLine*, std::int64_t>> delivered_now;  // lines whose quantity rises
  for (auto& [line, qty] : picked) {
    if (qty > line->delivered)
      delivered_now.push_back({line, qty - line->delivered});
  }
  bool all = true, any = false;
  for (ErpLine& l : doc->lines) {
    if (l.article_no.empty() || l.article_type == "SERVICE")
      continue;
    const std::int64_t delivered = picked.count(&l) ? picked[&l] : l.delivered;
    all = all && delivered >= l.quantity;
    any = any || delivered > 0;
  }
  const std::string status = all ? "DELIVERED" : (any ? "PARTIALLY_DELIVERED" : "");
  if (settings_.dry_run) {
    context.Record({doc->doc_no, OutcomeKind::kSent, "dry run: would apply " + status});
    return;
  }

  erp::ErpTransaction transaction(db_.session());
  for (auto& [line, qty] : picked) {
    std::string q = stages::FromScaled(qty, kQtyScale), id = doc->erp_id, no = line->line_no;
    db_.session() << db_.Query(is_customer_order ? "update_customer_order_line_delivered"
                                                 : "update_internal_order_line_delivered"),
        use(q), use(id), use(no), now;
  }
  if (!status.empty()) {
    std::string s = status, id = doc->erp_id;
    db_.session() << db_.Query(is_customer_order ? "update_customer_order_status"
                                                 : "update_internal_order_status"),
        use(s), use(id), now;
    std::string c = settings_.connection_name, t = doc->doc_type, n = doc->doc_no;
    Poco::UTF16String message =
        erp::LongText("Ongoing status " + std::to_string(order.status) + " " + order.status_text);
    Poco::Int64 run = run_id_;
    db_.session() << db_.Query("update_sync_status"), use(s), use(message), use(run), use(c),
        use(t), use(n), now;
  }

  // Track & trace (R26): parcels, and order-level shipments; a number already there is kept.
  int new_parcels = 0;
  if (is_customer_order) {
    std::vector<std::string> known;
    std::string id = doc->erp_id;
    db_.session() << db_.Query("select_tracking_numbers"), use(id), into(known), now;
    std::vector<wms::Parcel> parcels = order.parcels;
    parcels.insert(parcels.end(), order.shipment_tracking.begin(), order.shipment_tracking.end());
    for (const wms::Parcel& p : parcels) {
      if (p.tracking_number.empty() ||
          std::find(known.begin(), known.end(), p.tracking_number) != known.end()) {
        continue;
      }
      known.push_back(p.tracking_number);
      std::string tn = p.tracking_number, url = p.tracking_url, carrier = order.transporter_code;
      std::string at =
          order.shipped_time.empty() ? erp::NowText() : order.shipped_time.substr(0, 19);
      std::replace(at.begin(), at.end(), 'T', ' ');
      db_.session() << db_.Query("insert_tracking"), use(id), use(id), use(tn), use(url),
          use(carrier), use(at), now;
      ++new_parcels;
    }
  }

  // Invoice at delivery (R19): one invoice per delivery, for what this delivery added beyond
  // what was invoiced before; service lines (freight, fees) go on the order's first invoice.
  std::string note;
  if (settings_.invoice_at_delivery && is_customer_order) {
    std::vector<Poco::Tuple<std::string, std::string>> invoiced_rows;
    std::string id = doc->erp_id;
    db_.session() << db_.Query("select_invoiced_quantities"), use(id), into(invoiced_rows), now;
    std::map<std::string, std::int64_t> invoiced;
    for (const auto& r : invoiced_rows) {
      invoiced[r.get<0>()] = stages::Scaled(r.get<1>(), kQtyScale).value_or(0);
    }
    std::vector<std::pair<const ErpLine*, std::int64_t>> to_invoice;
    for (ErpLine& l : doc->lines) {
      const bool service = !l.article_no.empty() && l.article_type == "SERVICE";
      if (l.article_no.empty())
        continue;  // text lines carry no amount
      const std::int64_t delivered =
          service ? l.quantity : (picked.count(&l) ? picked[&l] : l.delivered);
      const std::int64_t due = delivered - invoiced[l.line_no];
      if (due > 0)
        to_invoice.push_back({&l, due});
    }
    const bool goods = std::any_of(to_invoice.begin(), to_invoice.end(), [](const auto& e) {
      return e.first->article_type != "SERVICE";
    });
    if (goods) {
      std::vector<Poco::Tuple<std::string, std::string>> next;
      db_.session() << db_.Query("next_invoice"), use(id), into(next), now;
      std::string invoice_id = next[0].get<0>();
      std::string invoice_no = "INV-" + invoice_id;
      std::int64_t total = 0;  // in 1/100 000 (qty scale 3 x money scale 2)
      for (const auto& [line, qty] : to_invoice)
        total += qty * line->unit_price;
      const std::int64_t rounded = (total + 500) / 1000;  // to 1/100
      std::string total_text = stages::FromScaled(rounded, kMoneyScale);
      std::string at = erp::NowText();
      int klarna = doc->payment_method == "KLARNA" ? 1 : 0;
      db_.session() << db_.Query("insert_invoice"), use(invoice_id), use(invoice_no), use(id),
          use(at), use(total_text), use(klarna), now;
      for (const auto& [line, qty] : to_invoice) {
        std::string ln = line->line_no, art = line->article_no, desc = line->description;
        std::string q = stages::FromScaled(qty, kQtyScale);
        std::string price = stages::FromScaled(line->unit_price, kMoneyScale);
        db_.session() << db_.Query("insert_invoice_line"), use(invoice_id), use(ln), use(art),
            use(desc), use(q), use(price), now;
      }
      note = "invoice " + invoice_no + (klarna ? " (Klarna to activate)" : "");
    }
  }
  const bool changed = !delivered_now.empty() || new_parcels > 0 || !note.empty();
  if (changed) {
    runs.Record(run_id_, doc->doc_type, doc->doc_no, "applied",
                (status.empty() ? "nothing delivered yet" : status) +
                    (new_parcels ? ", " + std::to_string(new_parcels) + " new parcel(s)" : "") +
                    (note.empty() ? "" : ", " + note));
  }
  transaction.Commit();
  context.Record({doc->doc_no, changed ? OutcomeKind::kSent : OutcomeKind::kUnchanged, status});
}

}  // namespace wmsbridge::readback
