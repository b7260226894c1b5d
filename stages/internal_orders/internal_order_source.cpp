#include "stages/internal_orders/internal_order_source.h"

#include <Poco/Tuple.h>

#include "stages/customer_orders/document_reader.h"
#include "stages/erp/text_value.h"

using namespace Poco::Data::Keywords;
using wmsbridge::customer_orders::ErpOrder;
using wmsbridge::erp::Optional;
using wmsbridge::erp::Text;
using wmsbridge::erp::Value;

namespace wmsbridge::internal_orders {

std::optional<pipeline::Batch<ErpOrder>> InternalOrderSource::Next(std::size_t max_rows) {
  if (!vanished_done_) {
    vanished_done_ = true;
    if (settings_.removals) {
      auto vanished = customer_orders::ReadVanished(db_, "extract_vanished_internal_orders",
                                                    settings_.connection_name);
      if (!vanished.empty())
        return pipeline::Batch<ErpOrder>{std::move(vanished)};
    }
  }
  using Row = Poco::Tuple<Poco::Int64, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text,
                          Text, Text, Text, Text, Text, Text, Text, Text>;
  while (next_ < settings_.only_order_nos.size()) {
    std::vector<Row> rows;
    std::string connection = settings_.connection_name;
    std::string codes = customer_orders::CodeList(settings_.warehouses);
    std::string number = settings_.only_order_nos[next_++];
    Poco::Int64 after = 0;
    int limit = static_cast<int>(max_rows);
    db_.session() << db_.Query("extract_internal_orders"), use(codes), use(codes), use(connection),
        use(connection), use(after), use(number), use(limit), into(rows), now;
    if (rows.empty())
      continue;
    pipeline::Batch<ErpOrder> batch;
    for (const Row& r : rows) {
      ErpOrder io;
      io.order_id = r.get<0>();
      io.order_no = Value(r.get<1>());
      io.warehouse_code = Value(r.get<2>());
      io.from_connected = Value(r.get<3>()) == "1";
      io.to_warehouse_code = Value(r.get<4>());
      io.to_connected = Value(r.get<5>()) == "1";
      io.delivery_name = Value(r.get<6>());
      io.delivery_address = Value(r.get<7>());
      io.delivery_postcode = Value(r.get<8>());
      io.delivery_city = Value(r.get<9>());
      io.delivery_country_code = Value(r.get<10>());
      io.delivery_date = Value(r.get<11>());
      io.status = Value(r.get<12>());
      io.updated_at = Value(r.get<13>());
      io.last_payload_hash = Optional(r.get<14>());
      io.last_status = Optional(r.get<15>());
      io.last_erp_id = Optional(r.get<16>());
      io.last_wms_id = Optional(r.get<17>());
      io.number_retired_by_other = Value(r.get<18>()) == "1";
      io.manual = true;
      batch.rows.push_back(std::move(io));
    }
    customer_orders::AttachLines(db_, "extract_internal_order_lines", batch.rows);
    return batch;
  }
  return std::nullopt;
}

}  // namespace wmsbridge::internal_orders
