#pragma once
// Reading nullable text columns (every extract query returns text).

#include <Poco/Nullable.h>

#include <optional>
#include <string>

namespace wmsbridge::erp {

using Text = Poco::Nullable<std::string>;

/// A text as Poco 1.11 reads it with SQLGetData (ErpDatabase reads every value that way), made
/// whole: Poco appends each 1 KiB piece with the driver's terminating NUL, and the last piece
/// padded with NULs. The drivers give no NUL as data (the SQLite driver ends a text at its
/// first NUL, PostgreSQL's text cannot hold one), so every NUL is Poco's and goes.
/// Out of line so that a change here rebuilds one file, not every user of the header.
std::string WholeText(std::string pieces);

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
