#include "stages/common/field_checks.h"

#include <Poco/TextIterator.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/UTF8String.h>
#include <Poco/Unicode.h>

#include "stages/wms/decimal.h"

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
  return wms::Decimal::Canonical(text);
}

std::optional<std::int64_t> Scaled(std::string_view text, int scale) {
  // Whole parts of more than 15 digits are refused, as they always were (the ERP's numeric
  // columns hold far fewer).
  constexpr std::int64_t kWholeLimit = 1'000'000'000'000'000;
  const auto value = wms::Decimal::Parse(text);
  if (!value || value->IntegerPart() <= -kWholeLimit || value->IntegerPart() >= kWholeLimit)
    return std::nullopt;
  return value->ToUnits(scale);
}

std::string FromScaled(std::int64_t value, int scale) {
  return wms::Decimal::FromUnits(value, scale).ToString();
}

}  // namespace wmsbridge::stages
