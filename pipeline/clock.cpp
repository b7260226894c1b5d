#include "pipeline/clock.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Timestamp.h>

namespace wmsbridge::pipeline {

std::string UtcNowText() {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%d %H:%M:%S");
}

std::string LocalDateText() {
  return Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%Y-%m-%d");
}

}  // namespace wmsbridge::pipeline
