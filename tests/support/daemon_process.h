#pragma once
// `wmsbridge daemon` as systemd runs it, for one test: a child process whose output (stdout
// and stderr) is drained as it comes; killed when the fixture ends unless it has exited.

#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <chrono>
#include <functional>
#include <future>
#include <string>

namespace wmsbridge::test {

class DaemonProcess {
 public:
  /// Starts `wmsbridge --config CONFIG daemon`. Throws Poco::Exception.
  explicit DaemonProcess(const std::string& config);
  ~DaemonProcess();
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  /// Sends SIGTERM (a clean stop).
  void Terminate() const;
  /// The exit code, or -1 when it has not exited within `limit` (then it is killed).
  int Wait(std::chrono::seconds limit);
  /// Whether it has ended.
  bool Exited();
  /// Everything it wrote; waits for its end (call after Wait; may be called again).
  std::string Output();

 private:
  Poco::Pipe out_;
  Poco::ProcessHandle handle_;
  std::future<std::string> reader_;
  std::string output_;  // once read
  bool exited_ = false;
  int code_ = -1;
};

/// Polls `done` every 50 ms until it is true (true) or `limit` has passed (false).
bool WaitUntil(const std::function<bool()>& done,
               std::chrono::milliseconds limit = std::chrono::seconds(60));

}  // namespace wmsbridge::test
