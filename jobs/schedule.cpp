#include "jobs/schedule.h"

#include <Poco/DateTime.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Timespan.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace wmsbridge::jobs {
namespace {

constexpr const char* kDayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr int kSearchDays = 8;

std::string Clock(std::chrono::minutes m) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(m.count() / 60),
                static_cast<int>(m.count() % 60));
  return text;
}

std::chrono::minutes ParseClock(const std::string& text) {
  int h = 0, m = 0;
  if (text.size() != 5 || text[2] != ':' || !Poco::NumberParser::tryParse(text.substr(0, 2), h) ||
      !Poco::NumberParser::tryParse(text.substr(3, 2), m) || h < 0 || h > 23 || m < 0 || m > 59)
    throw std::invalid_argument("'" + text + "' is no time of day (HH:MM)");
  return std::chrono::minutes(h * 60 + m);
}

int DayIndex(const std::string& name) {
  for (int i = 0; i < 7; ++i) {
    if (Poco::icompare(name, kDayNames[i]) == 0)
      return i;
  }
  throw std::invalid_argument("'" + name + "' is no weekday (Mon ... Sun)");
}

// The slots of one local day (midnight given as a local date), ascending, as instants.
std::vector<Poco::Timestamp> SlotsOfDay(const Schedule& s, const stages::TimeZone& zone,
                                        const Poco::DateTime& day) {
  std::vector<Poco::Timestamp> slots;
  // Poco: 0 = Sunday; ours: 0 = Monday.
  if (!s.enabled || !s.weekdays[static_cast<std::size_t>((day.dayOfWeek() + 6) % 7)])
    return slots;
  for (auto at = s.first; at <= s.last; at += s.every) {
    const Poco::DateTime local(day.year(), day.month(), day.day(),
                               static_cast<int>(at.count() / 60),
                               static_cast<int>(at.count() % 60));
    slots.push_back(zone.FromLocal(local));
  }
  // Slots in the hour skipped in spring land after it, maybe on a later slot's instant: keep
  // them in time order, each instant once.
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  return slots;
}

Poco::DateTime LocalMidnight(const stages::TimeZone& zone, const Poco::Timestamp& at,
                             int day_offset) {
  const Poco::DateTime local = zone.ToLocal(at);
  Poco::DateTime midnight(local.year(), local.month(), local.day());
  midnight += Poco::Timespan(day_offset, 0, 0, 0, 0);
  return midnight;
}

}  // namespace

Schedule Schedule::Weekdays(int first_hour, int first_minute, int last_hour, int last_minute,
                            std::chrono::minutes every) {
  Schedule s;
  s.first = std::chrono::minutes(first_hour * 60 + first_minute);
  s.last = std::chrono::minutes(last_hour * 60 + last_minute);
  s.every = every;
  return s;
}

Schedule Schedule::Nightly(int hour, int minute) {
  Schedule s;
  s.weekdays.fill(true);
  s.first = s.last = std::chrono::minutes(hour * 60 + minute);
  return s;
}

std::string Schedule::Text() const {
  if (!enabled)
    return "off";
  std::string days;
  const bool all = weekdays == std::array<bool, 7>{true, true, true, true, true, true, true};
  if (all) {
    days = "daily";
  } else {
    // Runs of consecutive days as "Mon-Fri", others listed.
    for (int i = 0; i < 7;) {
      if (!weekdays[static_cast<std::size_t>(i)]) {
        ++i;
        continue;
      }
      int j = i;
      while (j + 1 < 7 && weekdays[static_cast<std::size_t>(j + 1)])
        ++j;
      days += std::string(days.empty() ? "" : ",") + kDayNames[i];
      if (j > i)
        days += std::string(j > i + 1 ? "-" : ",") + kDayNames[j];
      i = j + 1;
    }
  }
  if (first == last)
    return days + " " + Clock(first);
  const std::string step = every.count() % 60 == 0 ? std::to_string(every.count() / 60) + "h"
                                                   : std::to_string(every.count()) + "m";
  return days + " " + Clock(first) + "-" + Clock(last) + " every " + step;
}

Schedule Schedule::Parse(const std::string& text) {
  Poco::StringTokenizer words(text, " \t", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  Schedule s;
  if (words.count() == 1 && Poco::icompare(words[0], "off") == 0) {
    s.enabled = false;
    return s;
  }
  if (words.count() != 2 && words.count() != 4)
    throw std::invalid_argument("'" + text + "': give DAYS HH:MM[-HH:MM] [every Nm|Nh] or off");
  s.weekdays.fill(false);
  if (Poco::icompare(words[0], "daily") == 0) {
    s.weekdays.fill(true);
  } else {
    Poco::StringTokenizer parts(words[0], ",", Poco::StringTokenizer::TOK_TRIM);
    for (const std::string& part : parts) {
      const auto dash = part.find('-');
      const int from = DayIndex(part.substr(0, dash));
      const int to = dash == std::string::npos ? from : DayIndex(part.substr(dash + 1));
      if (to < from)
        throw std::invalid_argument("'" + part + "': days run Mon to Sun");
      for (int d = from; d <= to; ++d)
        s.weekdays[static_cast<std::size_t>(d)] = true;
    }
  }
  const auto dash = words[1].find('-');
  s.first = ParseClock(words[1].substr(0, dash));
  s.last = dash == std::string::npos ? s.first : ParseClock(words[1].substr(dash + 1));
  if (s.last < s.first)
    throw std::invalid_argument("'" + words[1] + "': the window ends before it starts");
  if (words.count() == 4) {
    int n = 0;
    const std::string& step = words[3];
    const char unit = step.empty() ? ' ' : step.back();
    if (Poco::icompare(words[2], "every") != 0 || (unit != 'm' && unit != 'h') ||
        !Poco::NumberParser::tryParse(step.substr(0, step.size() - 1), n) || n <= 0)
      throw std::invalid_argument("'" + words[2] + " " + step + "': give every Nm or every Nh");
    s.every = std::chrono::minutes(unit == 'h' ? n * 60 : n);
  } else if (s.last != s.first) {
    throw std::invalid_argument("'" + text + "': a window needs every Nm or every Nh");
  }
  return s;
}

std::optional<Poco::Timestamp> LatestSlot(const Schedule& schedule, const stages::TimeZone& zone,
                                          const Poco::Timestamp& now) {
  // One day ahead too: a local day can start before `now`'s local day in a zone change.
  for (int day = 1; day >= -kSearchDays; --day) {
    const auto slots = SlotsOfDay(schedule, zone, LocalMidnight(zone, now, day));
    for (auto it = slots.rbegin(); it != slots.rend(); ++it) {
      if (*it <= now)
        return *it;
    }
  }
  return std::nullopt;
}

std::optional<Poco::Timestamp> NextSlot(const Schedule& schedule, const stages::TimeZone& zone,
                                        const Poco::Timestamp& now) {
  for (int day = -1; day <= kSearchDays; ++day) {
    for (const Poco::Timestamp& slot : SlotsOfDay(schedule, zone, LocalMidnight(zone, now, day))) {
      if (slot > now)
        return slot;
    }
  }
  return std::nullopt;
}

std::optional<Poco::Timestamp> DueSlot(const Schedule& schedule, const stages::TimeZone& zone,
                                       const Poco::Timestamp& now,
                                       const std::optional<Poco::Timestamp>& last_due) {
  const auto latest = LatestSlot(schedule, zone, now);
  if (!latest || (last_due && *latest <= *last_due))
    return std::nullopt;
  return latest;
}

}  // namespace wmsbridge::jobs
