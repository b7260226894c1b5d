#pragma once
// Schema creation and upgrades of the product's own tables: sql/<dialect>/migrations/NNN_*.sql,
// applied in order, each in its own transaction, recorded in wms_schema_version. Safe to run
// again: applied versions are skipped; a version missing below the highest applied one (branches
// merged out of number order) is still applied. Numbers must be unique; gaps are harmless.

#include <string>
#include <vector>

#include "stages/erp/erp_database.h"

namespace wmsbridge::erp {

struct MigrationResult {
  std::vector<std::string> applied;  // file names applied by this call
  int version = 0;                   // schema version after the call
};

/// Applies every migration not yet recorded. Throws Poco::Data::DataException naming the file
/// and statement when one fails (that migration is rolled back and later ones are not tried),
/// or when two files carry the same number.
MigrationResult Migrate(ErpDatabase& db);

/// Creates the reference ERP tables (sql/<dialect>/erp_schema.sql) for the demo and tests.
void CreateReferenceErpSchema(ErpDatabase& db);

}  // namespace wmsbridge::erp
