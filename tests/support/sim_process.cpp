#include "tests/support/sim_process.h"

#include <Poco/Environment.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "tests/support/erp_backend.h"
#include "tests/support/secret_file.h"

namespace wmsbridge::test {

std::string SimBinary() {
  return std::string(WMSBRIDGE_BINARY_DIR) + "/tests/wms_sim/wms-sim";
}
std::string WmsBridgeBinary() {
  return std::string(WMSBRIDGE_BINARY_DIR) + "/jobs/wmsbridge";
}

namespace {

// Under the sanitizers (tests/CMakeLists.txt) the simulator has leak suppressions of its own
// (tests/sanitizers/lsan-wms-sim.supp): WMSBRIDGE_SIM_LSAN_OPTIONS replaces LSAN_OPTIONS for
// wms-sim only, so that the entry cannot hide a leak of wmsbridge or of a test.
Poco::Process::Env SimEnvironment() {
  Poco::Process::Env env;
  const std::string lsan = Poco::Environment::get("WMSBRIDGE_SIM_LSAN_OPTIONS", "");
  if (!lsan.empty())
    env["LSAN_OPTIONS"] = lsan;
  return env;
}

}  // namespace

SimProcess::SimProcess() : SimProcess(std::nullopt) {}

SimProcess::SimProcess(std::optional<CertificateFiles> tls)
    : dir_(TempDir("sim")), state_(dir_ + "/sim.db"), tls_(std::move(tls)) {
  WriteSecretFile(dir_ + "/sim.password", kPassword);
  {
    std::ofstream ini(dir_ + "/sim.ini");
    ini << "[goods_owner]\ncode = " << kGoodsOwnerCode << "\nid = " << kGoodsOwnerId
        << "\nuser = " << kUserName << "\npassword_file = " << dir_ << "/sim.password\n"
        << "[transporters]\nDHL.PARCEL = DHL Parcel Connect\nPOSTNORD.MYPACK = PostNord MyPack "
           "Collect\n"
        << "POSTNORD.HOME = PostNord Hemleverans\n"
        << "[currencies]\nlist = SEK,EUR,NOK\n"
        << "[warehouses]\n1 = MAIN\n2 = NORTH\n";
  }
  if (Cli({"init", "--config", dir_ + "/sim.ini"}) != 0)
    throw std::runtime_error("wms-sim init failed");
  store_ = std::make_unique<sim::SimStore>(state_);
  Start();
}

SimProcess::~SimProcess() {
  Stop();
}

int SimProcess::Cli(const std::vector<std::string>& args) const {
  std::vector<std::string> full = args;
  full.push_back("--state");
  full.push_back(state_);
  Poco::ProcessHandle handle =
      Poco::Process::launch(SimBinary(), full, nullptr, nullptr, nullptr, SimEnvironment());
  return handle.wait();
}

void SimProcess::Start() {
  const std::string port_file = dir_ + "/port";
  std::filesystem::remove(port_file);
  std::vector<std::string> args{"serve",       "--state", state_, "--port", std::to_string(port_),
                                "--port-file", port_file};
  if (tls_) {
    args.insert(args.end(), {"--tls-cert", tls_->cert, "--tls-key", tls_->key});
  }
  handle_ = std::make_unique<Poco::ProcessHandle>(
      Poco::Process::launch(SimBinary(), args, nullptr, nullptr, nullptr, SimEnvironment()));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(port_file);
    int port = 0;
    if (in >> port && port > 0) {
      port_ = port;
      url_ = std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) +
             "/service.asmx";
      return;
    }
    if (const int code = handle_->tryWait(); code != -1) {
      handle_.reset();
      throw std::runtime_error("wms-sim serve exited with code " + std::to_string(code) +
                               " (its log is on stderr)");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("wms-sim did not start within 20 s");
}

void SimProcess::Stop() {
  if (!handle_)
    return;
  try {
    Poco::Process::requestTermination(handle_->id());
    handle_->wait();
  } catch (...) {
  }
  handle_.reset();
}

ongoing::WmsEndpoint SimProcess::Endpoint() const {
  ongoing::WmsEndpoint e;
  e.url = url_;
  e.goods_owner_code = kGoodsOwnerCode;
  e.goods_owner_id = kGoodsOwnerId;
  e.user_name = kUserName;
  e.password = pipeline::Secret(kPassword);
  return e;
}

}  // namespace wmsbridge::test
