#pragma once
// Whether a connection's ERP database is ready for wmsbridge, checked before a command uses it:
// a SQLite database file must exist (opening a missing one would create it empty, which nobody
// asked for), and wmsbridge's own wms_ tables must be at the version of the migration files
// (otherwise the operator is told to run `wmsbridge db migrate`, not shown a driver's error).

#include <stdexcept>
#include <string>
#include <vector>

#include "stages/erp/erp_database.h"

namespace wmsbridge::jobs {

/// The wms_ tables are missing or older than the program's migrations (exit 78).
class SchemaNotCurrent : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The file of a SQLite connection string ("Driver=SQLite3;Database=/x.db"), or "" when the
/// string names another driver or no Database= (a DSN). Never throws.
std::string SqliteDatabaseFile(const std::string& odbc_connection_string);

/// Throws MissingInputFile (jobs/connection_config.h) naming `connection` and the file when the
/// connection string names a SQLite database file that does not exist. Nothing is created.
void RequireSqliteFile(const std::string& connection, const std::string& file,
                       const std::string& odbc_connection_string);

/// The migration files (sql/<dialect>/migrations) not yet recorded in wms_schema_version.
/// Throws SchemaNotCurrent when the table does not exist, Poco::Exception when the database
/// fails (a file that is no database, a lost connection).
std::vector<std::string> PendingMigrations(erp::ErpDatabase& db);

/// Throws SchemaNotCurrent ("... run `wmsbridge db migrate`") unless every migration file is
/// recorded; Poco::Exception when the database fails otherwise.
void RequireCurrentSchema(erp::ErpDatabase& db);

}  // namespace wmsbridge::jobs
