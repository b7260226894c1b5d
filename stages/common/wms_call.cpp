#include "stages/common/wms_call.h"

namespace wmsbridge::stages {

bool IsRetryableWmsError(const std::exception& error) {
  const auto* wms_error = dynamic_cast<const wms::WmsError*>(&error);
  return wms_error != nullptr && wms_error->retryable();
}

}  // namespace wmsbridge::stages
