#pragma once
// The ERP statement of the article export: one keyset page of articles with their sync state
// (sql/queries/extract_articles.sql).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "stages/erp/article_row.h"
#include "stages/erp/erp_database.h"

namespace wmsbridge::erp {

class ArticleStore {
 public:
  explicit ArticleStore(ErpDatabase& db) : db_(db) {}

  /// Up to max_rows articles with ids above after_id, ascending; all of them when
  /// changed_since is empty, else those changed since, never sent or in error. The statement
  /// is prepared on the first page and re-executed for the next ones (issue 15 point 3). Throws
  /// Poco::Data::DataException.
  std::vector<ArticleRow> Page(const std::string& connection_name, std::int64_t after_id, bool full,
                               const std::optional<std::string>& changed_since,
                               std::size_t max_rows);
  /// How many articles Page would give over all pages (count_articles.sql). Throws
  /// Poco::Data::DataException.
  std::size_t Count(const std::string& connection_name, bool full,
                    const std::optional<std::string>& changed_since);

 private:
  struct PageStatement;

  ErpDatabase& db_;
  std::shared_ptr<PageStatement> page_;  // extract_articles, once prepared
};

}  // namespace wmsbridge::erp
