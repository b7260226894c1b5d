#include "stages/articles/article_source.h"

#include <Poco/Tuple.h>

#include "stages/erp/text_value.h"

using namespace Poco::Data::Keywords;
using wmsbridge::erp::Optional;
using wmsbridge::erp::Text;
using wmsbridge::erp::Value;

namespace wmsbridge::articles {
namespace {

using Row = Poco::Tuple<Poco::Int64, Text, Text, Text, Text, Text, Text, Text, Text, Text, Text,
                        Text, Text>;

}  // namespace

std::optional<pipeline::Batch<ErpArticleRow>> ArticleSource::Next(std::size_t max_rows) {
  if (done_)
    return std::nullopt;
  std::vector<Row> rows;
  rows.reserve(max_rows);
  std::string connection = settings_.connection_name;
  Poco::Int64 after = last_id_;
  int full = settings_.full || !settings_.changed_since ? 1 : 0;
  // Without a watermark the comparison is not used (full = 1), but it must still parse.
  std::string since = settings_.changed_since.value_or("1900-01-01 00:00:00");
  int limit = static_cast<int>(max_rows);
  db_.session() << db_.Query("extract_articles"), use(connection), use(after), use(full),
      use(since), use(limit), into(rows), now;
  if (rows.size() < max_rows)
    done_ = true;
  if (rows.empty())
    return std::nullopt;

  pipeline::Batch<ErpArticleRow> batch;
  batch.rows.reserve(rows.size());
  for (const Row& r : rows) {
    ErpArticleRow a;
    a.article_id = r.get<0>();
    a.article_no = Value(r.get<1>());
    a.article_type = Value(r.get<2>());
    a.name = Value(r.get<3>());
    a.supplier_article_no = Value(r.get<4>());
    a.barcode = Value(r.get<5>());
    a.intrastat_no = Value(r.get<6>());
    a.weight_kg = Optional(r.get<7>());
    a.volume_m3 = Optional(r.get<8>());
    a.is_active = Value(r.get<9>()) == "1";
    a.updated_at = Value(r.get<10>());
    a.last_payload_hash = Optional(r.get<11>());
    a.last_status = Optional(r.get<12>());
    if (a.updated_at > max_updated_at_)
      max_updated_at_ = a.updated_at;
    last_id_ = a.article_id;
    batch.rows.push_back(std::move(a));
  }
  return batch;
}

}  // namespace wmsbridge::articles
