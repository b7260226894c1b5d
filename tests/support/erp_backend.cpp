#include "tests/support/erp_backend.h"

#include <Poco/Data/Session.h>
#include <Poco/Environment.h>
#include <Poco/Nullable.h>
#include <Poco/UUIDGenerator.h>

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "stages/erp/migrator.h"
#include "stages/erp/text_value.h"
#include "tests/support/backend_test.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::test {

std::string SqlDir() {
  return std::string(WMSBRIDGE_SOURCE_DIR) + "/sql";
}

std::string TempDir(const std::string& name) {
  static std::atomic<int> counter{0};
  const auto dir = std::filesystem::path(WMSBRIDGE_BINARY_DIR) / "test-tmp" /
                   (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::unique_ptr<erp::ErpDatabase> ErpBackend::Open() const {
  return std::make_unique<erp::ErpDatabase>(ConnectionString(), SqlDir());
}

void ErpBackend::Exec(const std::string& sql) const {
  auto db = Open();
  db->session() << sql, now;
}

std::string ErpBackend::Scalar(const std::string& sql) const {
  auto db = Open();
  std::vector<Poco::Nullable<std::string>> values;
  db->session() << sql, into(values), now;
  if (values.empty() || values.front().isNull())
    return "";
  return erp::WholeText(values.front().value());  // read in pieces, as the product reads
}

long ErpBackend::Count(const std::string& sql) const {
  return std::stol(Scalar("SELECT CAST(COUNT(*) AS VARCHAR(20)) FROM (" + sql + ") q"));
}

void ErpBackend::Prepare() const {
  auto db = Open();
  erp::CreateReferenceErpSchema(*db);
  erp::Migrate(*db);
}

namespace {

class SqliteBackend final : public ErpBackend {
 public:
  SqliteBackend() : path_(TempDir("sqlite") + "/erp.db") { Prepare(); }
  std::string Name() const override { return "sqlite"; }
  std::string ConnectionString() const override { return "Driver=SQLite3;Database=" + path_; }

 private:
  std::string path_;
};

class PostgresBackend final : public ErpBackend {
 public:
  explicit PostgresBackend(std::string base) : base_(std::move(base)) {
    // A schema of its own per fixture keeps tests independent in one database.
    std::string uuid = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    schema_ = "t_" + uuid.substr(0, 8) + uuid.substr(9, 4);
    {
      erp::RegisterOdbc();
      Poco::Data::Session admin("ODBC", base_);
      admin << "CREATE SCHEMA " + schema_, now;
    }
    Prepare();
  }
  std::string Name() const override { return "postgresql"; }
  std::string ConnectionString() const override {
    // psqlODBC runs ConnSettings on connect: this fixture's schema comes first on the path.
    return base_ + "ConnSettings={SET search_path TO " + schema_ + "};";
  }

 private:
  std::string base_;
  std::string schema_;
};

}  // namespace

std::shared_ptr<ErpBackend> MakeSqliteBackend() {
  return std::make_shared<SqliteBackend>();
}

std::shared_ptr<ErpBackend> MakePostgresBackend() {
  const std::string base = Poco::Environment::get("WMSBRIDGE_TEST_PG", "");
  if (base.empty()) {
    throw std::runtime_error(
        "WMSBRIDGE_TEST_PG is not set: run the suite through jobs/setup.sh test (it starts "
        "PostgreSQL), or set WMSBRIDGE_SKIP_PG=1 to leave PostgreSQL out knowingly");
  }
  return std::make_shared<PostgresBackend>(base.back() == ';' ? base : base + ";");
}

boost::test_tools::assertion_result PostgresWanted(boost::unit_test::test_unit_id) {
  if (Poco::Environment::get("WMSBRIDGE_SKIP_PG", "") != "1")
    return true;
  boost::test_tools::assertion_result skip(false);
  skip.message() << "PostgreSQL left out: WMSBRIDGE_SKIP_PG=1";
  return skip;
}

}  // namespace wmsbridge::test
