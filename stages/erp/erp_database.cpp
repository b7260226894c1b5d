#include "stages/erp/erp_database.h"

#include <Poco/Data/ODBC/Connector.h>
#include <Poco/Data/ODBC/ODBCException.h>
#include <Poco/Data/ODBC/SessionImpl.h>
#include <Poco/String.h>
#include <Poco/UnicodeConverter.h>
#include <sql.h>
#include <sqlext.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {
namespace {

Dialect DetectDialect(Poco::Data::Session& session, const std::string& connection_string) {
  // The DBMS name the driver reports decides; the connection string is the fallback.
  std::string name;
  if (auto* odbc = dynamic_cast<Poco::Data::ODBC::SessionImpl*>(session.impl())) {
    SQLCHAR buffer[128] = {};
    SQLSMALLINT length = 0;
    const SQLHDBC handle = odbc->dbc();
    if (SQL_SUCCEEDED(SQLGetInfo(handle, SQL_DBMS_NAME, buffer, sizeof buffer, &length))) {
      name = Poco::toLower(std::string(reinterpret_cast<const char*>(buffer)));
    }
  }
  if (name.empty())
    name = Poco::toLower(connection_string);
  if (name.find("postgres") != std::string::npos)
    return Dialect::kPostgresql;
  return Dialect::kSqlite;
}

}  // namespace

std::string_view ToString(Dialect dialect) {
  return dialect == Dialect::kPostgresql ? "postgresql" : "sqlite";
}

Poco::UTF16String LongText(const std::string& text) {
  Poco::UTF16String wide;
  Poco::UnicodeConverter::convert(text, wide);
  return wide;
}

void RegisterOdbc() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::ODBC::Connector::registerConnector(); });
}

std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

ErpDatabase::ErpDatabase(const std::string& odbc_connection_string, std::string sql_dir)
    : connection_string_(odbc_connection_string),
      session_((RegisterOdbc(), "ODBC"), odbc_connection_string, 30),
      dialect_(DetectDialect(session_, odbc_connection_string)),
      sql_dir_(std::move(sql_dir)) {
  // Parameters are bound at execution (a text longer than the driver's CHAR size must not
  // fail with "Data too long").
  session_.setFeature("autoBind", false);
  // Values are read whole, with SQLGetData piece by piece ("autoExtract" off). Bound buffers
  // are sized from the column size the driver reports, capped by "maxFieldSize" (Poco's default
  // 1024): a 10,000-character text came back cut to 1023 bytes, a psqlODBC text at 8190, a
  // SQLite expression at 255, silently. The cap below only stops a value no ERP column holds.
  session_.setFeature("autoExtract", false);
  session_.setProperty("maxFieldSize", Poco::Any(kMaxValueBytes));
  if (dialect_ == Dialect::kSqlite) {
    // Lets a reader (the ERP, a report) and our writer work at once; waits instead of failing.
    session_ << "PRAGMA busy_timeout = 10000", now;
  }
}

std::unique_ptr<ErpDatabase> ErpDatabase::OpenAnother() const {
  return std::make_unique<ErpDatabase>(connection_string_, sql_dir_);
}

const std::string& ErpDatabase::Query(const std::string& name) {
  auto found = queries_.find(name);
  if (found != queries_.end())
    return found->second;
  const std::filesystem::path own =
      std::filesystem::path(sql_dir_) / ToString(dialect_) / "queries" / (name + ".sql");
  const std::filesystem::path common =
      std::filesystem::path(sql_dir_) / "queries" / (name + ".sql");
  const std::filesystem::path& path = std::filesystem::exists(own) ? own : common;
  if (!std::filesystem::exists(path)) {
    throw std::runtime_error("query file missing: " + common.string());
  }
  // Comment lines document the file for people; drivers do not get them (the SQLite ODBC
  // driver counts parameter markers with a scanner that an apostrophe in a comment confuses).
  std::istringstream lines(ReadTextFile(path.string()));
  std::string line;
  std::string sql;
  while (std::getline(lines, line)) {
    if (Poco::trim(line).rfind("--", 0) == 0)
      continue;
    sql += line + "\n";
  }
  return queries_.emplace(name, std::move(sql)).first->second;
}

void ErpDatabase::RunScript(const std::string& path) {
  const std::string text = ReadTextFile(path);
  std::istringstream lines(text);
  std::string line;
  std::string statement;
  int number = 0;
  while (std::getline(lines, line)) {
    const std::string trimmed = Poco::trim(line);
    if (statement.empty() && (trimmed.empty() || trimmed.rfind("--", 0) == 0))
      continue;
    statement += line + "\n";
    if (!trimmed.empty() && trimmed.back() == ';') {
      ++number;
      statement.erase(statement.find_last_of(';'));
      try {
        session_ << statement, now;
      } catch (const Poco::Exception& e) {
        throw Poco::Data::DataException(path + ": statement " + std::to_string(number) + ": " +
                                        e.displayText());
      }
      statement.clear();
    }
  }
  if (!Poco::trim(statement).empty()) {
    session_ << statement, now;
  }
}

}  // namespace wmsbridge::erp
