#pragma once
// One abstract database fixture with a subclass per backend, as POCO's ODBC suite does:
// SQLite through its ODBC driver (a fresh file per test) and PostgreSQL through psqlODBC
// (a fresh schema per test in the cluster jobs/run_tests.sh starts; its connection string
// comes from WMSBRIDGE_TEST_PG).

#include <memory>
#include <string>

#include "stages/erp/erp_database.h"

namespace wmsbridge::test {

class ErpBackend {
 public:
  virtual ~ErpBackend() = default;
  virtual std::string Name() const = 0;
  /// ODBC connection string of an empty database with the reference ERP schema and the
  /// product's migrations applied.
  virtual std::string ConnectionString() const = 0;
  /// A new session on that database.
  std::unique_ptr<erp::ErpDatabase> Open() const;
  /// Runs one statement (test data set-up); throws on failure.
  void Exec(const std::string& sql) const;
  /// First column of the first row as text ("" for NULL or no row).
  std::string Scalar(const std::string& sql) const;
  /// Count of rows of a query.
  long Count(const std::string& sql) const;

 protected:
  void Prepare() const;  // schema + migrations
};

// Tests run once per backend through ERP_BACKEND_TEST (backend_test.h). A missing
// WMSBRIDGE_TEST_PG is an error (CI must test both); WMSBRIDGE_SKIP_PG=1 skips PostgreSQL.
std::shared_ptr<ErpBackend> MakeSqliteBackend();
std::shared_ptr<ErpBackend> MakePostgresBackend();

std::string SqlDir();
/// A fresh folder under the build tree for one test.
std::string TempDir(const std::string& name);

}  // namespace wmsbridge::test
