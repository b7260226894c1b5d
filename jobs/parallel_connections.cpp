#include "jobs/parallel_connections.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>

#include "jobs/exit_codes.h"

namespace wmsbridge::jobs {

int RunConnectionsInParallel(const std::vector<const ConnectionConfig*>& connections,
                             int max_parallel, const pipeline::StopSignal* stop,
                             const std::string& what,
                             const std::function<int(const ConnectionConfig&)>& work,
                             Poco::Logger& log) {
  // One code per connection, each written by the one thread that ran it; read after the join.
  std::vector<int> codes(connections.size(), 0);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> ended{false};  // a stop ended a connection: start no other
  const auto worker = [&] {
    for (std::size_t i = next++; i < connections.size(); i = next++) {
      const ConnectionConfig& c = *connections[i];
      if (ended || (stop != nullptr && stop->Requested())) {
        log.warning("connection %s: %s not started, stop requested", c.name, what);
        codes[i] = kExitStopped;
        continue;
      }
      try {
        codes[i] = work(c);
      } catch (const std::exception& e) {
        const CommandFailure failure = FailureOf(e);
        log.error("connection %s: %s: %s (exit %d)", c.name, what, failure.message, failure.code);
        codes[i] = failure.code;
      }
      if (EndsCommand(codes[i]))
        ended = true;
    }
  };
  const std::size_t threads =
      std::min(connections.size(), static_cast<std::size_t>(std::max(max_parallel, 1)));
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::jthread> pool;  // joined when it goes out of scope
    try {
      for (std::size_t t = 0; t < threads; ++t)
        pool.emplace_back(worker);
    } catch (const std::system_error& e) {
      // Fewer threads than asked: those started take every connection between them.
      log.warning("%s: only %z of %z connection threads started (%s)", what, pool.size(), threads,
                  std::string(e.what()));
      if (pool.empty())
        worker();
    }
  }
  int worst = 0;
  for (const int code : codes)
    worst = WorseExitCode(worst, code);
  return worst;
}

}  // namespace wmsbridge::jobs
