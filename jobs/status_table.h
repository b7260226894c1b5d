#pragma once
// A small table of text cells written in the three forms `wmsbridge status` offers (issue 13,
// point 6): aligned columns for a person, CSV (RFC 4180) for a spreadsheet, JSON for monitoring.

#include <Poco/JSON/Array.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace wmsbridge::jobs {

enum class StatusFormat { kTable, kCsv, kJson };

/// "table", "csv" or "json"; nullopt for anything else. Never throws.
std::optional<StatusFormat> ParseStatusFormat(const std::string& text);

struct StatusColumn {
  std::string name;      // the header, and the JSON key
  bool numeric = false;  // JSON writes a number (an empty cell: null)
};

struct StatusTable {
  std::vector<StatusColumn> columns;
  std::vector<std::vector<std::string>> rows;  // one cell per column
};

/// Aligned columns, padded to the widest cell (by characters of UTF-8 text), "-" for an empty
/// cell, a header line first. Never throws but std::bad_alloc.
void WriteAligned(const StatusTable& table, std::ostream& out);

/// RFC 4180: a header record, records ended by CRLF, a field quoted (its quotes doubled) when
/// it holds a comma, a quote, CR or LF. Never throws but std::bad_alloc.
void WriteCsv(const StatusTable& table, std::ostream& out);

/// The rows as JSON objects keyed by the column names; a numeric column's cell as a number, an
/// empty cell as null. Throws Poco::SyntaxException when a numeric cell is not a number.
Poco::JSON::Array::Ptr JsonRows(const StatusTable& table);

}  // namespace wmsbridge::jobs
