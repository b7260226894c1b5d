#include "stages/common/erp_date.h"

#include <Poco/TextIterator.h>
#include <Poco/UTF8Encoding.h>

#include <chrono>
#include <cstddef>
#include <optional>

namespace wmsbridge::stages {
namespace {

// Reads `text` from its front, shape by shape; every step fails on the first surprise.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }
  bool Take(char c) {
    if (AtEnd() || text_[pos_] != c)
      return false;
    ++pos_;
    return true;
  }
  bool TakeAny(std::string_view chars, char& taken) {
    if (AtEnd() || chars.find(text_[pos_]) == std::string_view::npos)
      return false;
    taken = text_[pos_++];
    return true;
  }
  /// Exactly `count` digits as a number.
  std::optional<int> Digits(std::size_t count) {
    int value = 0;
    for (std::size_t i = 0; i < count; ++i, ++pos_) {
      if (AtEnd() || text_[pos_] < '0' || text_[pos_] > '9')
        return std::nullopt;
      value = value * 10 + (text_[pos_] - '0');
    }
    return value;
  }
  /// One or more digits (a fraction of a second).
  bool SomeDigits() {
    const std::size_t start = pos_;
    while (!AtEnd() && text_[pos_] >= '0' && text_[pos_] <= '9')
      ++pos_;
    return pos_ > start;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// HH:MM[:SS[.fraction]]
bool ReadTime(Scanner& s) {
  const auto hour = s.Digits(2);
  if (!hour || *hour > 23 || !s.Take(':'))
    return false;
  const auto minute = s.Digits(2);
  if (!minute || *minute > 59)
    return false;
  if (s.Take(':')) {
    const auto second = s.Digits(2);
    if (!second || *second > 59)
      return false;
    if (s.Take('.') && !s.SomeDigits())
      return false;
  }
  return true;
}

// Z, +HH, +HH:MM, +HHMM (or '-')
bool ReadZone(Scanner& s) {
  if (s.Take('Z'))
    return true;
  char sign = 0;
  if (!s.TakeAny("+-", sign))
    return false;
  const auto hours = s.Digits(2);
  if (!hours || *hours > 23)
    return false;
  if (s.AtEnd())
    return true;
  s.Take(':');
  const auto minutes = s.Digits(2);
  return minutes && *minutes <= 59;
}

}  // namespace

ErpDate ReadErpDate(std::string_view text) {
  if (text.empty())
    return {ErpDateKind::kNoValue, ""};
  const ErpDate not_a_date{ErpDateKind::kNotADate, ""};
  Scanner s(text);
  const auto year = s.Digits(4);
  if (!year || !s.Take('-'))
    return not_a_date;
  const auto month = s.Digits(2);
  if (!month || !s.Take('-'))
    return not_a_date;
  const auto day = s.Digits(2);
  if (!day)
    return not_a_date;
  // The calendar's rules (month lengths, leap years) are std::chrono's.
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (*year < 1 || !date.ok())
    return not_a_date;
  char separator = 0;
  if (s.TakeAny("T ", separator)) {
    if (!ReadTime(s))
      return not_a_date;
    if (!s.AtEnd() && !ReadZone(s))
      return not_a_date;
  }
  if (!s.AtEnd())
    return not_a_date;
  return {ErpDateKind::kDate, std::string(text.substr(0, 10))};
}

std::string QuotedValue(std::string_view text) {
  constexpr std::size_t kMaxChars = 40;
  Poco::UTF8Encoding utf8;
  const std::string value(text);
  std::string out = "'";
  std::size_t chars = 0;
  for (Poco::TextIterator it(value, utf8), end(value); it != end; ++it, ++chars) {
    if (chars == kMaxChars) {
      out += "...";
      break;
    }
    const int c = *it;
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      out += '?';  // also -1: not UTF-8
      continue;
    }
    unsigned char bytes[4];
    const int length = utf8.convert(c, bytes, sizeof bytes);
    out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
  }
  return out + "'";
}

DateValue ReadDateColumn(const DateColumn& where, std::string_view text, bool required) {
  const ErpDate read = ReadErpDate(text);
  const std::string prefix = std::string(where.document) + ": " + std::string(where.field) + " (" +
                             std::string(where.column) + ")";
  switch (read.kind) {
    case ErpDateKind::kDate:
      return {read.date, ""};
    case ErpDateKind::kNoValue:
      return {"", required ? prefix + " is missing (NULL or empty)" : ""};
    case ErpDateKind::kNotADate:
      break;
  }
  return {"", prefix + " " + QuotedValue(text) + " is not a date (YYYY-MM-DD)"};
}

}  // namespace wmsbridge::stages
