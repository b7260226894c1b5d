#pragma once
// Retries for transient failures (the far side briefly down, a timeout): exponential backoff,
// a bounded number of attempts, and waits that end early when a stop is requested. Only the
// caller knows which failures are transient, so it passes is_retryable; everything else is
// rethrown at once.

#include <chrono>
#include <exception>
#include <functional>
#include <type_traits>
#include <utility>

namespace wmsbridge::pipeline {

struct RetryPolicy {
  int max_attempts = 4;  // in total, first attempt included
  std::chrono::milliseconds initial_delay{500};
  double factor = 2.0;
  std::chrono::milliseconds max_delay{30000};
};

/// Checks a policy before any work: throws std::invalid_argument naming the bad field
/// (max_attempts < 1, negative delays, factor < 1, max_delay < initial_delay).
void Validate(const RetryPolicy& policy);

/// The wait before each retry: initial_delay * factor^(retry - 1), capped at max_delay.
class Backoff {
 public:
  /// Throws std::invalid_argument for an invalid policy (see Validate).
  explicit Backoff(const RetryPolicy& policy);
  /// Delay before retry number `retry` (1 = the wait after the first failed attempt).
  /// Does not throw.
  std::chrono::milliseconds Delay(int retry) const;

 private:
  RetryPolicy policy_;
};

/// Sleeps for `delay`, polling stop_requested (may be empty) at least every 100 ms.
/// Returns false if the wait was cut short by a stop, true if it ran its course. Throws only
/// what stop_requested throws.
bool InterruptibleWait(std::chrono::milliseconds delay,
                       const std::function<bool()>& stop_requested);

/// Calls f() and returns its result. When f throws a std::exception for which is_retryable
/// returns true, calls on_retry (may be empty) with the failed attempt number (1-based), the
/// error and the coming delay, waits (interruptibly) and calls f() again, up to
/// policy.max_attempts calls in total. Rethrows the last exception when attempts run out or a
/// stop cuts the wait short; rethrows a non-retryable exception (or any non-std one) at once.
/// An empty is_retryable retries nothing. Throws std::invalid_argument for an invalid policy
/// before calling f.
template <typename F>
auto WithRetry(const RetryPolicy& policy,
               const std::function<bool(const std::exception&)>& is_retryable,
               const std::function<bool()>& stop_requested,
               const std::function<void(int attempt, const std::exception&,
                                        std::chrono::milliseconds delay)>& on_retry,
               F&& f) -> std::invoke_result_t<F&> {
  const Backoff backoff(policy);
  for (int attempt = 1;; ++attempt) {
    try {
      return std::invoke(f);
    } catch (const std::exception& error) {
      if (attempt >= policy.max_attempts || !is_retryable || !is_retryable(error))
        throw;
      const auto delay = backoff.Delay(attempt);
      if (on_retry)
        on_retry(attempt, error, delay);
      if (!InterruptibleWait(delay, stop_requested))
        throw;
    }
  }
}

}  // namespace wmsbridge::pipeline
