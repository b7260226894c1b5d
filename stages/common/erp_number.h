#pragma once
// The one reader of the ERP's numeric columns (weights, volumes, quantities, prices), as the
// extract queries give them: cast to text by the driver. PostgreSQL prints a numeric as plain
// decimal text ("0.000050"); the SQLite driver prints a REAL in C's %g style, with an exponent
// for small and large values ("5.0e-05", "1.0e+15"). Both are read exactly, and the canonical
// decimal is what is sent. wms::Decimal stays strict (plain decimal text only) for everything
// else: Ongoing's values and our own.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wmsbridge::stages {

/// The canonical decimal text (as wms::Decimal::Canonical gives it: "0.00005", "-2.5", "0") of
/// a number as a driver gives it: plain decimal text, or plain decimal text followed by 'e' or
/// 'E', an optional sign and 1 to 4 digits of exponent, at most 400 either way. nullopt for
/// anything else: blanks, "Inf", "NaN", separators, a decimal comma. Exact: the digits are
/// shifted, not computed in binary. Never throws but std::bad_alloc.
std::optional<std::string> ReadErpNumber(std::string_view text);

/// ReadErpNumber as a count of 10^-scale units (stages::Scaled), for read-back's exact sums;
/// nullopt when it is not a number or does not fit. Never throws but std::bad_alloc.
std::optional<std::int64_t> ReadErpScaled(std::string_view text, int scale);

}  // namespace wmsbridge::stages
