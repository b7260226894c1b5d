#include "stages/common/field_checks.h"

#include <unicode/uloc.h>

#include <cstdio>
#include <set>

#include "stages/wms/decimal.h"

namespace wmsbridge::stages {

namespace {

// One character read from UTF-8 (RFC 3629): its code point, or -1 where the bytes at that place
// are no UTF-8 character (a stray continuation byte, an overlong form, a surrogate, beyond
// U+10FFFF, cut short); `length` bytes long, 1 for a bad byte.
struct Decoded {
  long code;
  std::size_t length;
};

Decoded DecodeUtf8(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80)
    return {lead, 1};
  std::size_t length = 0;
  long code = 0, lowest = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code = lead & 0x1F, lowest = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code = lead & 0x0F, lowest = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code = lead & 0x07, lowest = 0x10000;
  } else {
    return {-1, 1};
  }
  if (pos + length > text.size())
    return {-1, 1};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80)
      return {-1, 1};
    code = (code << 6) | (byte(pos + i) & 0x3F);
  }
  if (code < lowest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
    return {-1, 1};
  return {code, length};
}

// XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets).
bool IsXmlChar(long c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::string Hex(unsigned long value, int digits) {
  char text[24];
  std::snprintf(text, sizeof text, "%0*lX", digits, value);
  return text;
}

}  // namespace

std::string TextProblem(TextKind kind, std::string_view value) {
  std::size_t chars = 0;
  for (std::size_t pos = 0; pos < value.size();) {
    const Decoded d = DecodeUtf8(value, pos);
    if (d.code < 0) {
      return "is not valid UTF-8 (byte 0x" + Hex(static_cast<unsigned char>(value[pos]), 2) +
             " at byte " + std::to_string(pos + 1) + "); correct the text in the ERP";
    }
    ++chars;
    if (!IsXmlChar(d.code)) {
      return "contains U+" + Hex(static_cast<unsigned long>(d.code), 4) + " (character " +
             std::to_string(chars) +
             "), which XML 1.0 cannot carry: Ongoing would refuse the whole message; remove it "
             "in the ERP";
    }
    pos += d.length;
  }
  if (kind == TextKind::kCountryCode) {
    if (!IsIsoCountryCode(value)) {
      return "is '" + Printable(value) +
             "', not an ISO 3166-1 alpha-2 country code (two capital letters such as SE); "
             "correct it in the ERP";
    }
    return {};
  }
  if (chars > MaxChars(kind)) {
    return "is " + std::to_string(chars) + " characters long; wmsbridge sends a " +
           std::string(KindName(kind)) + " of at most " + std::to_string(MaxChars(kind)) +
           " (docs/text-fields.md)";
  }
  return {};
}

bool IsIsoCountryCode(std::string_view code) {
  // ICU's list, read once: a null-terminated array of two-letter codes.
  static const std::set<std::string, std::less<>> countries = [] {
    std::set<std::string, std::less<>> all;
    for (const char* const* c = uloc_getISOCountries(); *c != nullptr; ++c)
      all.emplace(*c);
    return all;
  }();
  const auto capital = [](char c) { return c >= 'A' && c <= 'Z'; };
  return code.size() == 2 && capital(code[0]) && capital(code[1]) && countries.count(code) > 0;
}

std::string Printable(std::string_view value, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t pos = 0; pos < value.size();) {
    if (chars == max_chars)
      return out + "...";
    const Decoded d = DecodeUtf8(value, pos);
    if (d.code < 0) {
      out += "\\x" + Hex(static_cast<unsigned char>(value[pos]), 2);
    } else if (d.code < 0x20 || d.code == 0x7F) {
      out += "\\x" + Hex(static_cast<unsigned long>(d.code), 2);
    } else if (!IsXmlChar(d.code)) {
      out += "\\u" + Hex(static_cast<unsigned long>(d.code), 4);
    } else if (d.code == '\\') {
      out += "\\\\";
    } else {
      out.append(value.substr(pos, d.length));
    }
    ++chars;
    pos += d.length;
  }
  return out;
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
