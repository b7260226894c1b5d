#include "tests/support/daemon_process.h"

#include <Poco/Exception.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>
#include <signal.h>

#include <thread>

#include "tests/support/sim_process.h"

namespace wmsbridge::test {

DaemonProcess::DaemonProcess(const std::string& config)
    : handle_(Poco::Process::launch(WmsBridgeBinary(), {"--config", config, "daemon"}, nullptr,
                                    &out_, &out_)) {
  reader_ = std::async(std::launch::async, [this] {
    Poco::PipeInputStream stream(out_);
    std::string text;
    Poco::StreamCopier::copyToString(stream, text);
    return text;
  });
}

DaemonProcess::~DaemonProcess() {
  if (!exited_) {
    try {
      Poco::Process::kill(handle_);
      handle_.wait();
    } catch (const Poco::Exception&) {
    }
  }
}

void DaemonProcess::Terminate() const {
  ::kill(static_cast<pid_t>(handle_.id()), SIGTERM);
}

int DaemonProcess::Wait(std::chrono::seconds limit) {
  if (!WaitUntil([&] { return Exited(); }, limit)) {
    Poco::Process::kill(handle_);
    handle_.wait();
    exited_ = true;
    return -1;
  }
  return code_;
}

bool DaemonProcess::Exited() {
  // tryWait reaps it: isRunning() would still see the zombie.
  if (!exited_ && (code_ = handle_.tryWait()) != -1)
    exited_ = true;
  return exited_;
}

std::string DaemonProcess::Output() {
  if (reader_.valid())
    output_ = reader_.get();
  return output_;
}

bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

}  // namespace wmsbridge::test
