#include "stages/customer_orders/order_source.h"

#include <Poco/Tuple.h>

#include "stages/erp/text_value.h"

#include "stages/customer_orders/document_reader.h"

using namespace Poco::Data::Keywords;
using wmsbridge::erp::Optional;
using wmsbridge::erp::Text;
using wmsbridge::erp::Value;

namespace wmsbridge::customer_orders {
std::optional<pipeline::Batch<ErpOrder>> PagedDocumentSource::Next(std::size_t max_rows) {
  if (!settings_.only_order_nos.empty()) {
    // Manual send: one short query per named document.
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
    auto vanished = ReadVanished(db_, vanished_query_, settings_.connection_name);
    if (!vanished.empty())
      return pipeline::Batch<ErpOrder>{std::move(vanished)};
  }
  return Page("", max_rows);
}

std::optional<pipeline::Batch<ErpOrder>> PagedDocumentSource::Page(const std::string& only,
                                                                   std::size_t max_rows) {
  if (done_)
    return std::nullopt;
  std::vector<ErpOrder> rows = ReadPage(last_id_, only, max_rows);
  if (rows.size() < max_rows)
    done_ = true;
  if (rows.empty())
    return std::nullopt;
  for (const ErpOrder& d : rows) {
    if (d.updated_at > max_updated_at_)
      max_updated_at_ = d.updated_at;
  }
  last_id_ = rows.back().order_id;
  return pipeline::Batch<ErpOrder>{std::move(rows)};
}

std::vector<ErpOrder> OrderSource::ReadPage(std::int64_t after_id, const std::string& only_order_no,
                                            std::size_t max_rows) {
  // Poco::Tuple holds at most 20 elements: the 33 columns go into two tuples of one statement.
  using Head = Poco::Tuple<Poco::Int64, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text,
                           Text, Text, Text, Text, Text, Text, Text, Text, Text>;
  using Tail =
      Poco::Tuple<Text, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text>;
  std::vector<Head> heads;
  std::vector<Tail> tails;
  std::string connection = settings_.connection_name;
  Poco::Int64 after = after_id;
  std::string codes = CodeList(settings_.warehouses);
  std::string start = settings_.start_date;
  int full = FullComparison(only_order_no);
  std::string since = Since();
  std::string only = only_order_no;
  int limit = static_cast<int>(max_rows);
  db_.session() << db_.Query("extract_customer_orders"), use(connection), use(connection),
      use(after), use(codes), use(start), use(full), use(since), use(only), use(only), use(limit),
      into(heads), into(tails), now;
  std::vector<ErpOrder> page;
  page.reserve(heads.size());
  for (std::size_t i = 0; i < heads.size(); ++i) {
    const Head& h = heads[i];
    const Tail& t = tails[i];
    ErpOrder o;
    o.order_id = h.get<0>();
    o.order_no = Value(h.get<1>());
    o.warehouse_code = Value(h.get<2>());
    o.order_date = Value(h.get<3>());
    o.delivery_date = Value(h.get<4>());
    o.currency_code = Value(h.get<5>());
    o.currency_known_in_erp = Value(h.get<6>()) == "1";
    o.delivery_method_id = Value(h.get<7>());
    o.delivery_method_key = Value(h.get<8>());
    o.dm_code = Value(h.get<9>());
    o.dm_carrier_code = Value(h.get<10>());
    o.dm_carrier_service_code = Value(h.get<11>());
    o.pickup_point_code = Value(h.get<12>());
    o.pickup_point_name = Value(h.get<13>());
    o.delivery_name = Value(h.get<14>());
    o.delivery_address = Value(h.get<15>());
    o.delivery_address2 = Value(h.get<16>());
    o.delivery_postcode = Value(h.get<17>());
    o.delivery_city = Value(h.get<18>());
    o.delivery_country_code = Value(h.get<19>());
    o.delivery_email = Value(t.get<0>());
    o.delivery_phone = Value(t.get<1>());
    o.reference = Value(t.get<2>());
    o.remark = Value(t.get<3>());
    o.payment_method = Value(t.get<4>());
    o.status = Value(t.get<5>());
    o.updated_at = Value(t.get<6>());
    o.customer_no = Value(t.get<7>());
    o.last_payload_hash = Optional(t.get<8>());
    o.last_status = Optional(t.get<9>());
    o.last_erp_id = Optional(t.get<10>());
    o.last_wms_id = Optional(t.get<11>());
    o.number_retired_by_other = Value(t.get<12>()) == "1";
    o.manual = Manual(only_order_no, o.order_no);
    page.push_back(std::move(o));
  }
  AttachLines(db_, "extract_customer_order_lines", page);
  return page;
}

}  // namespace wmsbridge::customer_orders
