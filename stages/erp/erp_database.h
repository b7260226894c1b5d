#pragma once
// The ERP database, always reached through ODBC (Poco::Data::ODBC): the SQLite ODBC driver
// for the embedded default, psqlODBC for PostgreSQL. Owns the session (RAII) and finds the
// SQL text of the queries the stages run (sql/queries/NAME.sql, or a dialect's own
// sql/<dialect>/queries/NAME.sql where one exists, so a site adapts a file, not the C++).

#include <Poco/Data/Session.h>
#include <Poco/UTFString.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>

namespace wmsbridge::erp {

enum class Dialect { kSqlite, kPostgresql };

/// The longest value a column may give (64 MiB); a longer one fails its query with
/// Poco::Data::DataException (an ERP error, exit 74). Texts are read whole up to it, so a
/// value longer than Ongoing takes is refused naming its real length.
inline constexpr std::size_t kMaxValueBytes = std::size_t{64} << 20;

std::string_view ToString(Dialect dialect);

class ErpDatabase {
 public:
  /// Opens an ODBC session. Throws Poco::Data::DataException (with the driver's message) when
  /// the connection fails. The connection string may hold a database password: it is never
  /// logged or put into an exception by this class.
  ErpDatabase(const std::string& odbc_connection_string, std::string sql_dir);

  /// A second connection to the same database, for a thread of its own (a session is never
  /// shared between threads). Throws as the constructor does.
  std::unique_ptr<ErpDatabase> OpenAnother() const;

  Poco::Data::Session& session() { return session_; }
  Dialect dialect() const { return dialect_; }
  const std::string& sql_dir() const { return sql_dir_; }

  /// Text of a named query; throws std::runtime_error naming the file when it is missing.
  const std::string& Query(const std::string& name);

  /// Runs a script of statements, each ending with ';' at the end of a line.
  /// Throws Poco::Data::DataException naming the file and the statement number.
  void RunScript(const std::string& path);

 private:
  std::string connection_string_;  // may hold a password: never logged or put in an exception
  Poco::Data::Session session_;
  Dialect dialect_;
  std::string sql_dir_;
  std::map<std::string, std::string> queries_;
};

/// A long free text (a reason, a message) to bind as a parameter. Poco checks a narrow string
/// against the driver's CHAR size (255 for the SQLite ODBC driver and psqlODBC) and refuses
/// longer ones; a wide (UTF-16) parameter has no such cap and arrives as the same UTF-8 text.
Poco::UTF16String LongText(const std::string& text);

/// Registers the ODBC connector with Poco once per process (idempotent, thread-safe).
void RegisterOdbc();

/// Reads a whole file; throws std::runtime_error naming it when it cannot be read.
std::string ReadTextFile(const std::string& path);

}  // namespace wmsbridge::erp
