#include "pipeline/retry.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace wmsbridge::pipeline {
namespace {

// How long a stop may go unnoticed during a retry wait.
constexpr std::chrono::milliseconds kPollInterval{50};

}  // namespace

void Validate(const RetryPolicy& policy) {
  if (policy.max_attempts < 1)
    throw std::invalid_argument("retry: max_attempts must be >= 1");
  if (policy.initial_delay.count() < 0) {
    throw std::invalid_argument("retry: initial_delay must not be negative");
  }
  if (!(policy.factor >= 1.0))
    throw std::invalid_argument("retry: factor must be >= 1");
  if (policy.max_delay < policy.initial_delay) {
    throw std::invalid_argument("retry: max_delay must be >= initial_delay");
  }
}

Backoff::Backoff(const RetryPolicy& policy) : policy_(policy) {
  Validate(policy_);
}

std::chrono::milliseconds Backoff::Delay(int retry) const {
  // In double and capped before converting back: factor^retry overflows integers quickly.
  const double exponent = std::max(retry - 1, 0);
  const double raw =
      static_cast<double>(policy_.initial_delay.count()) * std::pow(policy_.factor, exponent);
  const double capped = std::min(raw, static_cast<double>(policy_.max_delay.count()));
  return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(capped));
}

bool InterruptibleWait(std::chrono::milliseconds delay,
                       const std::function<bool()>& stop_requested) {
  const auto deadline = std::chrono::steady_clock::now() + delay;
  for (;;) {
    if (stop_requested && stop_requested())
      return false;
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline)
      return true;
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(deadline - now, kPollInterval));
  }
}

}  // namespace wmsbridge::pipeline
