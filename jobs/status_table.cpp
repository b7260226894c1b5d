#include "jobs/status_table.h"

#include <Poco/JSON/Object.h>
#include <Poco/NumberParser.h>

#include <algorithm>

namespace wmsbridge::jobs {
namespace {

// Characters of UTF-8 text: every byte but the continuation bytes (10xxxxxx).
std::size_t Width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos)
    return text;
  std::string quoted = "\"";
  for (const char c : text) {
    quoted += c;
    if (c == '"')
      quoted += '"';
  }
  return quoted + "\"";
}

}  // namespace

std::optional<StatusFormat> ParseStatusFormat(const std::string& text) {
  if (text == "table")
    return StatusFormat::kTable;
  if (text == "csv")
    return StatusFormat::kCsv;
  if (text == "json")
    return StatusFormat::kJson;
  return std::nullopt;
}

void WriteAligned(const StatusTable& table, std::ostream& out) {
  const auto cell = [](const std::string& text) -> const std::string& {
    static const std::string dash = "-";
    return text.empty() ? dash : text;
  };
  std::vector<std::size_t> widths;
  for (const StatusColumn& column : table.columns)
    widths.push_back(Width(column.name));
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], Width(cell(row[i])));
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      text += cells[i];
      if (i + 1 < cells.size())  // the last column is not padded
        text += std::string(widths[i] - Width(cells[i]) + 2, ' ');
    }
    out << text << "\n";
  };
  std::vector<std::string> header;
  for (const StatusColumn& column : table.columns)
    header.push_back(column.name);
  line(header);
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (const std::string& text : row)
      cells.push_back(cell(text));
    line(cells);
  }
}

void WriteCsv(const StatusTable& table, std::ostream& out) {
  const auto record = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i)
      out << (i == 0 ? "" : ",") << CsvField(fields[i]);
    out << "\r\n";
  };
  std::vector<std::string> header;
  for (const StatusColumn& column : table.columns)
    header.push_back(column.name);
  record(header);
  for (const auto& row : table.rows)
    record(row);
}

Poco::JSON::Array::Ptr JsonRows(const StatusTable& table) {
  auto rows = Poco::makeShared<Poco::JSON::Array>();
  for (const auto& row : table.rows) {
    // Keys in column order, so that the output reads as the table does.
    auto object = Poco::makeShared<Poco::JSON::Object>(Poco::JSON_PRESERVE_KEY_ORDER);
    for (std::size_t i = 0; i < table.columns.size() && i < row.size(); ++i) {
      const StatusColumn& column = table.columns[i];
      if (row[i].empty())
        object->set(column.name, Poco::Dynamic::Var());
      else if (column.numeric)
        object->set(column.name, Poco::NumberParser::parse64(row[i]));
      else
        object->set(column.name, row[i]);
    }
    rows->add(object);
  }
  return rows;
}

}  // namespace wmsbridge::jobs
