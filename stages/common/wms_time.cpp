#include "stages/common/wms_time.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>

#include <regex>

namespace wmsbridge::stages {
namespace {

// The shape of an xsd:dateTime to the second. Poco's parser reads the values (and refuses a
// date that does not exist) but is lenient about the shape ("tomorrow" parses as year 0) and
// reads a missing zone like "Z", so the shape, and whether a zone is there, is checked first.
const std::regex& Shape() {
  static const std::regex shape(
      R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)");
  return shape;
}

}  // namespace

WmsTime ReadWmsTime(const std::string& text, const TimeZone& wms_zone) {
  if (text.empty() || text.rfind("0001-01-01T", 0) == 0)
    return {WmsTimeKind::kNoValue, {}};
  std::smatch match;
  if (!std::regex_match(text, match, Shape()))
    return {WmsTimeKind::kNotATime, {}};
  Poco::DateTime parsed;
  int zone_seconds = 0;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, text, parsed,
                                      zone_seconds)) {
    return {WmsTimeKind::kNotATime, {}};
  }
  if (!match[2].matched)  // no zone: the warehouse's wall-clock time
    return {WmsTimeKind::kTime, wms_zone.FromLocal(parsed)};
  parsed.makeUTC(zone_seconds);
  return {WmsTimeKind::kTime, parsed.timestamp()};
}

std::string ErpTimeText(const Poco::Timestamp& instant, const TimeZone& erp_zone) {
  return Poco::DateTimeFormatter::format(erp_zone.ToLocal(instant), "%Y-%m-%d %H:%M:%S");
}

}  // namespace wmsbridge::stages
