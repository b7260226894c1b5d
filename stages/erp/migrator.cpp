#include "stages/erp/migrator.h"
#include "pipeline/clock.h"

#include "stages/erp/erp_transaction.h"

#include <Poco/Data/DataException.h>

#include <algorithm>
#include <filesystem>

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

MigrationResult Migrate(ErpDatabase& db) {
  auto& session = db.session();
  session << "CREATE TABLE IF NOT EXISTS wms_schema_version (version INTEGER PRIMARY KEY, "
             "name TEXT NOT NULL, applied_at TEXT NOT NULL)",
      now;
  const std::filesystem::path dir =
      std::filesystem::path(db.sql_dir()) / ToString(db.dialect()) / "migrations";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".sql")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  MigrationResult result;
  // Every file not yet recorded is applied, in file order, not only those above the highest
  // version: branches merged in another order than they were numbered (009 applied before 007
  // arrives) leave no migration behind. Numbers need only be unique; gaps are harmless.
  std::vector<int> recorded;
  session << "SELECT version FROM wms_schema_version", into(recorded), now;
  result.version = recorded.empty() ? 0 : *std::max_element(recorded.begin(), recorded.end());
  int previous = 0;
  for (const auto& file : files) {
    const std::string name = file.filename().string();
    const int version = std::stoi(name.substr(0, name.find('_')));
    if (version == previous)
      throw Poco::Data::DataException("two migrations numbered " + std::to_string(version) +
                                      " in " + dir.string() + ": " + name);
    previous = version;
    if (std::find(recorded.begin(), recorded.end(), version) != recorded.end())
      continue;
    erp::ErpTransaction transaction(session);
    db.RunScript(file.string());
    const std::string applied_at = pipeline::UtcNowText();
    int v = version;
    std::string n = name;
    std::string at = applied_at;
    session << "INSERT INTO wms_schema_version (version, name, applied_at) VALUES (?, ?, ?)",
        use(v), use(n), use(at), now;
    transaction.Commit();
    result.applied.push_back(name);
    result.version = std::max(result.version, version);
  }
  return result;
}

void CreateReferenceErpSchema(ErpDatabase& db) {
  const std::filesystem::path script =
      std::filesystem::path(db.sql_dir()) / ToString(db.dialect()) / "erp_schema.sql";
  erp::ErpTransaction transaction(db.session());
  db.RunScript(script.string());
  transaction.Commit();
}

}  // namespace wmsbridge::erp
