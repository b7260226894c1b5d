#pragma once
// The command-line application (Poco Util): checks the whole configuration before any work,
// binds options to configuration keys, and returns the standard exit codes.
//
//   wmsbridge --config FILE run articles [--connection NAME] [--dry-run] [--full]
//   wmsbridge --config FILE status [--runs N]
//   wmsbridge --config FILE db migrate [--connection NAME]
//   wmsbridge --config FILE db init-demo --connection NAME
//
// Exit codes: jobs/exit_codes.h (docs/operations.md).

#include <Poco/Util/Application.h>
#include <Poco/Util/OptionSet.h>

#include <string>
#include <vector>

namespace wmsbridge::jobs {

class WmsBridgeApp : public Poco::Util::Application {
 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  void ShowHelp() const;
  void SetUpLogging(const std::string& log_file);

  bool help_requested_ = false;
};

}  // namespace wmsbridge::jobs
