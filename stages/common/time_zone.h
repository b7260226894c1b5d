#pragma once
// A named time zone with its daylight-saving rules (IANA names: "Europe/Stockholm", "UTC"),
// for times that must keep their meaning between Ongoing and the ERP (docs/readback.md).
// Poco knows only the machine's own zone, so the rules come from ICU's time zone data; ICU
// stays behind this header.

#include <Poco/DateTime.h>
#include <Poco/Timestamp.h>

#include <memory>
#include <optional>
#include <string>

namespace wmsbridge::stages {

class TimeZone {
 public:
  /// UTC.
  TimeZone();

  /// The zone of that IANA name (case as the database spells it), or nullopt when the time zone
  /// data does not know it. Does not throw but std::bad_alloc.
  static std::optional<TimeZone> Named(const std::string& name);

  /// The IANA name ("UTC" for the default).
  const std::string& name() const { return name_; }

  /// The zone's offset from UTC, in seconds, at an instant. Does not throw.
  int OffsetAt(const Poco::Timestamp& instant) const;

  /// The instant of a wall-clock time of this zone. A time that does not exist (skipped when
  /// clocks go forward) is read with the offset before the change; a time that occurs twice
  /// (when clocks go back) is the first of the two. Does not throw.
  Poco::Timestamp FromLocal(const Poco::DateTime& local) const;

  /// The wall-clock time of this zone at an instant. Does not throw.
  Poco::DateTime ToLocal(const Poco::Timestamp& instant) const;

 private:
  struct Rules;
  TimeZone(std::string name, std::shared_ptr<const Rules> rules);

  std::string name_;
  std::shared_ptr<const Rules> rules_;  // immutable: copies share it
};

}  // namespace wmsbridge::stages
