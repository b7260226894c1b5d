#pragma once
// One article as sql/queries/extract_articles.sql gives it (columns in order), with what the
// connection last told Ongoing about it.

#include <cstdint>
#include <optional>
#include <string>

#include "stages/erp/row_columns.h"

namespace wmsbridge::erp {

struct ArticleRow {
  std::int64_t article_id = 0;
  std::string article_no;
  std::string article_type;
  std::string name;
  std::string supplier_article_no;
  std::string barcode;
  std::string intrastat_no;
  std::optional<std::string> weight_kg;
  std::optional<std::string> volume_m3;
  bool is_active = false;
  std::string updated_at;
  std::optional<std::string> last_payload_hash;  // what the WMS last accepted
  std::optional<std::string> last_status;
  std::optional<std::string> refused_payload_hash;  // R32: the payload Ongoing last refused
  // ERP columns holding a NUL character (the queries' last column, nul_texts; see
  // stages/common/document_texts.h NulColumnsProblem): space-separated, empty when none.
  std::string nul_texts;
};

template <typename V>
void MapColumns(ArticleRow& r, V& c) {
  c.Id(r.article_id);
  c.Text(r.article_no);
  c.Text(r.article_type);
  c.Text(r.name);
  c.Text(r.supplier_article_no);
  c.Text(r.barcode);
  c.Text(r.intrastat_no);
  c.Optional(r.weight_kg);
  c.Optional(r.volume_m3);
  c.Flag(r.is_active);
  c.Text(r.updated_at);
  c.Optional(r.last_payload_hash);
  c.Optional(r.last_status);
  c.Optional(r.refused_payload_hash);
  c.Text(r.nul_texts);  // last, as in the query
}

}  // namespace wmsbridge::erp

template <>
class Poco::Data::TypeHandler<wmsbridge::erp::ArticleRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::ArticleRow> {};
