#include "stages/common/time_zone.h"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace wmsbridge::stages {

struct TimeZone::Rules {
  std::unique_ptr<icu::BasicTimeZone> zone;
};

namespace {

// ICU counts milliseconds since 1970 UTC as a double; Poco microseconds as an int64.
UDate ToUDate(const Poco::Timestamp& instant) {
  return static_cast<UDate>(instant.epochMicroseconds() / 1000) +
         static_cast<UDate>(instant.epochMicroseconds() % 1000) / 1000.0;
}

}  // namespace

TimeZone::TimeZone() : name_("UTC") {}

TimeZone::TimeZone(std::string name, std::shared_ptr<const Rules> rules)
    : name_(std::move(name)), rules_(std::move(rules)) {}

std::optional<TimeZone> TimeZone::Named(const std::string& name) {
  std::unique_ptr<icu::TimeZone> zone(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(name)));
  icu::UnicodeString id;
  zone->getID(id);
  // An unknown name gives ICU's "Etc/Unknown" zone (UTC rules), never an error.
  if (id == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID))
    return std::nullopt;
  auto* basic = dynamic_cast<icu::BasicTimeZone*>(zone.get());
  if (basic == nullptr)
    return std::nullopt;
  zone.release();
  auto rules = std::make_shared<Rules>();
  rules->zone.reset(basic);
  return TimeZone(name, std::move(rules));
}

int TimeZone::OffsetAt(const Poco::Timestamp& instant) const {
  if (!rules_)
    return 0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  rules_->zone->getOffset(ToUDate(instant), false, raw, dst, status);
  return U_SUCCESS(status) ? (raw + dst) / 1000 : 0;
}

Poco::Timestamp TimeZone::FromLocal(const Poco::DateTime& local) const {
  // The wall-clock time counted as if it were UTC, less the zone's offset at that wall time.
  const Poco::Timestamp as_utc = local.timestamp();
  if (!rules_)
    return as_utc;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  rules_->zone->getOffsetFromLocal(ToUDate(as_utc), UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw,
                                   dst, status);
  if (U_FAILURE(status))
    return as_utc;
  return as_utc - static_cast<Poco::Timestamp::TimeDiff>(raw + dst) * 1000;
}

Poco::DateTime TimeZone::ToLocal(const Poco::Timestamp& instant) const {
  return Poco::DateTime(instant + static_cast<Poco::Timestamp::TimeDiff>(OffsetAt(instant)) *
                                      Poco::Timestamp::resolution());
}

}  // namespace wmsbridge::stages
