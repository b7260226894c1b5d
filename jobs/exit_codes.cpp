#include "jobs/exit_codes.h"

#include <Poco/Exception.h>
#include <Poco/Util/Application.h>

#include <iterator>

#include "jobs/connection_config.h"
#include "jobs/erp_readiness.h"
#include "stages/erp/job_lock.h"
#include "stages/wms/wms_error.h"

namespace wmsbridge::jobs {

using App = Poco::Util::Application;

int ExitCodeOf(const JobResult& result) {
  switch (result.status) {
    case pipeline::RunStatus::kStopped:
      return kExitStopped;
    case pipeline::RunStatus::kAborted:
      return result.wms_error == wms::WmsErrorKind::kLogon ? App::EXIT_NOPERM
                                                           : App::EXIT_UNAVAILABLE;
    case pipeline::RunStatus::kCompletedWithRejects:
      return App::EXIT_DATAERR;
    case pipeline::RunStatus::kCompleted:
      break;
  }
  return App::EXIT_OK;
}

bool EndsCommand(int code) {
  return code == kExitStopped;
}

int ExitCodeSeverity(int code) {
  // Worst last; twice the index is the rank, so that an unknown code fits between 78 and 70.
  static constexpr int kOrder[] = {App::EXIT_OK,          App::EXIT_DATAERR,  App::EXIT_TEMPFAIL,
                                   App::EXIT_UNAVAILABLE, App::EXIT_IOERR,    App::EXIT_NOPERM,
                                   App::EXIT_CONFIG,      App::EXIT_SOFTWARE, kExitStopped};
  for (std::size_t i = 0; i < std::size(kOrder); ++i) {
    if (kOrder[i] == code)
      return static_cast<int>(2 * i);
  }
  return 13;  // after EXIT_CONFIG (12), before EXIT_SOFTWARE (14)
}

int WorseExitCode(int a, int b) {
  return ExitCodeSeverity(b) > ExitCodeSeverity(a) ? b : a;
}

CommandFailure FailureOf(const std::exception& error) {
  // Most specific first: WmsError and JobAlreadyRunning are runtime_errors, and a
  // Poco::Exception that reaches here came from Poco::Data (the ERP's ODBC session).
  if (const auto* wms_error = dynamic_cast<const wms::WmsError*>(&error)) {
    return {
        wms_error->kind() == wms::WmsErrorKind::kLogon ? App::EXIT_NOPERM : App::EXIT_UNAVAILABLE,
        "WMS: " + std::string(error.what())};
  }
  if (dynamic_cast<const MissingInputFile*>(&error) != nullptr)
    return {App::EXIT_NOINPUT, error.what()};
  if (dynamic_cast<const SchemaNotCurrent*>(&error) != nullptr)
    return {App::EXIT_CONFIG, error.what()};
  if (dynamic_cast<const ConfigError*>(&error) != nullptr)  // a job's check against the ERP
    return {App::EXIT_CONFIG, "configuration: " + std::string(error.what())};
  if (dynamic_cast<const erp::JobAlreadyRunning*>(&error) != nullptr)
    return {App::EXIT_TEMPFAIL, error.what()};
  if (const auto* poco = dynamic_cast<const Poco::Exception*>(&error))
    return {App::EXIT_IOERR, "ERP database: " + poco->displayText()};
  return {App::EXIT_SOFTWARE, error.what()};
}

}  // namespace wmsbridge::jobs
