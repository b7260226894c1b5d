#pragma once
// An exact decimal number: an integer count of 10^-scale units. Quantities and money travel as
// text (ERP columns cast to text, xsd:decimal on the wire) and must not pick up binary
// floating-point noise, so they are parsed, compared, added and printed exactly. The one decimal
// type of the product and of the simulator.
//
// "Plain decimal text" everywhere below: an optional sign, digits, an optional '.' and digits,
// at least one digit in all ("12", "-0.5", "+3.250", "5.", ".5"). Blanks, exponents, thousands
// separators, a decimal comma, "inf" and "nan" are not plain decimal text.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wmsbridge::wms {

class Decimal {
 public:
  /// The most fraction digits a value carries (an int64 holds any 18 digits).
  static constexpr int kMaxScale = 18;

  /// Zero.
  constexpr Decimal() = default;

  /// The canonical text of plain decimal text of any length: leading zeros of the whole part
  /// and trailing zeros of the fraction dropped, no '+', no sign on zero ("+007.50" -> "7.5",
  /// "-0.00" -> "0", ".5" -> "0.5"). nullopt when the text is not plain decimal text. Needs no
  /// Decimal value, so it has no range limit. Never throws.
  static std::optional<std::string> Canonical(std::string_view text);

  /// The exact value of plain decimal text, or nullopt when the text is not one or the value
  /// does not fit: more than kMaxScale fraction digits (trailing zeros do not count) or more
  /// than an int64 of units at its own scale (about 19 significant digits). Never throws.
  static std::optional<Decimal> Parse(std::string_view text);

  /// Like Parse, but an empty text is zero (a stored value never set). Throws
  /// std::invalid_argument for any other text Parse refuses.
  static Decimal ParseOrZero(std::string_view text);

  /// The value `units` x 10^-scale (1250, 3 -> 1.25). Throws std::invalid_argument when
  /// `scale` is outside 0..kMaxScale.
  static Decimal FromUnits(std::int64_t units, int scale);

  /// The value as a count of 10^-scale units (1.25, 3 -> 1250), or nullopt when it has more
  /// fraction digits than `scale` (nothing is rounded), the count does not fit an int64, or
  /// `scale` is outside 0..kMaxScale. Never throws.
  std::optional<std::int64_t> ToUnits(int scale) const;

  /// The canonical text (as Canonical gives it): "3", "-0.5", "12.25". Never throws but
  /// std::bad_alloc.
  std::string ToString() const;

  /// Fraction digits of the canonical text: 0 for 12, 2 for 1.25. Never throws.
  int Scale() const { return scale_; }

  /// The whole part, truncated toward zero (-2.7 -> -2). Never throws.
  std::int64_t IntegerPart() const;

  /// True for 0. Never throws.
  bool IsZero() const { return units_ == 0; }
  /// True below 0. Never throws.
  bool IsNegative() const { return units_ < 0; }

  /// Exact sum and difference. Throw std::overflow_error when the result does not fit.
  Decimal operator+(Decimal other) const;
  Decimal operator-(Decimal other) const;
  Decimal& operator+=(Decimal other) { return *this = *this + other; }
  Decimal& operator-=(Decimal other) { return *this = *this - other; }

  /// Order by value (1.50 == 1.5). Never throws.
  std::strong_ordering operator<=>(const Decimal& other) const;
  bool operator==(const Decimal& other) const = default;

 private:
  /// Normalises: trailing zero fraction digits move out of the scale, so equal values have
  /// equal members (what the defaulted == relies on).
  Decimal(std::int64_t units, int scale);

  std::int64_t units_ = 0;
  int scale_ = 0;
};

}  // namespace wmsbridge::wms
