// The exit-code mapping of the command line (jobs/exit_codes.h) without a process: what each
// job result and each exception a command throws ends in (docs/operations.md).
#include <Poco/Data/DataException.h>
#include <Poco/Exception.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <iterator>
#include <stdexcept>

#include "jobs/connection_config.h"
#include "jobs/erp_readiness.h"
#include "jobs/exit_codes.h"
#include "stages/erp/job_lock.h"
#include "stages/wms/wms_error.h"

using namespace wmsbridge;
using pipeline::RunStatus;

namespace {

jobs::JobResult Result(RunStatus status, std::optional<wms::WmsErrorKind> cause = std::nullopt) {
  jobs::JobResult result;
  result.status = status;
  result.wms_error = cause;
  return result;
}

const wms::WmsErrorKind kAllKinds[] = {wms::WmsErrorKind::kConnect,    wms::WmsErrorKind::kTimeout,
                                       wms::WmsErrorKind::kTransport,  wms::WmsErrorKind::kHttp,
                                       wms::WmsErrorKind::kSoapFault,  wms::WmsErrorKind::kLogon,
                                       wms::WmsErrorKind::kMalformed,  wms::WmsErrorKind::kRejected,
                                       wms::WmsErrorKind::kRateLimited};  // R32: 69 too

}  // namespace

BOOST_AUTO_TEST_SUITE(exit_codes)

BOOST_AUTO_TEST_CASE(a_completed_run_is_0_and_one_with_rejects_65_and_neither_ends_the_command) {
  BOOST_TEST(jobs::ExitCodeOf(Result(RunStatus::kCompleted)) == 0);
  BOOST_TEST(jobs::ExitCodeOf(Result(RunStatus::kCompletedWithRejects)) == 65);
  BOOST_TEST(!jobs::EndsCommand(0));
  BOOST_TEST(!jobs::EndsCommand(65));
}

BOOST_AUTO_TEST_CASE(a_stopped_run_is_130_whatever_the_wms_did_and_ends_the_command) {
  BOOST_TEST(jobs::ExitCodeOf(Result(RunStatus::kStopped)) == 130);
  BOOST_TEST(jobs::ExitCodeOf(Result(RunStatus::kStopped, wms::WmsErrorKind::kLogon)) == 130);
  BOOST_TEST(jobs::kExitStopped == 130);
  BOOST_TEST(jobs::EndsCommand(130));
}

BOOST_AUTO_TEST_CASE(an_aborted_run_is_77_for_a_refused_logon_and_69_for_any_other_cause_R1) {
  for (const wms::WmsErrorKind kind : kAllKinds) {
    const int expected = kind == wms::WmsErrorKind::kLogon ? 77 : 69;
    BOOST_TEST(jobs::ExitCodeOf(Result(RunStatus::kAborted, kind)) == expected,
               "aborted by " << wms::ToString(kind));
  }
  // Aborted with no WMS cause recorded (e.g. a stage threw): the WMS side is unavailable.
  BOOST_TEST(jobs::ExitCodeOf(Result(RunStatus::kAborted)) == 69);
  // Connections are isolated (issue 13): an abort leaves the next connection to run.
  BOOST_TEST(!jobs::EndsCommand(69));
  BOOST_TEST(!jobs::EndsCommand(77));
}

BOOST_AUTO_TEST_CASE(a_wms_error_is_77_for_a_refused_logon_and_69_otherwise_R1) {
  for (const wms::WmsErrorKind kind : kAllKinds) {
    const wms::WmsError error(kind, "GetTransporterContracts", "went wrong");
    const jobs::CommandFailure failure = jobs::FailureOf(error);
    BOOST_TEST(failure.code == (kind == wms::WmsErrorKind::kLogon ? 77 : 69),
               "thrown " << wms::ToString(kind));
    BOOST_TEST(failure.message == "WMS: GetTransporterContracts: went wrong");
  }
}

BOOST_AUTO_TEST_CASE(a_job_already_running_is_75_R27) {
  const jobs::CommandFailure failure =
      jobs::FailureOf(erp::JobAlreadyRunning("job articles of connection demo is running"));
  BOOST_TEST(failure.code == 75);
  BOOST_TEST(failure.message == "job articles of connection demo is running");
}

BOOST_AUTO_TEST_CASE(a_configuration_the_erp_contradicts_is_78_R3) {
  const jobs::ConfigError error("/etc/wmsbridge.ini", "connection.demo.warehouses",
                                "warehouse SOUTH does not exist in the ERP");
  const jobs::CommandFailure failure = jobs::FailureOf(error);
  BOOST_TEST(failure.code == 78);
  BOOST_TEST(failure.message == "configuration: " + std::string(error.what()));
}

// issue 14: a missing input file is 66, not 78; wms_ tables that need a migration are 78 with
// the one line that says so (no "configuration:" prefix: the file is not at fault).
BOOST_AUTO_TEST_CASE(a_missing_input_file_is_66_and_an_old_schema_78) {
  const jobs::MissingInputFile missing("/etc/wmsbridge.ini", "connection.demo.password_file",
                                       "cannot read /etc/wmsbridge/demo.password");
  BOOST_TEST(jobs::FailureOf(missing).code == 66);
  BOOST_TEST(jobs::FailureOf(missing).message == missing.what());
  const jobs::SchemaNotCurrent old("wms_ tables lack 1 migration(s); run `wmsbridge db migrate`");
  BOOST_TEST(jobs::FailureOf(old).code == 78);
  BOOST_TEST(jobs::FailureOf(old).message == old.what());
  BOOST_TEST(jobs::WorseExitCode(66, 78) == 66, "a missing file before the rest of the file");
  BOOST_TEST(jobs::WorseExitCode(66, 70) == 70);
}

BOOST_AUTO_TEST_CASE(a_poco_exception_is_the_erp_database_74) {
  const jobs::CommandFailure failure =
      jobs::FailureOf(Poco::Data::DataException("connection lost"));
  BOOST_TEST(failure.code == 74);
  BOOST_TEST(failure.message ==
             "ERP database: " + Poco::Data::DataException("connection lost").displayText());
  BOOST_TEST(jobs::FailureOf(Poco::IOException("disk")).code == 74);
}

BOOST_AUTO_TEST_CASE(any_other_exception_is_a_software_error_70) {
  const jobs::CommandFailure failure = jobs::FailureOf(std::logic_error("a bug"));
  BOOST_TEST(failure.code == 70);
  BOOST_TEST(failure.message == "a bug");
  BOOST_TEST(jobs::FailureOf(std::runtime_error("other")).code == 70);
}

BOOST_AUTO_TEST_CASE(only_a_stop_ends_the_command_before_the_next_connection) {
  for (const int code : {0, 64, 65, 69, 70, 74, 75, 77, 78})
    BOOST_TEST(!jobs::EndsCommand(code), code);
  BOOST_TEST(jobs::EndsCommand(130));
}

BOOST_AUTO_TEST_CASE(the_command_code_over_connections_is_the_worst_in_the_documented_order) {
  // docs/operations.md: 130 > 70 > 78 > 77 > 74 > 69 > 75 > 65 > 0.
  const int order[] = {0, 65, 75, 69, 74, 77, 78, 70, 130};
  for (std::size_t i = 0; i < std::size(order); ++i) {
    for (std::size_t j = 0; j < std::size(order); ++j) {
      const int worse = order[std::max(i, j)];
      BOOST_TEST(jobs::WorseExitCode(order[i], order[j]) == worse, order[i] << " vs " << order[j]);
    }
  }
  // A code outside the list ranks between 78 and 70.
  BOOST_TEST(jobs::WorseExitCode(78, 71) == 71);
  BOOST_TEST(jobs::WorseExitCode(71, 70) == 70);
}

BOOST_AUTO_TEST_SUITE_END()
