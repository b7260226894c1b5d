#pragma once
// Keeps a job's lease (job_lock.h) alive while its run lives: a thread that renews it every
// `renew_every` on a session of its own (ODBC sessions are not shared between threads), opened
// at the first renewal so that short runs open none. When the lease turns out to be lost (it
// expired and another runner took it over), `on_lost` is called once; a failed renewal (the
// database away for a moment) is retried at the next tick.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "stages/erp/job_lock.h"

namespace wmsbridge::erp {

class LeaseRenewer {
 public:
  /// Starts the thread. `on_lost` runs on that thread and must not throw. Throws
  /// std::system_error when the thread cannot be started.
  LeaseRenewer(std::string odbc_connection_string, std::string sql_dir, LeaseHolder holder,
               LeaseTiming timing, std::function<void()> on_lost);
  /// Stops the thread (at once: it waits on a condition, not a sleep). Does not throw.
  ~LeaseRenewer();
  LeaseRenewer(const LeaseRenewer&) = delete;
  LeaseRenewer& operator=(const LeaseRenewer&) = delete;

 private:
  void Loop();

  std::string odbc_;
  std::string sql_dir_;
  LeaseHolder holder_;
  LeaseTiming timing_;
  std::function<void()> on_lost_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace wmsbridge::erp
