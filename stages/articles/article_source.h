#pragma once
// Streams the articles to consider from the ERP, one keyset page at a time (never the whole
// table): sql/queries/extract_articles.sql with "article_id greater than the last one seen".

#include <optional>
#include <string>

#include "pipeline/stage.h"
#include "stages/articles/article_row.h"
#include "stages/erp/article_store.h"
#include "stages/erp/erp_database.h"

namespace wmsbridge::articles {

struct ArticleSourceSettings {
  std::string connection_name;
  bool full = false;                         // compare every article, not only changed ones
  std::optional<std::string> changed_since;  // ERP updated_at watermark (incremental runs)
};

class ArticleSource final : public pipeline::Source<ErpArticleRow> {
 public:
  ArticleSource(erp::ErpDatabase& db, ArticleSourceSettings settings)
      : store_(db), settings_(std::move(settings)) {}

  /// Next page; throws Poco::Data::DataException when the query fails.
  std::optional<pipeline::Batch<ErpArticleRow>> Next(std::size_t max_rows) override;
  /// The articles the run will consider (count_articles.sql); throws
  /// Poco::Data::DataException.
  std::optional<std::size_t> CountRows() override {
    return store_.Count(settings_.connection_name, settings_.full, settings_.changed_since);
  }

  /// Highest ERP updated_at among the rows read so far (the next watermark).
  const std::string& max_updated_at() const { return max_updated_at_; }

 private:
  erp::ArticleStore store_;
  ArticleSourceSettings settings_;
  std::int64_t last_id_ = 0;
  bool done_ = false;
  std::string max_updated_at_;
};

}  // namespace wmsbridge::articles
