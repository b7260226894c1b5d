#pragma once
// What the command line accepts and says about itself: the commands, their arguments and
// options, the help of each (`wmsbridge help run`, `wmsbridge run --help`) and the check of a
// command line before anything is read (exit 64). The jobs come from the one job list
// (jobs/job_definitions.h), the same list the dispatcher runs.

#include <Poco/Util/OptionSet.h>

#include <optional>
#include <string>
#include <vector>

namespace wmsbridge::jobs {

/// "wmsbridge X.Y.Z" (the CMake project version). Never throws.
std::string VersionLine();

/// The usage text of `wmsbridge --help`: every command, one line each, and the exit codes.
std::string GlobalUsage();

/// The help of one command (`run`, `send`, `run-due`, `report`, `status`, `check`, `db`,
/// `help`): its forms, what it does and the options it takes, described as `options` does;
/// nullopt for an unknown command. Never throws.
std::optional<std::string> CommandHelp(const std::string& command,
                                       const Poco::Util::OptionSet& options);

/// Why `args` (the words after the options) is not a command line wmsbridge accepts: an
/// unknown command or job, a missing or extra argument; nullopt when it is one. Checked before
/// the configuration is read. Never throws.
std::optional<std::string> UsageProblem(const std::vector<std::string>& args);

/// The document types `send` takes ("customer-order" for the job "customer-orders"), in the
/// job list's order. Never throws.
std::vector<std::string> SendableDocumentTypes();

}  // namespace wmsbridge::jobs
