#pragma once
// Graceful stop on SIGINT / SIGTERM. While a StopSignal lives, the first SIGINT or SIGTERM only
// sets a flag, which the runner and the stages poll at row boundaries; the run then ends cleanly
// with status kStopped and its report written. A second signal of the same kind takes the
// default action (the process ends): the way out when a stage hangs in a blocking call.

#include <csignal>

namespace wmsbridge::pipeline {

class StopSignal {
 public:
  /// Installs the handlers and clears the flag. Throws std::logic_error if another StopSignal
  /// is alive (signal dispositions are process-wide), std::system_error if sigaction fails.
  StopSignal();
  /// Restores the handlers that were installed before. Does not throw.
  ~StopSignal();
  StopSignal(const StopSignal&) = delete;
  StopSignal& operator=(const StopSignal&) = delete;

  /// True once SIGINT/SIGTERM arrived or Request() was called. Any thread. Does not throw.
  bool Requested() const;
  /// The signal that requested the stop, or 0 (none, or requested by Request()). Does not throw.
  int SignalNumber() const;
  /// Requests a stop without a signal (tests, programmatic stop). Any thread. Does not throw.
  void Request();

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

}  // namespace wmsbridge::pipeline
