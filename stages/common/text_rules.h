#pragma once
// The one table of what wmsbridge lets go to Ongoing as text (issue 11 point 4). Every text
// field of every document is of one kind below; a value is sent byte for byte or its document
// is refused (stages/common/document_texts.h walks the fields, field_checks.h checks one).
//
// Ongoing documents no length limit but for the credentials (reference notes §2: UserName and
// Password 50, GoodsOwnerCode 400), so the limits are ours: the same limit for the same kind
// of field, whatever the document. They are documented in docs/text-fields.md; change them
// here and there together.

#include <cstddef>
#include <string_view>

namespace wmsbridge::stages {

enum class TextKind {
  kNumber,       // a key: document, article, customer, supplier numbers, line codes, ids
  kCode,         // a short code: barcode, statistics number, unit, warehouse, transporter,
                 // currency, service point, postcode, phone
  kName,         // a name or address: names, addresses, city, e-mail, reference
  kText,         // free text: remarks, line descriptions and comments, text lines
  kCountryCode,  // ISO 3166-1 alpha-2: two capital letters from ICU's list of countries
};

/// Longest value of a kind, in Unicode characters (not bytes).
constexpr std::size_t MaxChars(TextKind kind) {
  switch (kind) {
    case TextKind::kNumber:
      return 50;
    case TextKind::kCode:
      return 50;
    case TextKind::kName:
      return 200;
    case TextKind::kText:
      return 200;
    case TextKind::kCountryCode:
      return 2;
  }
  return 0;
}

/// What a kind is called in messages ("a number", ...).
constexpr std::string_view KindName(TextKind kind) {
  switch (kind) {
    case TextKind::kNumber:
      return "number";
    case TextKind::kCode:
      return "code";
    case TextKind::kName:
      return "name or address";
    case TextKind::kText:
      return "text";
    case TextKind::kCountryCode:
      return "country code";
  }
  return "";
}

}  // namespace wmsbridge::stages
