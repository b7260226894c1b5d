// The one reader of Ongoing's times and the one writer of ERP times (stages/common/wms_time.h),
// and the time zones under them: every form a .NET service writes one instant in is read as
// that instant, and written to the ERP as one text in the ERP's zone.
#include <boost/test/unit_test.hpp>

#include <string>

#include "stages/common/time_zone.h"
#include "stages/common/wms_time.h"

namespace wmsbridge::stages {
namespace {

TimeZone Stockholm() {
  return TimeZone::Named("Europe/Stockholm").value();
}

// The time as the ERP would store it in `erp`, or what kind of non-time it was.
std::string Stored(const std::string& wire, const TimeZone& erp = Stockholm()) {
  const WmsTime t = ReadWmsTime(wire, Stockholm());
  switch (t.kind) {
    case WmsTimeKind::kNoValue:
      return "no value";
    case WmsTimeKind::kNotATime:
      return "not a time";
    case WmsTimeKind::kTime:
      break;
  }
  return ErpTimeText(t.instant, erp);
}

BOOST_AUTO_TEST_SUITE(wms_time)

BOOST_AUTO_TEST_CASE(one_instant_in_every_form_dotnet_writes_is_stored_as_one_time) {
  // 2026-07-01 12:27:00 UTC: summer, Stockholm is UTC+2.
  for (const char* wire :
       {"2026-07-01T12:27:00Z", "2026-07-01T14:27:00+02:00", "2026-07-01T13:27:00+01:00",
        "2026-07-01T08:27:00-04:00", "2026-07-01T14:27:00", "2026-07-01T12:27:00.25Z",
        "2026-07-01T14:27:00.1234567+02:00", "2026-07-01T14:27:00.9999999"}) {
    BOOST_TEST(Stored(wire) == "2026-07-01 14:27:00", wire);
    BOOST_TEST(Stored(wire, TimeZone()) == "2026-07-01 12:27:00", wire << " in UTC");
  }
  // Winter: Stockholm is UTC+1.
  for (const char* wire : {"2026-11-27T09:15:00Z", "2026-11-27T10:15:00+01:00",
                           "2026-11-27T10:15:00", "2026-11-27T10:15:00.123+01:00"}) {
    BOOST_TEST(Stored(wire) == "2026-11-27 10:15:00", wire);
  }
}

BOOST_AUTO_TEST_CASE(a_time_without_a_zone_is_the_warehouses_wall_clock_time) {
  const TimeZone utc;
  BOOST_TEST(ErpTimeText(ReadWmsTime("2026-07-01T14:27:00", utc).instant, utc) ==
             "2026-07-01 14:27:00");
  BOOST_TEST(ErpTimeText(ReadWmsTime("2026-07-01T14:27:00", Stockholm()).instant, utc) ==
             "2026-07-01 12:27:00");
}

BOOST_AUTO_TEST_CASE(no_value_is_told_from_a_time_that_cannot_be_read) {
  for (const char* wire :
       {"", "0001-01-01T00:00:00", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00"}) {
    BOOST_TEST(Stored(wire) == "no value", "'" << wire << "'");
  }
  for (const char* wire :
       {"tomorrow", "2026-02-30T10:00:00", "2026-13-01T10:00:00Z", "2026-11-27T25:00:00Z",
        "2026-11-27 10:15:00", "2026-11-27", "2026-11-27T10:15", "2026-11-27T10:15:00Zjunk",
        " 2026-11-27T10:15:00", "2026-11-27T10:15:00+0100"}) {
    BOOST_TEST(Stored(wire) == "not a time", wire);
  }
}

BOOST_AUTO_TEST_CASE(wall_clock_times_around_the_daylight_saving_changes) {
  const TimeZone zone = Stockholm();
  // 2026-03-29: clocks go from 02:00 to 03:00; 02:30 does not exist and is read with the
  // offset before the change (+01:00).
  BOOST_TEST(ErpTimeText(ReadWmsTime("2026-03-29T02:30:00", zone).instant, TimeZone()) ==
             "2026-03-29 01:30:00");
  // 2026-10-25: clocks go from 03:00 back to 02:00; 02:30 happens twice: the first is taken.
  BOOST_TEST(ErpTimeText(ReadWmsTime("2026-10-25T02:30:00", zone).instant, TimeZone()) ==
             "2026-10-25 00:30:00");
  BOOST_TEST(zone.OffsetAt(ReadWmsTime("2026-10-25T01:30:00Z", zone).instant) == 3600);
  BOOST_TEST(zone.OffsetAt(ReadWmsTime("2026-10-25T00:30:00Z", zone).instant) == 7200);
}

BOOST_AUTO_TEST_CASE(a_zone_name_the_time_zone_data_does_not_know_is_refused) {
  BOOST_TEST(TimeZone::Named("Europe/Stockholm").has_value());
  BOOST_TEST(TimeZone::Named("UTC").has_value());
  BOOST_TEST(!TimeZone::Named("Europe/Nowhere").has_value());
  BOOST_TEST(!TimeZone::Named("europe/stockholm").has_value(), "spelt as the database does");
  BOOST_TEST(!TimeZone::Named("").has_value());
  BOOST_TEST(TimeZone().name() == "UTC");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::stages
