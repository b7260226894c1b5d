#pragma once
// The command-line application (Poco Util): checks the whole configuration before any work,
// binds options to configuration keys, and returns the standard exit codes.
//
//   wmsbridge --config FILE run articles [--connection NAME] [--dry-run] [--full]
//   wmsbridge --config FILE status [--runs N]
//   wmsbridge --config FILE report stock [--run N] [--format html|csv] [-o FILE]
//   wmsbridge --config FILE db migrate [--connection NAME]
//   wmsbridge --config FILE db init-demo --connection NAME
//   wmsbridge --config FILE check
//   wmsbridge --version | --help | help COMMAND | COMMAND --help
//
// Exit codes: jobs/exit_codes.h (docs/operations.md).

#include <Poco/Util/Application.h>
#include <Poco/Util/OptionSet.h>

#include <string>
#include <vector>

#include "jobs/connection_config.h"

namespace wmsbridge::jobs {

class WmsBridgeApp : public Poco::Util::Application {
 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  /// The help of `command` (jobs/cli_usage.h), or the global help for "" or an unknown one.
  void ShowHelp(const std::string& command) const;
  /// `report stock`: the stored report of a stock run to stdout or --output. Returns the exit
  /// code (65 when there is no such run, 64 for a bad option, 74 when the file cannot be
  /// written); throws Poco::Exception when the ERP database fails.
  int ReportStock(const ConnectionConfig& connection, const std::string& sql_dir);

  bool help_requested_ = false;
  bool version_requested_ = false;
};

}  // namespace wmsbridge::jobs
