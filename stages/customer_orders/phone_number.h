#pragma once
// The ERP keeps one phone per delivery address; Ongoing's consignee has TelePhone, MobilePhone
// and NotifyBySMS. Whether that one phone is a mobile number (and so may get an SMS) is decided
// here, by the Nordic numbering plans; docs/customer-order-job.md ("Phones") states the rule.

#include <string_view>

namespace wmsbridge::customer_orders {

/// True when `phone` is a mobile number by the numbering plan of its country: +46 / 0046, or
/// a domestic number of a delivery to SE: 070, 072, 073, 076, 079 and 7 more digits; +47 / NO:
/// 8 digits from 4 or 9; +358 / FI: 04x or 050 and 6 to 8 more digits. Spaces, hyphens, dots,
/// slashes and parentheses are ignored ("+46 (0)70-123 45 67"); anything else (letters, an
/// extension) and every other country (Denmark's mobile and fixed numbers share one range)
/// make it not a mobile number. `country_code` is the delivery address's ISO 3166 alpha-2 code,
/// used for numbers without a country code. Never throws but std::bad_alloc.
bool IsMobileNumber(std::string_view phone, std::string_view country_code);

}  // namespace wmsbridge::customer_orders
