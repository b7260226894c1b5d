#pragma once
// Checks of single values before they go to the WMS. Each returns an empty string when the
// value is fine, else a reason a person can act on (naming the field). The decimal helpers are
// wms::Decimal (stages/wms/decimal.h) in the shapes the transforms and the read-back use.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wmsbridge::stages {

/// Valid UTF-8 with only characters XML 1.0 can carry (no control characters but tab, LF, CR).
std::string CheckXmlText(std::string_view field, std::string_view value);

/// CheckXmlText plus a maximum length in characters (not bytes).
std::string CheckText(std::string_view field, std::string_view value, std::size_t max_chars);

/// A plain decimal number ("12", "-0.5", "1.250"); returns its canonical form ("1.25", "0"),
/// or nullopt when it is not one (exponents, thousands separators and the like included).
std::optional<std::string> CanonicalDecimal(std::string_view text);

/// A decimal as an integer count of 10^-scale units ("1.25", 3 -> 1250), or nullopt when it is
/// not a number or has more non-zero decimals than `scale`. Exact: for comparing quantities.
std::optional<std::int64_t> Scaled(std::string_view text, int scale);

/// The inverse of Scaled: 1250, 3 -> "1.25" (canonical form).
std::string FromScaled(std::int64_t value, int scale);

}  // namespace wmsbridge::stages
