#pragma once
// The wmsbridge command line as an operator runs it: a real process, its exit code and what it
// printed on stdout and stderr together.

#include <string>
#include <vector>

namespace wmsbridge::test {

struct CliResult {
  int code = 0;
  std::string output;  // stdout and stderr
};

/// Runs build/jobs/wmsbridge with `args` to completion. Throws Poco::Exception if it cannot
/// be started.
CliResult RunCli(const std::vector<std::string>& args);

/// Runs `program` (e.g. SimBinary()) with `args` to completion. Throws Poco::Exception if it
/// cannot be started.
CliResult RunProgram(const std::string& program, const std::vector<std::string>& args);

}  // namespace wmsbridge::test
