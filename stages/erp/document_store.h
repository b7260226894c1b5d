#pragma once
// The ERP statements of the order-document exports (customer, purchase and internal orders):
// keyset pages of documents with their lines, the documents a connection sent that are gone
// from the ERP, and one document named for a manual send. The statements are the files
// sql/queries/extract_*.sql; rows are mapped by their TypeHandlers (row_columns.h).

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "stages/erp/erp_database.h"
#include "stages/erp/internal_order_row.h"

namespace wmsbridge::erp {

/// The parameters of a keyset-paged extract query (extract_customer_orders.sql,
/// extract_purchase_orders.sql share them).
struct ExtractPage {
  std::string connection_name;
  std::string warehouse_codes;  // the connected warehouses as ",MAIN,NORTH," (CodeList)
  std::string start_date;       // R4
  bool full = false;            // compare every document, not only the changed ones
  std::string since;            // watermark of incremental runs
  std::string only;             // one document number, or "" for all
  std::int64_t after_id = 0;
  std::size_t max_rows = 500;
};

/// The connected warehouse codes as the extract queries take them: ",MAIN,NORTH,".
std::string CodeList(const std::vector<std::string>& codes);

class DocumentStore {
 public:
  explicit DocumentStore(ErpDatabase& db) : db_(db) {}

  /// One page of `query` (shaped as extract_customer_orders.sql) ascending by id, each document
  /// with its lines from `lines_query` (shaped as extract_customer_order_lines.sql). Both
  /// statements are prepared on the first page and re-executed for the next ones (issue 15
  /// point 3); a query name always gives the same Row type. Throws Poco::Data::DataException.
  template <typename Row>
  std::vector<Row> Page(const std::string& query, const std::string& lines_query,
                        const ExtractPage& page) {
    if (!page_ || page_query_ != query) {
      page_ = std::make_shared<PageStatement<Row>>(db_, query);
      page_query_ = query;
    }
    auto& q = *static_cast<PageStatement<Row>*>(page_.get());
    q.connection = page.connection_name;
    q.codes = page.warehouse_codes;
    q.start = page.start_date;
    q.since = page.since;
    q.only = page.only;
    q.after = page.after_id;
    q.full = page.full ? 1 : 0;
    q.limit = static_cast<int>(page.max_rows);
    q.rows.clear();
    try {
      q.statement.execute();
    } catch (...) {
      // A statement whose execution failed is not reused: dropped at once, as a one-off
      // statement was, before the transaction rolls back.
      page_.reset();
      throw;
    }
    std::vector<Row> rows;
    rows.swap(q.rows);
    AttachLines(lines_query, rows);
    return rows;
  }

  /// How many documents `query` (shaped as count_customer_orders.sql) counts for the pages of
  /// `page` (its after_id and max_rows are not used). Throws Poco::Data::DataException.
  std::size_t Count(const std::string& query, const ExtractPage& page);

  /// The internal order numbered `number` (R23: sent only when named), with its lines; empty
  /// when there is none this connection may send. Throws Poco::Data::DataException.
  std::vector<InternalOrderRow> InternalOrder(const std::string& connection_name,
                                              const std::string& warehouse_codes,
                                              const std::string& number, std::size_t max_rows);

  /// Rows of a sql/queries/extract_vanished_*.sql query: documents the connection sent that
  /// are gone from the ERP. Throws Poco::Data::DataException.
  std::vector<VanishedRow> Vanished(const std::string& query, const std::string& connection_name);

  /// Rows of a sql/queries/select_same_number_*.sql query: the live documents of the scope
  /// (`warehouse_codes` as CodeList gives them, `start_date`; one number `only`, or "" for all)
  /// that share their number with another, ascending by number and id. Throws
  /// Poco::Data::DataException.
  std::vector<SameNumberRow> SameNumbers(const std::string& query,
                                         const std::string& warehouse_codes,
                                         const std::string& start_date, const std::string& only);

 private:
  // An extract page's statement: its parameters and result bound to these members, re-executed
  // with new values for every page instead of parsed and prepared again.
  template <typename Row>
  struct PageStatement {
    PageStatement(ErpDatabase& db, const std::string& query) : statement(db.session()) {
      using namespace Poco::Data::Keywords;
      statement << db.Query(query), use(connection), use(connection), use(after), use(codes),
          use(start), use(full), use(since), use(only), use(only), use(limit), into(rows);
    }
    std::string connection, codes, start, since, only;
    Poco::Int64 after = 0;
    int full = 0;
    int limit = 0;
    std::vector<Row> rows;
    Poco::Data::Statement statement;
  };
  struct LinesStatement;

  template <typename Row>
  void AttachLines(const std::string& query, std::vector<Row>& documents) {
    std::vector<DocumentRow*> base;
    base.reserve(documents.size());
    for (Row& d : documents)
      base.push_back(&d);
    AttachLinesTo(query, base);
  }
  /// Reads the lines of documents (ascending by id) in one query and attaches them.
  void AttachLinesTo(const std::string& query, const std::vector<DocumentRow*>& documents);

  ErpDatabase& db_;
  std::shared_ptr<void> page_;  // a PageStatement<Row> of page_query_
  std::string page_query_;
  std::shared_ptr<LinesStatement> lines_;  // of lines_query_
  std::string lines_query_;
};

}  // namespace wmsbridge::erp
