#pragma once
// Time stamps of the simulator. The state DB keeps UTC with microseconds in one fixed text form
// ("2024-05-01T12:00:00.123456Z") so that stamps compare correctly as text; the wire gets
// whole seconds, so a client that feeds a received time back as a "from" filter sees that
// second again rather than missing anything.

#include <optional>
#include <string>

namespace wmsbridge::sim {

/// What .NET sends for a DateTime that has no value (DateTime.MinValue).
inline constexpr const char* kNoDateTime = "0001-01-01T00:00:00";

/// The current time as a DB stamp. Never throws.
std::string NowStamp();

/// A client's xsd:dateTime (zone optional, fraction optional; no zone means UTC) as a DB
/// stamp, or nullopt if it cannot be read. Never throws.
std::optional<std::string> WireToStamp(const std::string& wire);

/// A DB stamp as xsd:dateTime in whole seconds with "Z"; "" stays "". Never throws.
std::string StampToWire(const std::string& stamp);

}  // namespace wmsbridge::sim
