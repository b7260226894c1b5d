#pragma once
// A real wms-sim process on loopback for one test: its own state file, sim.ini and password
// file; started on a free port, over HTTP or (given a certificate) HTTPS; killed when the
// fixture ends. Tests drive the warehouse and read call counters through SimStore on the same
// state file.

#include <Poco/Process.h>

#include <memory>
#include <optional>
#include <string>

#include "stages/ongoing/soap_wms_client.h"
#include "tests/support/test_certificates.h"
#include "tests/wms_sim/sim_store.h"

namespace wmsbridge::test {

inline constexpr const char* kGoodsOwnerCode = "DEMO";
inline constexpr int kGoodsOwnerId = 42;
inline constexpr const char* kUserName = "wmsbridge";
/// A recognisable password, so that tests can prove it appears nowhere.
inline constexpr const char* kPassword = "S3cr&t<Pw>\"q'zx91";

class SimProcess {
 public:
  /// Serves plain HTTP.
  SimProcess();
  /// Serves HTTPS with `tls` (see test_certificates.h) when given; url() is then https://.
  explicit SimProcess(std::optional<CertificateFiles> tls);
  ~SimProcess();
  SimProcess(const SimProcess&) = delete;
  SimProcess& operator=(const SimProcess&) = delete;

  const std::string& url() const { return url_; }
  int port() const { return port_; }
  const std::string& dir() const { return dir_; }
  const std::string& state_path() const { return state_; }
  /// The sim's state; use for warehouse commands, faults and call counters.
  sim::SimStore& store() { return *store_; }
  /// Endpoint with the right credentials.
  ongoing::WmsEndpoint Endpoint() const;
  /// Stops the process (the WMS is "down" until Start()).
  void Stop();
  /// Starts it again on the same port, state and protocol. Throws std::runtime_error if it
  /// exits or has not bound its port within 20 s.
  void Start();
  /// Runs `wms-sim ARGS --state <state>` to completion; returns its exit code.
  int Cli(const std::vector<std::string>& args) const;

 private:
  std::string dir_;
  std::string state_;
  std::optional<CertificateFiles> tls_;
  std::string url_;
  int port_ = 0;
  std::unique_ptr<Poco::ProcessHandle> handle_;
  std::unique_ptr<sim::SimStore> store_;
};

std::string SimBinary();
std::string WmsBridgeBinary();

}  // namespace wmsbridge::test
