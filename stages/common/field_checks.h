#pragma once
// Checks of single values before they go to the WMS. The text check returns an empty string
// when the value may be sent byte for byte, else a reason a person can act on; the caller names
// the field (stages/common/document_texts.h). The decimal helpers are wms::Decimal
// (stages/wms/decimal.h) in the shapes the transforms and the read-back use.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "stages/common/text_rules.h"

namespace wmsbridge::stages {

/// Why `value` cannot go to Ongoing as a text of `kind` (text_rules.h), or empty when it can be
/// sent byte for byte: strict UTF-8 (no overlong forms, no surrogates), only characters XML 1.0
/// can carry (of the controls only tab, LF and CR; no U+FFFE, U+FFFF), at most
/// MaxChars(kind) characters, and for kCountryCode an ISO 3166-1 alpha-2 code. The reason
/// starts with a verb ("is", "contains") so that the caller can put the field's name before
/// it. Never throws (but std::bad_alloc).
std::string TextProblem(TextKind kind, std::string_view value);

/// True for an ISO 3166-1 alpha-2 country code: two capital ASCII letters that ICU lists as a
/// country (uloc_getISOCountries, which includes XK, Kosovo).
bool IsIsoCountryCode(std::string_view code);

/// `value` fit for a message: control characters and bytes that are not UTF-8 written as
/// \xNN, other characters XML cannot carry as \uNNNN, a backslash doubled; cut after
/// `max_chars` characters ("..." added). The result is valid UTF-8 that XML can carry, whatever
/// `value` is, so it can be stored in any text column and sent in any message.
std::string Printable(std::string_view value, std::size_t max_chars = 40);

/// A plain decimal number ("12", "-0.5", "1.250"); returns its canonical form ("1.25", "0"),
/// or nullopt when it is not one (exponents, thousands separators and the like included).
std::optional<std::string> CanonicalDecimal(std::string_view text);

/// A decimal as an integer count of 10^-scale units ("1.25", 3 -> 1250), or nullopt when it is
/// not a number or has more non-zero decimals than `scale`. Exact: for comparing quantities.
std::optional<std::int64_t> Scaled(std::string_view text, int scale);

/// The inverse of Scaled: 1250, 3 -> "1.25" (canonical form).
std::string FromScaled(std::int64_t value, int scale);

}  // namespace wmsbridge::stages
