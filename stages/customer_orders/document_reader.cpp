#include "stages/customer_orders/document_reader.h"

#include <Poco/Tuple.h>

#include "stages/erp/text_value.h"

#include <map>

using namespace Poco::Data::Keywords;
using wmsbridge::erp::Optional;
using wmsbridge::erp::Text;
using wmsbridge::erp::Value;

namespace wmsbridge::customer_orders {
std::string CodeList(const std::vector<std::string>& codes) {
  std::string list = ",";
  for (const auto& c : codes)
    list += c + ",";
  return list;
}

std::vector<ErpOrder> ReadVanished(erp::ErpDatabase& db, const std::string& query,
                                   const std::string& connection_name) {
  std::vector<Poco::Tuple<Text, Text, Text>> rows;
  std::string connection = connection_name;
  db.session() << db.Query(query), use(connection), into(rows), now;
  std::vector<ErpOrder> out;
  for (const auto& r : rows) {
    ErpOrder doc;
    doc.vanished = true;
    doc.order_no = Value(r.get<0>());
    doc.last_erp_id = Optional(r.get<1>());
    doc.last_wms_id = Optional(r.get<2>());
    out.push_back(std::move(doc));
  }
  return out;
}

void AttachLines(erp::ErpDatabase& db, const std::string& query, std::vector<ErpOrder>& documents) {
  if (documents.empty())
    return;
  using Line = Poco::Tuple<Poco::Int64, int, Text, Text, Text, Text, Text, Text, Text>;
  std::vector<Line> lines;
  Poco::Int64 low = documents.front().order_id - 1;
  Poco::Int64 high = documents.back().order_id;
  db.session() << db.Query(query), use(low), use(high), into(lines), now;
  std::map<std::int64_t, ErpOrder*> by_id;
  for (ErpOrder& d : documents)
    by_id[d.order_id] = &d;
  for (const Line& l : lines) {
    auto it = by_id.find(l.get<0>());
    if (it == by_id.end())
      continue;  // a document of the range the filter left out
    ErpOrderLine line;
    line.line_no = l.get<1>();
    line.article_no = Optional(l.get<2>());
    line.description = Value(l.get<3>());
    line.quantity = Value(l.get<4>());
    line.article_known = Value(l.get<6>()) == "1";
    line.article_type = Value(l.get<7>());
    line.article_name = Value(l.get<8>());
    it->second->lines.push_back(std::move(line));
  }
}

}  // namespace wmsbridge::customer_orders
