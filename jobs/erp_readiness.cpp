#include "jobs/erp_readiness.h"

#include <Poco/String.h>

#include <algorithm>
#include <filesystem>

#include "jobs/connection_config.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::jobs {

std::string SqliteDatabaseFile(const std::string& odbc_connection_string) {
  std::string driver;
  std::string database;
  std::size_t start = 0;
  while (start <= odbc_connection_string.size()) {
    std::size_t end = odbc_connection_string.find(';', start);
    if (end == std::string::npos)
      end = odbc_connection_string.size();
    const std::string part = odbc_connection_string.substr(start, end - start);
    const auto eq = part.find('=');
    if (eq != std::string::npos) {
      const std::string key = Poco::toLower(Poco::trim(part.substr(0, eq)));
      const std::string value = Poco::trim(part.substr(eq + 1));
      if (key == "driver")
        driver = Poco::toLower(value);
      else if (key == "database")
        database = value;
    }
    start = end + 1;
  }
  if (driver.find("sqlite") == std::string::npos)
    return "";
  return database;
}

void RequireSqliteFile(const std::string& connection, const std::string& file,
                       const std::string& odbc_connection_string) {
  const std::string path = SqliteDatabaseFile(odbc_connection_string);
  if (path.empty() || path == ":memory:")
    return;
  if (!std::filesystem::is_regular_file(path)) {
    throw MissingInputFile(file, "connection." + connection + ".erp_odbc",
                           "the SQLite database " + path +
                               " does not exist (wmsbridge never creates the ERP's database)");
  }
}

std::vector<std::string> PendingMigrations(erp::ErpDatabase& db) {
  // Asked of the catalogue, so that a database that fails (74) is not taken for one without
  // the tables (78).
  Poco::Int64 tables = 0;
  db.session() << db.Query("count_schema_version_table"), into(tables), now;
  if (tables == 0)
    throw SchemaNotCurrent("wmsbridge's tables (wms_) are missing from the ERP database");
  std::vector<int> recorded;
  db.session() << db.Query("select_schema_versions"), into(recorded), now;
  const std::filesystem::path dir =
      std::filesystem::path(db.sql_dir()) / erp::ToString(db.dialect()) / "migrations";
  std::vector<std::string> pending;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".sql")
      continue;
    const int version = std::atoi(name.c_str());
    if (std::find(recorded.begin(), recorded.end(), version) == recorded.end())
      pending.push_back(name);
  }
  std::sort(pending.begin(), pending.end());
  return pending;
}

void RequireCurrentSchema(erp::ErpDatabase& db) {
  std::vector<std::string> pending;
  try {
    pending = PendingMigrations(db);
  } catch (const SchemaNotCurrent& e) {
    throw SchemaNotCurrent(std::string(e.what()) + "; run `wmsbridge db migrate`");
  }
  if (!pending.empty()) {
    throw SchemaNotCurrent("wmsbridge's tables (wms_) lack " + std::to_string(pending.size()) +
                           " migration(s) (first " + pending.front() +
                           "); run `wmsbridge db migrate`");
  }
}

}  // namespace wmsbridge::jobs
