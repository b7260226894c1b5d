#pragma once
// Reading nullable text columns (every extract query returns text).

#include <Poco/Nullable.h>

#include <optional>
#include <string>

namespace wmsbridge::erp {

using Text = Poco::Nullable<std::string>;

/// The value, or "" for NULL.
inline std::string Value(const Text& t) {
  return t.isNull() ? std::string() : t.value();
}

/// The value, or nullopt for NULL and "".
inline std::optional<std::string> Optional(const Text& t) {
  if (t.isNull() || t.value().empty())
    return std::nullopt;
  return t.value();
}

}  // namespace wmsbridge::erp
