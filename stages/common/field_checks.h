#pragma once
// Checks of single values before they go to the WMS. Each returns an empty string when the
// value is fine, else a reason a person can act on (naming the field).

#include <cstddef>
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

}  // namespace wmsbridge::stages
