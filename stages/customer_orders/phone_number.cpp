#include "stages/customer_orders/phone_number.h"

#include <cctype>
#include <string>

namespace wmsbridge::customer_orders {
namespace {

bool AllDigits(std::string_view s) {
  for (const char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return false;
  }
  return !s.empty();
}

// The national significant number (no trunk 0) of a Swedish mobile: 7[02369] + 7 digits.
// 071 (machine-to-machine), 074 (paging), 075 (personal numbers) and 077x (e.g. 0771 customer
// service numbers) are not mobiles a person reads an SMS on.
bool SwedishMobile(std::string_view n) {
  return n.size() == 9 && n[0] == '7' && std::string_view("02369").find(n[1]) != n.npos;
}

// Norway: every number has 8 digits; mobiles start with 4 or 9.
bool NorwegianMobile(std::string_view n) {
  return n.size() == 8 && (n[0] == '4' || n[0] == '9');
}

// Finland (no trunk 0): 4x or 50, then 6 to 8 more digits.
bool FinnishMobile(std::string_view n) {
  const bool prefix = (n.size() >= 2 && n[0] == '4') || n.substr(0, 2) == "50";
  return prefix && n.size() >= 8 && n.size() <= 10;
}

}  // namespace

bool IsMobileNumber(std::string_view phone, std::string_view country_code) {
  std::string n;
  for (const char c : phone) {
    if (c == ' ' || c == '\t' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')')
      continue;
    n += c;
  }
  bool international = false;
  if (n.rfind('+', 0) == 0) {
    international = true;
    n.erase(0, 1);
  } else if (n.rfind("00", 0) == 0) {
    international = true;
    n.erase(0, 2);
  }
  if (!AllDigits(n))
    return false;
  // The trunk 0 of a domestic number, or written after a country code: "+46 (0)70...".
  const auto national = [](std::string_view rest) {
    return rest.rfind('0', 0) == 0 ? rest.substr(1) : rest;
  };
  const std::string_view digits(n);
  if (international) {
    if (digits.rfind("46", 0) == 0)
      return SwedishMobile(national(digits.substr(2)));
    if (digits.rfind("47", 0) == 0)
      return NorwegianMobile(digits.substr(2));
    if (digits.rfind("358", 0) == 0)
      return FinnishMobile(national(digits.substr(3)));
    return false;
  }
  std::string country(country_code);
  for (char& c : country)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (country == "SE")
    return digits.rfind('0', 0) == 0 && SwedishMobile(digits.substr(1));
  if (country == "NO")
    return NorwegianMobile(digits);
  if (country == "FI")
    return digits.rfind('0', 0) == 0 && FinnishMobile(digits.substr(1));
  return false;
}

}  // namespace wmsbridge::customer_orders
