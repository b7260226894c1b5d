#pragma once
// The command line's exit codes (docs/operations.md) and the rules that choose them, as pure
// functions so that the mapping is unit-tested (tests/jobs/test_exit_codes.cpp) apart from the
// processes that return them. The codes are the BSD sysexits ones Poco's Application names.
//
//   0 done; 65 EXIT_DATAERR some records rejected or failed; 69 EXIT_UNAVAILABLE the WMS could
//   not be reached, or its rate limit of a method was reached (R32); 70 EXIT_SOFTWARE an unexpected
//   error; 74 EXIT_IOERR the ERP database failed; 75 EXIT_TEMPFAIL the job is already running; 77
//   EXIT_NOPERM the WMS refused the logon; 78 EXIT_CONFIG bad configuration (or wms_ tables to
//   migrate); 64 EXIT_USAGE bad command line; 66 EXIT_NOINPUT a missing input file; 79 (status
//   only) a job is stale; 130 stopped.

#include <exception>
#include <string>

#include "jobs/job_options.h"

namespace wmsbridge::jobs {

/// Stopped by SIGINT/SIGTERM (128 + SIGINT, as a shell reports it).
inline constexpr int kExitStopped = 130;

/// `status` only: a job is stale, it has not completed for longer than its schedule allows
/// (jobs/job_status.h), so that monitoring can alert. Just after the sysexits codes (64-78), so
/// that it is told apart from every failure of a command; ExitCodeSeverity ranks it as any other
/// code, between 78 and 70.
inline constexpr int kExitStale = 79;

/// The exit code one connection's finished job asks for: 130 stopped; 77 aborted because the
/// WMS refused the logon; 69 aborted for any other cause; 65 completed with rejected or failed
/// records; 0 completed. Never throws.
int ExitCodeOf(const JobResult& result);

/// Whether a job that gave `code` ends the command before the next connection's job: only a
/// stop (130) does. Connections are isolated: a WMS that is down (69), a refused logon (77), an
/// ERP failure (74), a held lock (75) or rejected records (65) of one connection leave the
/// next connection's job to run. Never throws.
bool EndsCommand(int code);

/// How bad an exit code is, for the command's code over several connections (docs/operations.md,
/// "worst first"): 130 stopped > 70 software error > 78 configuration > 77 logon refused > 74 ERP
/// database > 69 WMS unavailable > 75 already running > 65 records rejected > 0 done. A person
/// must act on the higher ones (a bug, the file, the credentials) before the transient ones
/// (the ERP, the WMS) and the benign ones (another runner has the job). Any other code ranks
/// just below 70. Never throws.
int ExitCodeSeverity(int code);

/// The worse of two exit codes by ExitCodeSeverity (`a` when they rank the same). Never throws.
int WorseExitCode(int a, int b);

/// A command that ended with an exception: its exit code and the line to log.
struct CommandFailure {
  int code = 0;
  std::string message;
};

/// Classifies what a command threw: a WmsError is 77 for a refused logon and 69 otherwise
/// ("WMS: ..."); a MissingInputFile (a secret or SQLite database file that is not there) is 66;
/// SchemaNotCurrent (wms_ tables to migrate, jobs/erp_readiness.h) is 78 as it says; a
/// ConfigError (a job's check of the configuration against the ERP) is 78
/// ("configuration: ..."); erp::JobAlreadyRunning is 75; any other Poco::Exception is the ERP
/// database, 74 ("ERP database: ..."); any other std::exception is 70. Never throws.
CommandFailure FailureOf(const std::exception& error);

}  // namespace wmsbridge::jobs
