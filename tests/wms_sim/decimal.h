#pragma once
// Exact decimal quantities for the simulator: xsd:decimal travels as text and must not pick up
// binary floating-point noise, so sums and differences are done on integers scaled by 10^6.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wmsbridge::sim {

class Decimal {
 public:
  /// Scale: six fraction digits are kept; more non-zero digits make Parse fail.
  static constexpr std::int64_t kScale = 1'000'000;

  constexpr Decimal() = default;

  /// Parses xsd:decimal text ("12", "-0.5", "+3.250"). Returns nullopt for anything else, for
  /// more than 6 non-zero fraction digits and for values beyond +-9e12. Never throws.
  static std::optional<Decimal> Parse(std::string_view text);

  /// Parses like Parse, but an empty text is zero. Throws std::invalid_argument on bad text.
  static Decimal ParseOrZero(std::string_view text);

  /// The whole number `value`.
  static constexpr Decimal FromInt(std::int64_t value) { return Decimal(value * kScale); }

  /// Shortest exact text: "3", "-0.5", "12.25" (no exponent, no trailing zeros).
  std::string ToString() const;

  /// Integer part, truncated toward zero (for the int fields of the WSDL).
  std::int64_t IntegerPart() const { return units_ / kScale; }

  /// True for 0. Never throws.
  bool IsZero() const { return units_ == 0; }
  /// True below 0. Never throws.
  bool IsNegative() const { return units_ < 0; }

  /// Exact sums and differences; no overflow check (values are capped by Parse).

  Decimal operator+(Decimal other) const { return Decimal(units_ + other.units_); }
  Decimal operator-(Decimal other) const { return Decimal(units_ - other.units_); }
  Decimal& operator+=(Decimal other) {
    units_ += other.units_;
    return *this;
  }
  Decimal& operator-=(Decimal other) {
    units_ -= other.units_;
    return *this;
  }
  auto operator<=>(const Decimal&) const = default;

 private:
  explicit constexpr Decimal(std::int64_t units) : units_(units) {}
  std::int64_t units_ = 0;
};

}  // namespace wmsbridge::sim
