#include "tests/wms_sim/decimal.h"

#include <stdexcept>

namespace wmsbridge::sim {

namespace {
// 9e12 whole units keeps every sum of a few thousand lines far from int64 overflow.
constexpr std::int64_t kMaxWhole = 9'000'000'000'000;
}  // namespace

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  std::size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    negative = text[pos] == '-';
    ++pos;
  }
  std::int64_t whole = 0;
  std::size_t whole_digits = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    whole = whole * 10 + (text[pos] - '0');
    if (whole > kMaxWhole) {
      return std::nullopt;
    }
    ++whole_digits;
    ++pos;
  }
  std::int64_t fraction = 0;
  std::size_t fraction_digits = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (fraction_digits < 6) {
        fraction = fraction * 10 + (text[pos] - '0');
      } else if (text[pos] != '0') {
        return std::nullopt;  // would lose precision
      }
      ++fraction_digits;
      ++pos;
    }
  }
  if (pos != text.size() || whole_digits + fraction_digits == 0) {
    return std::nullopt;
  }
  for (std::size_t i = fraction_digits; i < 6; ++i) {
    fraction *= 10;
  }
  const std::int64_t units = whole * kScale + fraction;
  return Decimal(negative ? -units : units);
}

Decimal Decimal::ParseOrZero(std::string_view text) {
  if (text.empty()) {
    return Decimal();
  }
  auto value = Parse(text);
  if (!value) {
    throw std::invalid_argument("'" + std::string(text) + "' is not a decimal number");
  }
  return *value;
}

std::string Decimal::ToString() const {
  const bool negative = units_ < 0;
  const std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-units_) : static_cast<std::uint64_t>(units_);
  std::string text = std::to_string(magnitude / kScale);
  std::uint64_t fraction = magnitude % kScale;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, 6 - digits.size(), '0');
    digits.erase(digits.find_last_not_of('0') + 1);
    text += "." + digits;
  }
  return negative ? "-" + text : text;
}

}  // namespace wmsbridge::sim
