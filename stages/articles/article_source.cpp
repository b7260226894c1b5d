#include "stages/articles/article_source.h"

namespace wmsbridge::articles {

std::optional<pipeline::Batch<ErpArticleRow>> ArticleSource::Next(std::size_t max_rows) {
  if (done_)
    return std::nullopt;
  std::vector<ErpArticleRow> rows = store_.Page(settings_.connection_name, last_id_, settings_.full,
                                                settings_.changed_since, max_rows);
  if (rows.size() < max_rows)
    done_ = true;
  if (rows.empty())
    return std::nullopt;
  for (const ErpArticleRow& a : rows) {
    if (a.updated_at > max_updated_at_)
      max_updated_at_ = a.updated_at;
  }
  last_id_ = rows.back().article_id;
  return pipeline::Batch<ErpArticleRow>{std::move(rows)};
}

}  // namespace wmsbridge::articles
