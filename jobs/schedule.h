#pragma once
// When a job is due (issue 13, point 1): slots at wall-clock times of the installation's time
// zone — every N minutes from a first to a last time of the day, on some weekdays — and the
// arithmetic run-due needs: the latest slot at or before an instant (the one to run; older
// missed ones are not run again) and the next slot after it. The zone's rules come from ICU
// (stages::TimeZone): a slot in the hour skipped when clocks go forward runs at the same
// distance after the change (02:30 -> 03:30 summer time), a slot in the hour that repeats when
// they go back runs at its first occurrence only, so a change neither skips nor doubles a run.

#include <Poco/Timestamp.h>

#include <array>
#include <chrono>
#include <optional>
#include <string>

#include "stages/common/time_zone.h"

namespace wmsbridge::jobs {

struct Schedule {
  /// Monday first; true where the job runs.
  std::array<bool, 7> weekdays{true, true, true, true, true, false, false};
  std::chrono::minutes first{0};  // the day's first slot, after midnight (07:00 = 420)
  std::chrono::minutes last{0};   // no slot after this one in the day
  std::chrono::minutes every{24 * 60};
  bool enabled = true;  // false: never due ("off")

  /// Every `every` from `first` to `last`, Monday to Friday.
  static Schedule Weekdays(int first_hour, int first_minute, int last_hour, int last_minute,
                           std::chrono::minutes every);
  /// Once a day at hh:mm, every day.
  static Schedule Nightly(int hour, int minute);

  /// The text form config files and help use: "Mon-Fri 07:00-20:00 every 30m",
  /// "daily 02:30", "off" (Parse reads what this writes). Does not throw but std::bad_alloc.
  std::string Text() const;
  /// Reads "DAYS HH:MM[-HH:MM] [every Nm|Nh]" (DAYS: daily, Mon-Fri, Mon,Wed,Sat ...) or "off".
  /// Throws std::invalid_argument saying what is wrong.
  static Schedule Parse(const std::string& text);
};

/// The latest slot at or before `now`, or nullopt when there is none in the last 8 days (or the
/// schedule is off). Does not throw but std::bad_alloc.
std::optional<Poco::Timestamp> LatestSlot(const Schedule& schedule, const stages::TimeZone& zone,
                                          const Poco::Timestamp& now);

/// The first slot after `now`, or nullopt when there is none in the next 8 days. Does not throw
/// but std::bad_alloc.
std::optional<Poco::Timestamp> NextSlot(const Schedule& schedule, const stages::TimeZone& zone,
                                        const Poco::Timestamp& now);

/// Whether a job whose last run was for slot `last_due` (nullopt: never) is due at `now`: when
/// there is a slot at or before `now` later than `last_due`. After downtime the missed slots
/// make one due run, the latest. Returns that slot. Does not throw but std::bad_alloc.
std::optional<Poco::Timestamp> DueSlot(const Schedule& schedule, const stages::TimeZone& zone,
                                       const Poco::Timestamp& now,
                                       const std::optional<Poco::Timestamp>& last_due);

}  // namespace wmsbridge::jobs
