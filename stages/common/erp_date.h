#pragma once
// The one reader of the ERP's date columns (delivery dates, order dates), as the extract queries
// give them: cast to text by the driver, "2026-12-01" from a date, "2026-12-01 00:00:00" (with
// a fraction, and on some sites a zone) from a timestamp, or whatever text a SQLite column holds.
// A value that is no date fails its document, never the run (R30); the calendar is
// std::chrono's, not our own.

#include <string>
#include <string_view>

namespace wmsbridge::stages {

enum class ErpDateKind {
  kDate,      // a real calendar date
  kNoValue,   // NULL or empty
  kNotADate,  // anything else: "tomorrow", "2026-02-30", "0000-00-00", "2026-13-01", ...
};

struct ErpDate {
  ErpDateKind kind = ErpDateKind::kNoValue;
  std::string date;  // "YYYY-MM-DD" for kDate, else empty
};

/// Reads a date as a driver gives it: YYYY-MM-DD (year 0001-9999), optionally followed by
/// 'T' or ' ' and HH:MM[:SS[.fraction]], optionally followed by 'Z' or an offset (+HH, +HH:MM,
/// +HHMM). The date is the one written; time and zone only have to be valid. Never throws.
ErpDate ReadErpDate(std::string_view text);

/// Where a date comes from, for the message of a refusal.
struct DateColumn {
  std::string_view document;  // "customer order 100501"
  std::string_view field;     // "delivery date"
  std::string_view column;    // "customer_order.delivery_date"
};

/// A date column as a transform uses it: `date` is YYYY-MM-DD, or empty when there is none;
/// `problem` is the refusal when the value is no date, or when it is missing and `required`.
struct DateValue {
  std::string date;
  std::string problem;
};

/// Reads `text` (ReadErpDate) and words a refusal that names the document, the column and the
/// value: "customer order 100501: delivery date (customer_order.delivery_date) 'tomorrow' is not
/// a date (YYYY-MM-DD)", "... is missing (NULL or empty)". Never throws but std::bad_alloc.
DateValue ReadDateColumn(const DateColumn& where, std::string_view text, bool required);

/// A value for a message: at most 40 characters (longer ones end in "..."), characters that
/// are not printable or not UTF-8 shown as '?', in single quotes. Never throws but bad_alloc.
std::string QuotedValue(std::string_view text);

}  // namespace wmsbridge::stages
