#pragma once
// The command-line application (Poco Util): checks the whole configuration before any work,
// binds options to configuration keys, and returns the standard exit codes.
//
//   wmsbridge --config FILE run articles [--connection NAME] [--dry-run] [--full]
//   wmsbridge --config FILE status [--runs N]
//   wmsbridge --config FILE db migrate [--connection NAME]
//   wmsbridge --config FILE db init-demo --connection NAME
//
// Exit codes (docs/operations.md): 0 done; 65 EXIT_DATAERR some records rejected or failed;
// 69 EXIT_UNAVAILABLE the WMS could not be reached; 74 EXIT_IOERR the ERP database failed;
// 75 EXIT_TEMPFAIL the job is already running; 77 EXIT_NOPERM the WMS refused the logon;
// 78 EXIT_CONFIG bad configuration; 64 EXIT_USAGE bad command line; 130 stopped by a signal.

#include <Poco/Util/Application.h>
#include <Poco/Util/OptionSet.h>

#include <string>
#include <vector>

namespace wmsbridge::jobs {

inline constexpr int kExitStopped = 130;

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
