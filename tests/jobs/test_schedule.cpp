// The schedule arithmetic of run-due (jobs/schedule.h, issue 13 point 1) without a process:
// windows, weekdays, first runs, both daylight-saving changes of 2026 in Europe/Stockholm, and
// a missed window after downtime running once.
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>

#include <boost/test/unit_test.hpp>
#include <map>
#include <stdexcept>

#include "jobs/job_definitions.h"
#include "jobs/schedule.h"

using namespace wmsbridge;
using jobs::Schedule;
using std::chrono::minutes;

namespace {

const stages::TimeZone& Stockholm() {
  static const stages::TimeZone zone = *stages::TimeZone::Named("Europe/Stockholm");
  return zone;
}

// An instant given as a Stockholm wall-clock time (the first one, where it repeats).
Poco::Timestamp Local(int y, int mo, int d, int h, int mi) {
  return Stockholm().FromLocal(Poco::DateTime(y, mo, d, h, mi));
}

Poco::Timestamp Utc(int y, int mo, int d, int h, int mi) {
  return Poco::DateTime(y, mo, d, h, mi).timestamp();
}

std::string LocalText(const std::optional<Poco::Timestamp>& at) {
  if (!at)
    return "none";
  return Poco::DateTimeFormatter::format(Stockholm().ToLocal(*at), "%Y-%m-%d %H:%M");
}

std::string UtcText(const Poco::Timestamp& at) {
  return Poco::DateTimeFormatter::format(at, "%Y-%m-%d %H:%M");
}

const Schedule& Of(const std::string& job) {
  return jobs::FindJob(job)->schedule;
}

// run-due called every minute from `from` to `to` (UTC): the slots it ran, in order.
std::vector<Poco::Timestamp> EveryMinute(const Schedule& s, Poco::Timestamp from,
                                         const Poco::Timestamp& to,
                                         std::optional<Poco::Timestamp> last = std::nullopt) {
  std::vector<Poco::Timestamp> ran;
  for (; from <= to; from += Poco::Timespan(60, 0)) {
    if (const auto slot = jobs::DueSlot(s, Stockholm(), from, last)) {
      ran.push_back(*slot);
      last = slot;
    }
  }
  return ran;
}

// How many runs each Stockholm day got.
std::map<std::string, int> PerLocalDay(const std::vector<Poco::Timestamp>& runs) {
  std::map<std::string, int> days;
  for (const auto& at : runs)
    ++days[LocalText(at).substr(0, 10)];
  return days;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schedule)

BOOST_AUTO_TEST_CASE(the_spec_schedules_are_the_defaults_R7_R12_R20_R25) {
  BOOST_TEST(Of("articles").Text() == "Mon-Fri 07:00-20:00 every 30m");
  BOOST_TEST(jobs::FindJob("articles")->full_schedule->Text() == "daily 01:30");
  BOOST_TEST(Of("customer-orders").Text() == "Mon-Fri 05:00-21:00 every 15m");
  BOOST_TEST(Of("purchase-orders").Text() == "Mon-Fri 05:35-20:35 every 2h");
  BOOST_TEST(Of("stock").Text() == "daily 02:30");
  for (const auto& job : jobs::JobDefinitions())
    BOOST_TEST(Schedule::Parse(job.schedule.Text()).Text() == job.schedule.Text(), job.name);
}

BOOST_AUTO_TEST_CASE(a_window_runs_from_its_first_slot_to_its_last_R7) {
  // Monday 2026-11-30.
  const Schedule& s = Of("articles");
  BOOST_TEST(LocalText(jobs::LatestSlot(s, Stockholm(), Local(2026, 11, 30, 6, 59))) ==
             "2026-11-27 20:00");  // Friday's last
  BOOST_TEST(LocalText(jobs::LatestSlot(s, Stockholm(), Local(2026, 11, 30, 7, 0))) ==
             "2026-11-30 07:00");
  BOOST_TEST(LocalText(jobs::LatestSlot(s, Stockholm(), Local(2026, 11, 30, 7, 29))) ==
             "2026-11-30 07:00");
  BOOST_TEST(LocalText(jobs::LatestSlot(s, Stockholm(), Local(2026, 11, 30, 20, 59))) ==
             "2026-11-30 20:00");
  BOOST_TEST(LocalText(jobs::NextSlot(s, Stockholm(), Local(2026, 11, 30, 20, 0))) ==
             "2026-12-01 07:00");
  // Purchase orders: every 2 h from 05:35; 19:35 is the last that fits before 20:35.
  BOOST_TEST(LocalText(jobs::LatestSlot(Of("purchase-orders"), Stockholm(),
                                        Local(2026, 11, 30, 21, 0))) == "2026-11-30 19:35");
  const auto day = EveryMinute(Of("customer-orders"), Local(2026, 11, 30, 0, 0),
                               Local(2026, 11, 30, 23, 59), Local(2026, 11, 27, 21, 0));
  BOOST_TEST(day.size() == 65u);  // 05:00, 05:15 ... 21:00
  BOOST_TEST(LocalText(day.front()) == "2026-11-30 05:00");
  BOOST_TEST(LocalText(day.back()) == "2026-11-30 21:00");
}

BOOST_AUTO_TEST_CASE(weekdays_outside_the_schedule_have_no_slot_R12) {
  // Saturday 2026-12-05 and Sunday 2026-12-06.
  const Schedule& s = Of("customer-orders");
  BOOST_TEST(LocalText(jobs::LatestSlot(s, Stockholm(), Local(2026, 12, 6, 12, 0))) ==
             "2026-12-04 21:00");
  BOOST_TEST(LocalText(jobs::NextSlot(s, Stockholm(), Local(2026, 12, 5, 12, 0))) ==
             "2026-12-07 05:00");
  const auto weekend = EveryMinute(s, Local(2026, 12, 5, 0, 0), Local(2026, 12, 6, 23, 59),
                                   Local(2026, 12, 4, 21, 0));
  BOOST_TEST(weekend.empty());
  Schedule odd = Schedule::Parse("Mon,Wed,Sat 09:00");
  BOOST_TEST(odd.Text() == "Mon,Wed,Sat 09:00");
  BOOST_TEST(LocalText(jobs::NextSlot(odd, Stockholm(), Local(2026, 11, 30, 9, 0))) ==
             "2026-12-02 09:00");
  BOOST_TEST(!jobs::LatestSlot(Schedule::Parse("off"), Stockholm(), Local(2026, 11, 30, 9, 0)));
}

BOOST_AUTO_TEST_CASE(a_job_never_run_is_due_at_once_for_its_latest_slot_only) {
  const auto first =
      jobs::DueSlot(Of("articles"), Stockholm(), Local(2026, 11, 30, 9, 10), std::nullopt);
  BOOST_TEST(LocalText(first) == "2026-11-30 09:00");
  BOOST_TEST(!jobs::DueSlot(Of("articles"), Stockholm(), Local(2026, 11, 30, 9, 29), first));
  BOOST_TEST(LocalText(jobs::DueSlot(Of("articles"), Stockholm(), Local(2026, 11, 30, 9, 30),
                                     first)) == "2026-11-30 09:30");
}

BOOST_AUTO_TEST_CASE(a_missed_window_after_downtime_runs_once_not_once_per_slot) {
  // Down from Friday 10:05 to Monday 10:12: one run, for Monday 10:00; the next at 10:30.
  const Schedule& s = Of("articles");
  const auto last = Local(2026, 11, 27, 10, 0);
  const auto due = jobs::DueSlot(s, Stockholm(), Local(2026, 11, 30, 10, 12), last);
  BOOST_TEST(LocalText(due) == "2026-11-30 10:00");
  BOOST_TEST(!jobs::DueSlot(s, Stockholm(), Local(2026, 11, 30, 10, 13), due));
  const auto after = EveryMinute(s, Local(2026, 11, 30, 10, 12), Local(2026, 11, 30, 11, 0), last);
  BOOST_TEST(after.size() == 3u);  // 10:00 (the missed ones together), 10:30, 11:00
  // Down across the whole nightly stock window: the night's run comes when the runner does.
  const auto stock = EveryMinute(Of("stock"), Local(2026, 12, 1, 9, 0), Local(2026, 12, 1, 9, 5),
                                 Local(2026, 11, 29, 2, 30));
  BOOST_TEST(stock.size() == 1u);
  BOOST_TEST(LocalText(stock.front()) == "2026-12-01 02:30");
}

BOOST_AUTO_TEST_CASE(spring_forward_2026_03_29_neither_skips_nor_doubles_a_run) {
  // Clocks go from 02:00 to 03:00: the stock job's 02:30 does not exist that night; it runs at
  // 03:30 summer time (01:30 UTC), once.
  const auto runs = EveryMinute(Of("stock"), Utc(2026, 3, 27, 0, 0), Utc(2026, 3, 31, 23, 0),
                                Local(2026, 3, 26, 2, 30));
  const auto days = PerLocalDay(runs);
  for (const char* day : {"2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"})
    BOOST_TEST(days.at(day) == 1, day);
  BOOST_TEST(runs.size() == 5u);
  BOOST_TEST(UtcText(runs[1]) == "2026-03-28 01:30");  // 02:30 winter time
  BOOST_TEST(UtcText(runs[2]) == "2026-03-29 01:30");  // 03:30 summer time
  BOOST_TEST(UtcText(runs[3]) == "2026-03-30 00:30");  // 02:30 summer time
  // Daytime windows keep their wall-clock times across the change.
  const auto monday = EveryMinute(Of("customer-orders"), Utc(2026, 3, 30, 0, 0),
                                  Utc(2026, 3, 30, 22, 0), Local(2026, 3, 27, 21, 0));
  BOOST_TEST(monday.size() == 65u);
  BOOST_TEST(UtcText(monday.front()) == "2026-03-30 03:00");  // 05:00 summer time
}

BOOST_AUTO_TEST_CASE(fall_back_2026_10_25_neither_skips_nor_doubles_a_run) {
  // Clocks go from 03:00 back to 02:00: 02:30 happens twice; the stock job runs at the first.
  const auto runs = EveryMinute(Of("stock"), Utc(2026, 10, 23, 0, 0), Utc(2026, 10, 27, 23, 0),
                                Local(2026, 10, 22, 2, 30));
  const auto days = PerLocalDay(runs);
  for (const char* day : {"2026-10-23", "2026-10-24", "2026-10-25", "2026-10-26", "2026-10-27"})
    BOOST_TEST(days.at(day) == 1, day);
  BOOST_TEST(runs.size() == 5u);
  BOOST_TEST(UtcText(runs[2]) == "2026-10-25 00:30");  // 02:30 summer time, the first one
  BOOST_TEST(UtcText(runs[3]) == "2026-10-26 01:30");  // 02:30 winter time
  // A window through the repeated hour: each wall-clock slot once (01:00 ... 04:00 = 13).
  const auto night =
      EveryMinute(Schedule::Parse("daily 01:00-04:00 every 15m"), Utc(2026, 10, 24, 22, 0),
                  Utc(2026, 10, 25, 4, 0), Local(2026, 10, 24, 4, 0));
  BOOST_TEST(night.size() == 13u);
}

BOOST_AUTO_TEST_CASE(a_schedule_text_that_is_wrong_says_what_is_wrong) {
  for (const char* bad :
       {"", "Mon-Fri", "Fri-Mon 07:00", "Mon-Fri 25:00", "Mon-Fri 07:00-06:00 every 5m",
        "Mon-Fri 07:00-20:00", "Mon-Fri 07:00-20:00 every 0m", "Mon-Fri 07:00-20:00 each 5m",
        "Funday 07:00"}) {
    BOOST_CHECK_THROW(Schedule::Parse(bad), std::invalid_argument);
  }
  BOOST_TEST(Schedule::Parse("Mon-Fri 07:00-20:00 every 30m").Text() ==
             "Mon-Fri 07:00-20:00 every 30m");
  BOOST_TEST(Schedule::Parse("mon-sun 02:30").Text() == "daily 02:30");
}

BOOST_AUTO_TEST_SUITE_END()
