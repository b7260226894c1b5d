#include "tests/wms_sim/sim_time.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>

#include <cstdio>

#include "stages/common/time_zone.h"

namespace wmsbridge::sim {

namespace {
constexpr const char* kStampFormat = "%Y-%m-%dT%H:%M:%S.%FZ";
constexpr std::string_view kFractionSuffix = "-fraction";

const stages::TimeZone& WarehouseZone() {
  static const stages::TimeZone zone =
      stages::TimeZone::Named(kWarehouseTimeZone).value_or(stages::TimeZone());
  return zone;
}

// .NET's "FFFFFFF": seven digits of the second's fraction, trailing zeros left out.
std::string Fraction(int microseconds) {
  if (microseconds == 0)
    return "";
  char digits[16];
  std::snprintf(digits, sizeof digits, "%07d", microseconds * 10);
  std::string text(digits);
  text.erase(text.find_last_not_of('0') + 1);
  return "." + text;
}

// "+02:00" for 7200 seconds.
std::string Offset(int seconds) {
  const char sign = seconds < 0 ? '-' : '+';
  const int minutes = (seconds < 0 ? -seconds : seconds) / 60;
  char text[16];
  std::snprintf(text, sizeof text, "%c%02d:%02d", sign, minutes / 60, minutes % 60);
  return text;
}

}  // namespace

std::string TimeFormName(TimeForm form) {
  std::string name = form.zone == TimeForm::Zone::kUtc      ? "utc"
                     : form.zone == TimeForm::Zone::kOffset ? "offset"
                                                            : "local";
  return form.fraction ? name + std::string(kFractionSuffix) : name;
}

std::optional<TimeForm> TimeFormFromName(std::string_view name) {
  TimeForm form;
  if (name.size() > kFractionSuffix.size() && name.ends_with(kFractionSuffix)) {
    form.fraction = true;
    name.remove_suffix(kFractionSuffix.size());
  }
  if (name == "utc")
    form.zone = TimeForm::Zone::kUtc;
  else if (name == "offset")
    form.zone = TimeForm::Zone::kOffset;
  else if (name == "local")
    form.zone = TimeForm::Zone::kUnspecified;
  else
    return std::nullopt;
  return form;
}

std::string NowStamp() {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(), kStampFormat);
}

std::optional<std::string> WireToStamp(const std::string& wire) {
  Poco::DateTime parsed;
  int zone_seconds = 0;
  if (!Poco::DateTimeParser::tryParse(wire, parsed, zone_seconds)) {
    return std::nullopt;
  }
  parsed.makeUTC(zone_seconds);
  return Poco::DateTimeFormatter::format(parsed, kStampFormat);
}

std::string StampToWire(const std::string& stamp, TimeForm form) {
  Poco::DateTime parsed;
  int zone_seconds = 0;
  if (stamp.empty() || !Poco::DateTimeParser::tryParse(stamp, parsed, zone_seconds)) {
    return stamp;
  }
  parsed.makeUTC(zone_seconds);
  const std::string fraction =
      form.fraction ? Fraction(parsed.millisecond() * 1000 + parsed.microsecond()) : "";
  if (form.zone == TimeForm::Zone::kUtc) {
    return Poco::DateTimeFormatter::format(parsed, "%Y-%m-%dT%H:%M:%S") + fraction + "Z";
  }
  const Poco::Timestamp instant = parsed.timestamp();
  const Poco::DateTime local = WarehouseZone().ToLocal(instant);
  const std::string text = Poco::DateTimeFormatter::format(local, "%Y-%m-%dT%H:%M:%S") + fraction;
  if (form.zone == TimeForm::Zone::kUnspecified) {
    return text;
  }
  return text + Offset(WarehouseZone().OffsetAt(instant));
}

}  // namespace wmsbridge::sim
