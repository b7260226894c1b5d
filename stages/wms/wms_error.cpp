#include "stages/wms/wms_error.h"

namespace wmsbridge::wms {

std::string_view ToString(WmsErrorKind kind) {
  switch (kind) {
    case WmsErrorKind::kConnect:
      return "connect";
    case WmsErrorKind::kTimeout:
      return "timeout";
    case WmsErrorKind::kTransport:
      return "transport";
    case WmsErrorKind::kHttp:
      return "http";
    case WmsErrorKind::kSoapFault:
      return "soap-fault";
    case WmsErrorKind::kLogon:
      return "logon";
    case WmsErrorKind::kMalformed:
      return "malformed";
    case WmsErrorKind::kRejected:
      return "rejected";
    case WmsErrorKind::kRateLimited:
      return "rate-limited";
  }
  return "unknown";
}

}  // namespace wmsbridge::wms
