#include "stages/erp/article_store.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

std::vector<ArticleRow> ArticleStore::Page(const std::string& connection_name,
                                           std::int64_t after_id, bool full,
                                           const std::optional<std::string>& changed_since,
                                           std::size_t max_rows) {
  std::vector<ArticleRow> rows;
  rows.reserve(max_rows);
  std::string connection = connection_name;
  Poco::Int64 after = after_id;
  int compare_all = full || !changed_since ? 1 : 0;
  // Without a watermark the comparison is not used (full = 1), but it must still parse.
  std::string since = changed_since.value_or("1900-01-01 00:00:00");
  int limit = static_cast<int>(max_rows);
  db_.session() << db_.Query("extract_articles"), use(connection), use(after), use(compare_all),
      use(since), use(limit), into(rows), now;
  return rows;
}

std::size_t ArticleStore::Count(const std::string& connection_name, bool full,
                                const std::optional<std::string>& changed_since) {
  std::string connection = connection_name;
  int compare_all = full || !changed_since ? 1 : 0;
  std::string since = changed_since.value_or("1900-01-01 00:00:00");
  Poco::Int64 count = 0;
  db_.session() << db_.Query("count_articles"), use(connection), use(compare_all), use(since),
      into(count), now;
  return static_cast<std::size_t>(count);
}

}  // namespace wmsbridge::erp
