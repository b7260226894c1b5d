#include "stages/stock/csv.h"

#include <stdexcept>

namespace wmsbridge::stock {

std::string CsvField(std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote)
    return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0)
      out += ',';
    out += CsvField(fields[i]);
  }
  out += "\r\n";
  return out;
}

std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
  };
  while (i < text.size()) {
    if (text[i] == '"' && field.empty()) {
      // A quoted field: up to the quote that is not doubled.
      ++i;
      while (true) {
        if (i >= text.size())
          throw std::invalid_argument("CSV: a quoted field is never closed");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
        throw std::invalid_argument("CSV: text after a closing quote");
      continue;
    }
    const char c = text[i];
    if (c == ',') {
      end_field();
      ++i;
    } else if (c == '\r' || c == '\n') {
      end_field();
      records.push_back(std::move(record));
      record.clear();
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
    } else {
      field += c;
      ++i;
    }
  }
  if (!field.empty() || !record.empty()) {
    end_field();
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace wmsbridge::stock
