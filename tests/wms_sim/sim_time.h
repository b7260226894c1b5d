#pragma once
// Time stamps of the simulator. The state DB keeps UTC with microseconds in one fixed text form
// ("2024-05-01T12:00:00.123456Z") so that stamps compare correctly as text. The wire gets them
// in one of the forms a .NET service writes a DateTime in (TimeForm, `wms-sim times`), so that
// tests can see that one instant is read as one time whatever the form.

#include <optional>
#include <string>
#include <string_view>

namespace wmsbridge::sim {

/// What .NET sends for a DateTime that has no value (DateTime.MinValue).
inline constexpr const char* kNoDateTime = "0001-01-01T00:00:00";

/// The warehouse's own zone, used by the forms that write local time (Ongoing is Swedish).
inline constexpr const char* kWarehouseTimeZone = "Europe/Stockholm";

/// How the simulated service writes its times: as .NET writes a DateTime of each Kind.
/// Without `fraction`, whole seconds, so that a client that feeds a received time back as a
/// "from" filter sees that second again; with it, the fraction as .NET writes it (up to seven
/// digits, trailing zeros left out, none when zero).
struct TimeForm {
  enum class Zone {
    kUtc,          // "2026-07-01T12:27:00Z" (DateTimeKind.Utc), the default
    kOffset,       // "2026-07-01T14:27:00+02:00": the warehouse's time with its offset (Local)
    kUnspecified,  // "2026-07-01T14:27:00": the warehouse's time, no zone (Unspecified)
  };
  Zone zone = Zone::kUtc;
  bool fraction = false;
};

/// "utc", "offset" or "local", with "-fraction" appended when `fraction`.
std::string TimeFormName(TimeForm form);
/// The form with that name, or nullopt.
std::optional<TimeForm> TimeFormFromName(std::string_view name);

/// The current time as a DB stamp. Never throws.
std::string NowStamp();

/// A client's xsd:dateTime (zone optional, fraction optional; no zone means UTC) as a DB
/// stamp, or nullopt if it cannot be read. Never throws.
std::optional<std::string> WireToStamp(const std::string& wire);

/// A DB stamp as xsd:dateTime in `form`; "" stays "". Never throws but std::bad_alloc.
std::string StampToWire(const std::string& stamp, TimeForm form = {});

}  // namespace wmsbridge::sim
