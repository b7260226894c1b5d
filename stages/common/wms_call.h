#pragma once
// One write call to the WMS as every sink makes it. The client retries transient faults itself
// (wms::RetryingWmsClient); what reaches here is final. Ongoing's refusal of this document
// (Success=false) comes back as text for the record, and the run goes on. Anything else (the WMS
// stayed unavailable, the logon was refused) is fatal: the sink records why the document was not
// sent, and the error travels on as an exception, which ends the run (pipeline/runner.h) and
// which the job turns into the run's abort cause and exit code in one place.

#include <optional>
#include <string>
#include <utility>

#include "stages/wms/wms_error.h"

namespace wmsbridge::stages {

/// Runs `call` and returns its result; std::nullopt with `refusal` set when the WMS refused the
/// document. Any other WmsError calls `on_fatal(reason)` (to record the document's failure) and
/// is rethrown; so is anything `on_fatal` or `call` throws otherwise.
template <typename Call, typename OnFatal>
auto CallWms(Call&& call, std::string& refusal, OnFatal&& on_fatal)
    -> std::optional<decltype(call())> {
  try {
    return std::forward<Call>(call)();
  } catch (const wms::WmsError& e) {
    if (e.kind() == wms::WmsErrorKind::kRejected) {
      refusal = e.message();
      return std::nullopt;
    }
    std::forward<OnFatal>(on_fatal)(std::string(wms::ToString(e.kind())) + ": " + e.message());
    throw;
  }
}

}  // namespace wmsbridge::stages
