#include "stages/erp/document_store.h"

#include <map>

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

std::string CodeList(const std::vector<std::string>& codes) {
  std::string list = ",";
  for (const auto& c : codes)
    list += c + ",";
  return list;
}

std::vector<InternalOrderRow> DocumentStore::InternalOrder(const std::string& connection_name,
                                                           const std::string& warehouse_codes,
                                                           const std::string& number,
                                                           std::size_t max_rows) {
  std::vector<InternalOrderRow> rows;
  std::string connection = connection_name, codes = warehouse_codes, no = number;
  Poco::Int64 after = 0;
  int limit = static_cast<int>(max_rows);
  db_.session() << db_.Query("extract_internal_orders"), use(codes), use(codes), use(connection),
      use(connection), use(after), use(no), use(limit), into(rows), now;
  AttachLines("extract_internal_order_lines", rows);
  return rows;
}

std::size_t DocumentStore::Count(const std::string& query, const ExtractPage& page) {
  std::string connection = page.connection_name, codes = page.warehouse_codes,
              start = page.start_date, since = page.since, only = page.only;
  int full = page.full ? 1 : 0;
  Poco::Int64 count = 0;
  db_.session() << db_.Query(query), use(connection), use(codes), use(start), use(full), use(since),
      use(only), use(only), into(count), now;
  return static_cast<std::size_t>(count);
}

std::vector<VanishedRow> DocumentStore::Vanished(const std::string& query,
                                                 const std::string& connection_name) {
  std::vector<VanishedRow> rows;
  std::string connection = connection_name;
  db_.session() << db_.Query(query), use(connection), into(rows), now;
  return rows;
}

std::vector<SameNumberRow> DocumentStore::SameNumbers(const std::string& query,
                                                      const std::string& warehouse_codes,
                                                      const std::string& start_date,
                                                      const std::string& only) {
  std::vector<SameNumberRow> rows;
  std::string codes = warehouse_codes, start = start_date, no = only;
  db_.session() << db_.Query(query), use(codes), use(start), use(no), use(no), into(rows), now;
  return rows;
}

// The lines of a page's documents: prepared once, re-executed for every page (PageStatement).
struct DocumentStore::LinesStatement {
  LinesStatement(ErpDatabase& db, const std::string& query) : statement(db.session()) {
    statement << db.Query(query), use(low), use(high), into(lines);
  }
  Poco::Int64 low = 0;
  Poco::Int64 high = 0;
  std::vector<DocumentLineRow> lines;
  Poco::Data::Statement statement;
};

void DocumentStore::AttachLinesTo(const std::string& query,
                                  const std::vector<DocumentRow*>& documents) {
  if (documents.empty())
    return;
  if (!lines_ || lines_query_ != query) {
    lines_ = std::make_shared<LinesStatement>(db_, query);
    lines_query_ = query;
  }
  LinesStatement& q = *lines_;
  q.low = documents.front()->id - 1;
  q.high = documents.back()->id;
  q.lines.clear();
  try {
    q.statement.execute();
  } catch (...) {
    // A statement whose execution failed is not reused: dropped at once, as a one-off
    // statement was, before the transaction rolls back.
    lines_.reset();
    throw;
  }
  std::vector<DocumentLineRow> lines;
  lines.swap(q.lines);
  std::map<std::int64_t, DocumentRow*> by_id;
  for (DocumentRow* d : documents)
    by_id[d->id] = d;
  for (DocumentLineRow& l : lines) {
    auto it = by_id.find(l.document_id);
    if (it == by_id.end())
      continue;  // a document of the range the filter left out
    it->second->lines.push_back(std::move(l));
  }
}

}  // namespace wmsbridge::erp
