#include "jobs/daemon.h"

#include <Poco/Timestamp.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "jobs/exit_codes.h"
#include "jobs/run_due.h"
#include "jobs/webhook_service.h"

namespace wmsbridge::jobs {
namespace {

bool StopRequested(const JobOptions& options) {
  return options.stop_signal == nullptr || options.stop_signal->Requested();
}

}  // namespace

int RunDaemon(const AppConfig& app, const std::vector<const ConnectionConfig*>& connections,
              const JobOptions& options, Poco::Logger& log) {
  log.information("daemon: started; looking for due jobs every %Ld s, up to %d connections at once",
                  static_cast<Poco::Int64>(app.daemon_poll.count()), app.max_parallel_connections);
  // The webhook receiver and its worker (R34) live as long as the loop; null when off.
  const auto webhooks = StartWebhooks(app, connections, options, log);
  using Clock = std::chrono::steady_clock;
  while (!StopRequested(options)) {
    const auto started = Clock::now();
    const int code = RunDue(app, connections, options, Poco::Timestamp(), log);
    if (code != 0 && code != kExitStopped)
      log.warning("daemon: this pass ended with exit code %d; the next goes on", code);
    // The wall clock may jump (NTP); the wait between passes is measured on a steady clock and
    // each pass asks the wall clock what is due.
    const auto next = started + app.daemon_poll;
    while (!StopRequested(options) && Clock::now() < next) {
      std::this_thread::sleep_for(
          std::min<Clock::duration>(std::chrono::milliseconds(200), next - Clock::now()));
    }
  }
  log.information("daemon: stopped (signal %d); runs in flight were closed as STOPPED",
                  options.stop_signal != nullptr ? options.stop_signal->SignalNumber() : 0);
  return 0;
}

}  // namespace wmsbridge::jobs
