#include "tests/support/cli_process.h"

#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include "tests/support/sim_process.h"

namespace wmsbridge::test {

CliResult RunCli(const std::vector<std::string>& args) {
  return RunProgram(WmsBridgeBinary(), args);
}

CliResult RunProgram(const std::string& program, const std::vector<std::string>& args) {
  Poco::Pipe out;
  Poco::ProcessHandle handle = Poco::Process::launch(program, args, nullptr, &out, &out);
  Poco::PipeInputStream stream(out);
  CliResult result;
  Poco::StreamCopier::copyToString(stream, result.output);
  result.code = handle.wait();
  return result;
}

}  // namespace wmsbridge::test
