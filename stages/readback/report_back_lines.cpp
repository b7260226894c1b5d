#include "stages/readback/report_back_lines.h"

#include "stages/common/field_checks.h"
#include "stages/readback/scales.h"

namespace wmsbridge::readback {

std::optional<wms::ReportedDocument> LinesToReport(int wms_id, const std::string& number,
                                                   const std::vector<HeldLine>& lines) {
  wms::ReportedDocument document{wms_id, number, {}};
  for (const HeldLine& line : lines) {
    const std::optional<std::int64_t> reported =
        line.reported ? stages::Scaled(*line.reported, kQuantityScale) : std::int64_t{0};
    if (reported && *reported == line.held)
      continue;
    document.lines.push_back({line.line_id, stages::FromScaled(line.held, kQuantityScale)});
  }
  if (document.lines.empty())
    return std::nullopt;
  return document;
}

}  // namespace wmsbridge::readback
