#include "stages/readback/report_back_marker.h"

#include <Poco/Logger.h>

#include "stages/wms/wms_error.h"

namespace wmsbridge::readback {

void ReportBackMarker::Mark(const wms::ReportedDocument& document, pipeline::RunContext& context) {
  try {
    if (kind_ == ReportBackKind::kOrders)
      client_.SetOrderLinesReported(document);
    else
      client_.SetInOrderLinesReported(document);
    ++marked_;
  } catch (const wms::WmsError& e) {
    ++failed_;
    context.Log().warning(
        "%s %s is in the ERP but could not be marked reported in Ongoing (%s); "
        "the next run reads it again and marks it",
        std::string(kind_ == ReportBackKind::kOrders ? "order" : "in-order"), document.order_number,
        std::string(e.what()));
  }
}

}  // namespace wmsbridge::readback
