#pragma once
// RFC 4180 CSV, UTF-8 passed through byte for byte: the one place fields are quoted and parsed.
// A field is quoted when it holds a comma, a double quote, CR or LF (or starts or ends with a
// blank, so that no reader trims it); a double quote inside is doubled. Records end with CRLF.

#include <string>
#include <string_view>
#include <vector>

namespace wmsbridge::stock {

/// One field as it is written. Never throws but std::bad_alloc.
std::string CsvField(std::string_view text);

/// One record: the fields joined by commas, ending with CRLF. Never throws but std::bad_alloc.
std::string CsvRecord(const std::vector<std::string>& fields);

/// Parses a whole CSV text (CRLF or LF line ends; the last line end optional). Throws
/// std::invalid_argument for a quote that is never closed or text after a closing quote.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text);

}  // namespace wmsbridge::stock
