#include "stages/common/erp_number.h"

#include <cstddef>

#include "stages/common/field_checks.h"
#include "stages/wms/decimal.h"

namespace wmsbridge::stages {
namespace {

constexpr int kMaxExponent = 400;  // beyond any double the SQLite driver prints (1e308, 5e-324)

// "1e5", "-2.5E-07": the exponent's value, or nullopt when it is not 1-4 digits with an
// optional sign, or beyond kMaxExponent.
std::optional<int> Exponent(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || text.size() > 4)
    return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value > kMaxExponent)
    return std::nullopt;
  return negative ? -value : value;
}

}  // namespace

std::optional<std::string> ReadErpNumber(std::string_view text) {
  const std::size_t e = text.find_first_of("eE");
  if (e == std::string_view::npos)
    return wms::Decimal::Canonical(text);
  const auto mantissa = wms::Decimal::Canonical(text.substr(0, e));
  const auto exponent = Exponent(text.substr(e + 1));
  if (!mantissa || !exponent)
    return std::nullopt;
  // The canonical mantissa is [-]digits[.digits]: move its point by the exponent.
  const bool negative = mantissa->front() == '-';
  const std::string unsigned_text = mantissa->substr(negative ? 1 : 0);
  const std::size_t point = unsigned_text.find('.');
  const std::string whole = unsigned_text.substr(0, point);
  const std::string fraction =
      point == std::string::npos ? std::string() : unsigned_text.substr(point + 1);
  const std::string digits = whole + fraction;
  // Where the point goes, counted in digits from the left (may be outside them).
  const long shifted = static_cast<long>(whole.size()) + *exponent;
  std::string plain;
  if (shifted <= 0) {
    plain = "0." + std::string(static_cast<std::size_t>(-shifted), '0') + digits;
  } else if (static_cast<std::size_t>(shifted) >= digits.size()) {
    plain = digits + std::string(static_cast<std::size_t>(shifted) - digits.size(), '0');
  } else {
    plain = digits.substr(0, static_cast<std::size_t>(shifted)) + "." +
            digits.substr(static_cast<std::size_t>(shifted));
  }
  return wms::Decimal::Canonical((negative ? "-" : "") + plain);
}

std::optional<std::int64_t> ReadErpScaled(std::string_view text, int scale) {
  const auto number = ReadErpNumber(text);
  if (!number)
    return std::nullopt;
  return Scaled(*number, scale);
}

}  // namespace wmsbridge::stages
