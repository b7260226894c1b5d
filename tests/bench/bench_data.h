#pragma once
// The benchmarks' data, twice: as ERP rows (generated in the ERP itself, so that a benchmark
// times the export and not its set-up) and as the documents wmsbridge makes of those rows, for
// the bare loop (bare_loop.h), which sends them with no database. The two halves live side by
// side so that a change to one is seen at the other; bench_floor checks they agree by comparing
// the null server's hash of every body each client sent.

#include <vector>

#include "stages/wms/wms_types.h"
#include "tests/support/erp_backend.h"

namespace wmsbridge::bench {

/// Inserts articles B-1 .. B-n (all STOCK, active, with supplier number, barcode, intrastat,
/// weight and volume). Throws on a database error.
void InsertArticles(const test::ErpBackend& db, int n);
/// The definitions wmsbridge sends for InsertArticles(n), in the same order (made by the
/// production ArticleTransform from rows equal to the inserted ones).
std::vector<wms::ArticleDefinition> ArticleDefinitions(int n);

/// Inserts the order set-up (warehouse MAIN, SEK, delivery method PN = POSTNORD/MYPACK,
/// customer K-1, articles B-1 .. B-10) and orders O-1 .. O-n with 1-10 lines each (5.5 on
/// average); returns the number of lines. Throws on a database error.
long InsertOrders(const test::ErpBackend& db, int n);
/// The article definitions of the order set-up (B-1 .. B-10).
std::vector<wms::ArticleDefinition> OrderArticleDefinitions();
/// The orders wmsbridge sends for InsertOrders(n) on a connection with warehouse MAIN and
/// currency SEK, in the same order.
std::vector<wms::CustomerOrder> CustomerOrders(int n);

}  // namespace wmsbridge::bench
