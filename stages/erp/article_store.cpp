#include "stages/erp/article_store.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

// The extract page: prepared once per store, its parameters and result bound to these members,
// and re-executed for every page instead of parsed and prepared again.
struct ArticleStore::PageStatement {
  explicit PageStatement(ErpDatabase& db) : statement(db.session()) {
    statement << db.Query("extract_articles"), use(connection), use(after), use(compare_all),
        use(since), use(limit), into(rows);
  }
  std::string connection;
  Poco::Int64 after = 0;
  int compare_all = 1;
  std::string since;
  int limit = 0;
  std::vector<ArticleRow> rows;
  Poco::Data::Statement statement;
};

std::vector<ArticleRow> ArticleStore::Page(const std::string& connection_name,
                                           std::int64_t after_id, bool full,
                                           const std::optional<std::string>& changed_since,
                                           std::size_t max_rows) {
  if (!page_)
    page_ = std::make_shared<PageStatement>(db_);
  PageStatement& q = *page_;
  q.connection = connection_name;
  q.after = after_id;
  q.compare_all = full || !changed_since ? 1 : 0;
  // Without a watermark the comparison is not used (full = 1), but it must still parse.
  q.since = changed_since.value_or("1900-01-01 00:00:00");
  q.limit = static_cast<int>(max_rows);
  q.rows.clear();
  q.rows.reserve(max_rows);
  try {
    q.statement.execute();
  } catch (...) {
    // A statement whose execution failed is not reused: dropped at once, as a one-off
    // statement was, before the transaction rolls back.
    page_.reset();
    throw;
  }
  std::vector<ArticleRow> rows;
  rows.swap(q.rows);
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
