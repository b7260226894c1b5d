#include "stages/wms/decimal.h"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

namespace wmsbridge::wms {

namespace {

constexpr auto kPowersOf10 = [] {
  std::array<std::int64_t, Decimal::kMaxScale + 1> powers{};
  powers[0] = 1;
  for (std::size_t n = 1; n < powers.size(); ++n)
    powers[n] = powers[n - 1] * 10;
  return powers;
}();

// 10^n for n in 0..kMaxScale.
std::int64_t Pow10(int n) {
  return kPowersOf10[static_cast<std::size_t>(n)];
}

// Plain decimal text taken apart: the whole part without leading zeros and the fraction without
// trailing zeros (either may be empty), views into the text. Zero has no sign.
struct DecimalText {
  bool negative = false;
  std::string_view whole;
  std::string_view fraction;
};

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

std::optional<DecimalText> Split(std::string_view text) {
  std::size_t i = 0;
  DecimalText parts;
  if (i < text.size() && (text[i] == '-' || text[i] == '+'))
    parts.negative = text[i++] == '-';
  const std::size_t whole_begin = i;
  while (i < text.size() && IsDigit(text[i]))
    ++i;
  parts.whole = text.substr(whole_begin, i - whole_begin);
  if (i < text.size() && text[i] == '.') {
    const std::size_t fraction_begin = ++i;
    while (i < text.size() && IsDigit(text[i]))
      ++i;
    parts.fraction = text.substr(fraction_begin, i - fraction_begin);
  }
  if (i != text.size() || (parts.whole.empty() && parts.fraction.empty()))
    return std::nullopt;
  parts.whole.remove_prefix(std::min(parts.whole.find_first_not_of('0'), parts.whole.size()));
  // find_last_not_of gives npos (npos + 1 == 0) when the fraction is all zeros.
  parts.fraction = parts.fraction.substr(0, parts.fraction.find_last_not_of('0') + 1);
  if (parts.whole.empty() && parts.fraction.empty())
    parts.negative = false;
  return parts;
}

[[noreturn]] void ThrowOverflow() {
  throw std::overflow_error("decimal value out of range");
}

// `units` at scale `from` as units at the larger scale `to`; throws when they do not fit.
std::int64_t Rescaled(std::int64_t units, int from, int to) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(units, Pow10(to - from), &out))
    ThrowOverflow();
  return out;
}

}  // namespace

Decimal::Decimal(std::int64_t units, int scale) : units_(units), scale_(scale) {
  while (scale_ > 0 && units_ % 10 == 0) {
    units_ /= 10;
    --scale_;
  }
}

std::optional<std::string> Decimal::Canonical(std::string_view text) {
  const auto parts = Split(text);
  if (!parts)
    return std::nullopt;
  std::string out = parts->negative ? "-" : "";
  out += parts->whole.empty() ? std::string_view("0") : parts->whole;
  if (!parts->fraction.empty()) {
    out += '.';
    out += parts->fraction;
  }
  return out;
}

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  const auto parts = Split(text);
  if (!parts || parts->fraction.size() > static_cast<std::size_t>(kMaxScale))
    return std::nullopt;
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t magnitude = 0;
  for (std::string_view digits : {parts->whole, parts->fraction}) {
    for (char c : digits) {
      const int digit = c - '0';
      if (magnitude > (kMax - digit) / 10)
        return std::nullopt;
      magnitude = magnitude * 10 + digit;
    }
  }
  return Decimal(parts->negative ? -magnitude : magnitude,
                 static_cast<int>(parts->fraction.size()));
}

Decimal Decimal::ParseOrZero(std::string_view text) {
  if (text.empty())
    return Decimal();
  auto value = Parse(text);
  if (!value)
    throw std::invalid_argument("'" + std::string(text) + "' is not a decimal number");
  return *value;
}

Decimal Decimal::FromUnits(std::int64_t units, int scale) {
  if (scale < 0 || scale > kMaxScale)
    throw std::invalid_argument("decimal scale " + std::to_string(scale) + " is not in 0.." +
                                std::to_string(kMaxScale));
  return Decimal(units, scale);
}

std::optional<std::int64_t> Decimal::ToUnits(int scale) const {
  if (scale < scale_ || scale > kMaxScale)
    return std::nullopt;
  std::int64_t units = 0;
  if (__builtin_mul_overflow(units_, Pow10(scale - scale_), &units))
    return std::nullopt;
  return units;
}

std::string Decimal::ToString() const {
  // Through unsigned, so that the magnitude of the lowest int64 is representable.
  const std::uint64_t magnitude =
      units_ < 0 ? 0 - static_cast<std::uint64_t>(units_) : static_cast<std::uint64_t>(units_);
  std::string digits = std::to_string(magnitude);
  if (scale_ > 0) {
    const auto scale = static_cast<std::size_t>(scale_);
    if (digits.size() <= scale)
      digits.insert(0, scale + 1 - digits.size(), '0');
    digits.insert(digits.size() - scale, 1, '.');
  }
  return units_ < 0 ? "-" + digits : digits;
}

std::int64_t Decimal::IntegerPart() const {
  return units_ / Pow10(scale_);
}

Decimal Decimal::operator+(Decimal other) const {
  const int scale = std::max(scale_, other.scale_);
  std::int64_t sum = 0;
  if (__builtin_add_overflow(Rescaled(units_, scale_, scale),
                             Rescaled(other.units_, other.scale_, scale), &sum))
    ThrowOverflow();
  return Decimal(sum, scale);
}

Decimal Decimal::operator-(Decimal other) const {
  const int scale = std::max(scale_, other.scale_);
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(Rescaled(units_, scale_, scale),
                             Rescaled(other.units_, other.scale_, scale), &difference))
    ThrowOverflow();
  return Decimal(difference, scale);
}

std::strong_ordering Decimal::operator<=>(const Decimal& other) const {
  // Whole parts first, then the fractions on a common scale of 18 digits: no step can overflow,
  // which aligning the two values' units could. A fraction carries its value's sign.
  if (const auto order = IntegerPart() <=> other.IntegerPart(); order != 0)
    return order;
  const std::int64_t fraction = units_ % Pow10(scale_) * Pow10(kMaxScale - scale_);
  const std::int64_t other_fraction =
      other.units_ % Pow10(other.scale_) * Pow10(kMaxScale - other.scale_);
  return fraction <=> other_fraction;
}

}  // namespace wmsbridge::wms
