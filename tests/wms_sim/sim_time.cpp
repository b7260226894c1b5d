#include "tests/wms_sim/sim_time.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>

namespace wmsbridge::sim {

namespace {
constexpr const char* kStampFormat = "%Y-%m-%dT%H:%M:%S.%FZ";
}  // namespace

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

std::string StampToWire(const std::string& stamp) {
  // "YYYY-MM-DDTHH:MM:SS" is the first 19 characters of every stamp written by NowStamp.
  if (stamp.size() < 19) {
    return stamp;
  }
  return stamp.substr(0, 19) + "Z";
}

}  // namespace wmsbridge::sim
