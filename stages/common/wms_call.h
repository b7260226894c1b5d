#pragma once
// One write call to the WMS as every sink makes it: retried with back-off for retryable
// failures only; Ongoing's refusal (Success=false) comes back as text for the record; a WMS that
// stays unavailable or refuses the logon aborts the run (nothing more can be sent) and is
// remembered so the job can pick the exit code.

#include <optional>
#include <string>

#include "pipeline/run_context.h"
#include "stages/wms/wms_error.h"

namespace wmsbridge::stages {

/// True for WmsErrors that may succeed when tried again unchanged.
bool IsRetryableWmsError(const std::exception& error);

struct WmsCallFailure {
  std::optional<std::string> refusal;  // set when the WMS refused this document (Success=false)
  std::string reason;                  // text for the run record
};

/// Runs `call`; returns its result, or std::nullopt with `failure` filled. On a fatal failure
/// (unavailable after retries, logon refused) the run is aborted through the context and
/// `fatal` is set.
template <typename Call>
auto CallWms(pipeline::RunContext& context, Call&& call, WmsCallFailure& failure,
             std::optional<wms::WmsErrorKind>& fatal) -> std::optional<decltype(call())> {
  try {
    return context.Retry(IsRetryableWmsError, std::forward<Call>(call));
  } catch (const wms::WmsError& e) {
    if (e.kind() == wms::WmsErrorKind::kRejected) {
      failure.refusal = e.message();
      failure.reason = e.message();
      return std::nullopt;
    }
    fatal = e.kind();
    failure.reason = std::string(wms::ToString(e.kind())) + ": " + e.message();
    context.Abort(e.kind() == wms::WmsErrorKind::kLogon ? "WMS logon failed: " + e.message()
                                                        : "WMS unavailable: " + failure.reason);
    return std::nullopt;
  }
}

}  // namespace wmsbridge::stages
