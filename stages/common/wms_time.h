#pragma once
// The one reader of the times Ongoing sends (xsd:dateTime written by a .NET service) and the
// one writer of the times read-back puts into ERP columns, so that one instant is stored as one
// text whatever form Ongoing wrote it in (docs/readback.md, "Times").
//
// .NET writes a DateTime in one of three forms, by its Kind: "2026-11-27T12:27:00Z" (UTC),
// "2026-11-27T13:27:00+01:00" (local, with the offset) or "2026-11-27T13:27:00" (unspecified:
// no zone). Each may carry a fraction of up to seven digits (".1234567"), left out when zero.
// A time without a zone is the wall-clock time of the warehouse's zone (the connection's
// wms_time_zone), as a .NET service reading its own database's local times writes it.

#include <Poco/Timestamp.h>

#include <string>

#include "stages/common/time_zone.h"

namespace wmsbridge::stages {

enum class WmsTimeKind {
  kNoValue,   // empty, or .NET's DateTime.MinValue (0001-01-01T00:00:00): no time given
  kTime,      // a time: `instant` holds it
  kNotATime,  // text that is not an xsd:dateTime (or a date that does not exist)
};

struct WmsTime {
  WmsTimeKind kind = WmsTimeKind::kNoValue;
  Poco::Timestamp instant;  // kTime only
};

/// Reads a dateTime as Ongoing sends it: date, 'T', time to the second, an optional fraction
/// of any length, and an optional zone ("Z" or "+hh:mm" / "-hh:mm"); without a zone, the time
/// is read in `wms_zone`. Does not throw but std::bad_alloc.
WmsTime ReadWmsTime(const std::string& text, const TimeZone& wms_zone);

/// An instant as the ERP's timestamp columns take it: "YYYY-MM-DD HH:MM:SS", the wall-clock
/// time of `erp_zone`, fractions of a second dropped. Does not throw but std::bad_alloc.
std::string ErpTimeText(const Poco::Timestamp& instant, const TimeZone& erp_zone);

}  // namespace wmsbridge::stages
