#include "pipeline/stop_signal.h"

#include <atomic>
#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace wmsbridge::pipeline {
namespace {

// Signal handlers may only touch lock-free atomics (async-signal-safe); the flags are
// process-wide because dispositions are.
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);
std::atomic<bool> g_alive{false};
std::atomic<bool> g_requested{false};
std::atomic<int> g_signal{0};

extern "C" void OnStopSignal(int signal_number) {
  g_signal.store(signal_number, std::memory_order_relaxed);
  g_requested.store(true, std::memory_order_release);
}

void Install(int signal_number, struct sigaction& previous) {
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  // SA_RESTART: an interrupted read/write resumes instead of failing with EINTR in some library.
  // SA_RESETHAND: the next signal of this kind gets the default action (hard stop).
  action.sa_flags = SA_RESTART | SA_RESETHAND;
  if (sigaction(signal_number, &action, &previous) != 0) {
    throw std::system_error(errno, std::generic_category(), "sigaction");
  }
}

}  // namespace

StopSignal::StopSignal() {
  if (g_alive.exchange(true))
    throw std::logic_error("StopSignal: only one instance at a time");
  g_requested.store(false);
  g_signal.store(0);
  bool int_installed = false;
  try {
    Install(SIGINT, previous_int_);
    int_installed = true;
    Install(SIGTERM, previous_term_);
  } catch (...) {
    if (int_installed)
      sigaction(SIGINT, &previous_int_, nullptr);
    g_alive.store(false);
    throw;
  }
}

StopSignal::~StopSignal() {
  sigaction(SIGTERM, &previous_term_, nullptr);
  sigaction(SIGINT, &previous_int_, nullptr);
  g_alive.store(false);
}

bool StopSignal::Requested() const {
  return g_requested.load(std::memory_order_acquire);
}

int StopSignal::SignalNumber() const {
  return g_signal.load(std::memory_order_relaxed);
}

void StopSignal::Request() {
  g_requested.store(true, std::memory_order_release);
}

}  // namespace wmsbridge::pipeline
