#include "stages/common/field_checks.h"

#include <Poco/TextIterator.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/UTF8String.h>
#include <Poco/Unicode.h>

namespace wmsbridge::stages {

std::string CheckXmlText(std::string_view field, std::string_view value) {
  Poco::UTF8Encoding utf8;
  const std::string text(value);
  // TextIterator yields -1 for a byte sequence that is not UTF-8.
  for (Poco::TextIterator it(text, utf8), end(text); it != end; ++it) {
    const int c = *it;
    if (c < 0)
      return std::string(field) + " is not valid UTF-8 text";
    const bool allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    if (!allowed) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      return std::string(field) + " contains a character XML cannot carry (" + code +
             "); remove it in the ERP";
    }
  }
  return {};
}

std::string CheckText(std::string_view field, std::string_view value, std::size_t max_chars) {
  if (std::string reason = CheckXmlText(field, value); !reason.empty())
    return reason;
  Poco::UTF8Encoding utf8;
  const std::string text(value);
  std::size_t chars = 0;
  for (Poco::TextIterator it(text, utf8), end(text); it != end; ++it)
    ++chars;
  if (chars > max_chars) {
    return std::string(field) + " is " + std::to_string(chars) +
           " characters long; the WMS takes at most " + std::to_string(max_chars);
  }
  return {};
}

std::optional<std::string> CanonicalDecimal(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+'))
    negative = text[i++] == '-';
  std::string int_part, frac_part;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
    int_part += text[i++];
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
      frac_part += text[i++];
  }
  if (i != text.size() || (int_part.empty() && frac_part.empty()))
    return std::nullopt;
  int_part.erase(0, std::min(int_part.find_first_not_of('0'), int_part.size()));
  while (!frac_part.empty() && frac_part.back() == '0')
    frac_part.pop_back();
  if (int_part.empty())
    int_part = "0";
  std::string out = int_part;
  if (!frac_part.empty())
    out += "." + frac_part;
  if (negative && out != "0")
    out = "-" + out;
  return out;
}

std::optional<std::int64_t> Scaled(std::string_view text, int scale) {
  const auto canonical = CanonicalDecimal(text);
  if (!canonical)
    return std::nullopt;
  const bool negative = canonical->front() == '-';
  const std::string digits = negative ? canonical->substr(1) : *canonical;
  const auto dot = digits.find('.');
  const std::string whole = digits.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : digits.substr(dot + 1);
  if (static_cast<int>(fraction.size()) > scale || whole.size() > 15)
    return std::nullopt;
  fraction.append(static_cast<std::size_t>(scale) - fraction.size(), '0');
  const std::int64_t value = std::stoll(whole + fraction);
  return negative ? -value : value;
}

std::string FromScaled(std::int64_t value, int scale) {
  const bool negative = value < 0;
  std::string digits = std::to_string(negative ? -value : value);
  if (static_cast<int>(digits.size()) <= scale) {
    digits.insert(0, static_cast<std::size_t>(scale) + 1 - digits.size(), '0');
  }
  digits.insert(digits.size() - static_cast<std::size_t>(scale), ".");
  return *CanonicalDecimal((negative ? "-" : "") + digits);
}

}  // namespace wmsbridge::stages
