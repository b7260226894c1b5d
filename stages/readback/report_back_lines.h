#pragma once
// Report-back (issue 16; reference notes 6c): after the ERP has taken a delivery or receipt,
// each Ongoing line's ReportedNumberOfItems is set to the quantity the ERP now holds, so that
// Ongoing stops listing the document among those with lines to report. This picks the lines
// whose mark is not that quantity yet; the decisions call it, the sinks send what it gives.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stages/wms/wms_types.h"

namespace wmsbridge::readback {

/// One Ongoing line: its id, its ReportedNumberOfItems as read (nullopt: nil) and what the ERP
/// holds for it once the decision is applied, in thousandths.
struct HeldLine {
  int line_id = 0;
  std::optional<std::string> reported;
  std::int64_t held = 0;
};

/// The lines whose ReportedNumberOfItems is not what the ERP holds (nil counts as 0, as
/// Ongoing's filter counts it), for the document with Ongoing's id `wms_id`; nullopt when every
/// line is marked already. A reported figure that is not a number is marked again. Never
/// throws but std::bad_alloc.
std::optional<wms::ReportedDocument> LinesToReport(int wms_id, const std::string& number,
                                                   const std::vector<HeldLine>& lines);

}  // namespace wmsbridge::readback
