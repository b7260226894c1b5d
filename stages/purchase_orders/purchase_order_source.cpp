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

std::vector<ErpOrder> PurchaseOrderSource::ReadPage(std::int64_t after_id, const std::string& only,
                                                    std::size_t max_rows) {
  using Row = Poco::Tuple<Poco::Int64, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text,
                          Text, Text, Text>;
  std::vector<Row> rows;
  std::string connection = settings_.connection_name;
  Poco::Int64 after = after_id;
  std::string codes = customer_orders::CodeList(settings_.warehouses);
  std::string start = settings_.start_date;
  int full = FullComparison(only);
  std::string since = Since();
  std::string one = only;
  int limit = static_cast<int>(max_rows);
  db_.session() << db_.Query("extract_purchase_orders"), use(connection), use(connection),
      use(after), use(codes), use(start), use(full), use(since), use(one), use(one), use(limit),
      into(rows), now;
  std::vector<ErpOrder> page;
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
    p.manual = Manual(only, p.order_no);
    page.push_back(std::move(p));
  }
  customer_orders::AttachLines(db_, "extract_purchase_order_lines", page);
  return page;
}

}  // namespace wmsbridge::purchase_orders
