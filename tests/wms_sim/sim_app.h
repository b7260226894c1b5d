#pragma once
// The `wms-sim` command line: serve the simulated Ongoing, play the warehouse (ship, receive,
// stock), inspect the state, count calls, inject faults and set rate limits. Every command works on
// the state DB given by --state, so it may run while a server serves the same file.

#include <Poco/Util/Application.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wmsbridge::sim {

class SimStore;

class SimApp : public Poco::Util::Application {
 public:
  /// Unix-style options (--name value). Never throws.
  SimApp();

 protected:
  /// Declares every option of every command (Poco calls this during init()).
  void defineOptions(Poco::Util::OptionSet& options) override;
  /// Collects option values; throws Poco::Util::OptionException on misuse.
  void handleOption(const std::string& name, const std::string& value) override;
  /// Runs the command in args[0]; returns a sysexits code. Never throws.
  int main(const std::vector<std::string>& args) override;

 private:
  int Dispatch(const std::vector<std::string>& args);
  int Init();
  int Serve();
  int Ship();
  int StartPicking();
  int Receive();
  int Stock(const std::vector<std::string>& args);
  int Renumber();
  int Calls();
  int Show(const std::vector<std::string>& args);
  int Fault();
  int Limit();
  int SetWording(const std::vector<std::string>& args);
  int SetTimeForm(const std::vector<std::string>& args);
  int Webhooks();
  int WebhookFault();
  void ApplyWebhookOptions(SimStore& store);
  void PrintHelp();

  bool Has(const std::string& name) const;
  std::optional<std::string> Get(const std::string& name) const;
  std::string Require(const std::string& name) const;
  std::vector<std::string> All(const std::string& name) const;
  int IntOption(const std::string& name, int fallback) const;

  std::map<std::string, std::vector<std::string>> values_;
  bool help_requested_ = false;
};

}  // namespace wmsbridge::sim
