#include "stages/purchase_orders/purchase_order_source.h"

#include <Poco/Tuple.h>

#include "stages/customer_orders/document_reader.h"
#include "stages/erp/text_value.h"

using namespace Poco::Data::Keywords;
using wmsbridge::customer_orders::ErpOrder;
using wmsbridge::erp::Optional;
using wmsbridge::erp::Text;
using wmsbridge::erp::Value;

namespace wmsbridge::purchase_orders {

std::optional<pipeline::Batch<ErpOrder>> PurchaseOrderSource::Next(std::size_t max_rows) {
  if (!settings_.only_order_nos.empty()) {
    while (next_only_ < settings_.only_order_nos.size()) {
      last_id_ = 0;
      done_ = false;
      auto page = Page(settings_.only_order_nos[next_only_++], max_rows);
      if (page)
        return page;
    }
    return std::nullopt;
  }
  if (!vanished_done_ && settings_.removals) {
    vanished_done_ = true;
    auto vanished = customer_orders::ReadVanished(db_, "extract_vanished_purchase_orders",
                                                  settings_.connection_name);
    if (!vanished.empty())
      return pipeline::Batch<ErpOrder>{std::move(vanished)};
  }
  return Page("", max_rows);
}

std::optional<pipeline::Batch<ErpOrder>> PurchaseOrderSource::Page(const std::string& only,
                                                                   std::size_t max_rows) {
  if (done_)
    return std::nullopt;
  using Row = Poco::Tuple<Poco::Int64, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text,
                          Text, Text, Text>;
  std::vector<Row> rows;
  std::string connection = settings_.connection_name;
  Poco::Int64 after = last_id_;
  std::string codes = customer_orders::CodeList(settings_.warehouses);
  std::string start = settings_.start_date;
  int full = settings_.full || !settings_.changed_since || !only.empty() ? 1 : 0;
  std::string since = settings_.changed_since.value_or("1900-01-01 00:00:00");
  std::string one = only;
  int limit = static_cast<int>(max_rows);
  db_.session() << db_.Query("extract_purchase_orders"), use(connection), use(connection),
      use(after), use(codes), use(start), use(full), use(since), use(one), use(one), use(limit),
      into(rows), now;
  if (rows.size() < max_rows)
    done_ = true;
  if (rows.empty())
    return std::nullopt;
  pipeline::Batch<ErpOrder> batch;
  for (const Row& r : rows) {
    ErpOrder p;
    p.order_id = r.get<0>();
    p.order_no = Value(r.get<1>());
    p.supplier_no = Value(r.get<2>());
    p.supplier_name = Value(r.get<3>());
    p.warehouse_code = Value(r.get<4>());
    p.order_date = Value(r.get<5>());
    p.delivery_date = Value(r.get<6>());
    p.status = Value(r.get<7>());
    p.updated_at = Value(r.get<8>());
    p.last_payload_hash = Optional(r.get<9>());
    p.last_status = Optional(r.get<10>());
    p.last_erp_id = Optional(r.get<11>());
    p.last_wms_id = Optional(r.get<12>());
    p.number_retired_by_other = Value(r.get<13>()) == "1";
    p.manual = !only.empty() || settings_.requested.count(p.order_no) > 0;
    if (p.updated_at > max_updated_at_)
      max_updated_at_ = p.updated_at;
    last_id_ = p.order_id;
    batch.rows.push_back(std::move(p));
  }
  customer_orders::AttachLines(db_, "extract_purchase_order_lines", batch.rows);
  return batch;
}

}  // namespace wmsbridge::purchase_orders
