// WithRetry and Backoff: which failures are retried, how often, how long the waits are, and
// that a stop cuts a wait short.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/retry.h"

namespace wmsbridge::pipeline {
namespace {

using std::chrono::milliseconds;

// The kind of failure a caller would call transient (a timeout, a refused connection).
struct TransientError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool IsTransient(const std::exception& error) {
  return dynamic_cast<const TransientError*>(&error) != nullptr;
}

bool NeverStop() {
  return false;
}

RetryPolicy FastPolicy(int attempts) {
  return RetryPolicy{.max_attempts = attempts,
                     .initial_delay = milliseconds(1),
                     .factor = 2.0,
                     .max_delay = milliseconds(4)};
}

BOOST_AUTO_TEST_SUITE(retry)

BOOST_AUTO_TEST_CASE(retry_retries_only_retryable_failures) {
  std::vector<int> retried_attempts;
  const auto on_retry = [&](int attempt, const std::exception&, milliseconds) {
    retried_attempts.push_back(attempt);
  };

  int calls = 0;
  const int result = WithRetry(FastPolicy(4), IsTransient, NeverStop, on_retry, [&] {
    if (++calls < 3)
      throw TransientError("timeout");
    return 42;
  });
  BOOST_TEST(result == 42);
  BOOST_TEST(calls == 3);
  BOOST_TEST(retried_attempts == (std::vector<int>{1, 2}), boost::test_tools::per_element());

  calls = 0;
  retried_attempts.clear();
  BOOST_CHECK_THROW(WithRetry(FastPolicy(4), IsTransient, NeverStop, on_retry,
                              [&] {
                                ++calls;
                                throw std::invalid_argument("bad record");
                              }),
                    std::invalid_argument);
  BOOST_TEST(calls == 1);  // not retryable: thrown at once
  BOOST_TEST(retried_attempts.empty());

  calls = 0;
  BOOST_CHECK_THROW(WithRetry(FastPolicy(4), nullptr, NeverStop, nullptr,
                              [&] {
                                ++calls;
                                throw TransientError("timeout");
                              }),
                    TransientError);
  BOOST_TEST(calls == 1);  // no is_retryable: nothing is retried
}

BOOST_AUTO_TEST_CASE(retry_gives_up_after_max_attempts_and_rethrows_last) {
  int calls = 0;
  BOOST_CHECK_EXCEPTION(
      WithRetry(FastPolicy(3), IsTransient, NeverStop, nullptr,
                [&] {
                  ++calls;
                  throw TransientError("attempt " + std::to_string(calls));
                }),
      TransientError, [](const TransientError& e) { return std::string(e.what()) == "attempt 3"; });
  BOOST_TEST(calls == 3);

  calls = 0;
  WithRetry(FastPolicy(1), IsTransient, NeverStop, nullptr, [&] { ++calls; });  // void works
  BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(retry_backoff_grows_and_is_capped) {
  const Backoff backoff(RetryPolicy{.max_attempts = 10,
                                    .initial_delay = milliseconds(100),
                                    .factor = 2.0,
                                    .max_delay = milliseconds(350)});
  BOOST_TEST(backoff.Delay(1).count() == 100);
  BOOST_TEST(backoff.Delay(2).count() == 200);
  BOOST_TEST(backoff.Delay(3).count() == 350);
  BOOST_TEST(backoff.Delay(4).count() == 350);
  BOOST_TEST(backoff.Delay(5000).count() == 350);  // no overflow far out

  // The delays WithRetry announces are the backoff's.
  std::vector<long> delays;
  BOOST_CHECK_THROW(WithRetry(
                        RetryPolicy{.max_attempts = 4,
                                    .initial_delay = milliseconds(1),
                                    .factor = 3.0,
                                    .max_delay = milliseconds(5)},
                        IsTransient, NeverStop,
                        [&](int, const std::exception&, milliseconds delay) {
                          delays.push_back(static_cast<long>(delay.count()));
                        },
                        []() -> int { throw TransientError("down"); }),
                    TransientError);
  BOOST_TEST(delays == (std::vector<long>{1, 3, 5}), boost::test_tools::per_element());

  BOOST_CHECK_THROW(Validate(RetryPolicy{.max_attempts = 0}), std::invalid_argument);
  BOOST_CHECK_THROW(Validate(RetryPolicy{.factor = 0.5}), std::invalid_argument);
  BOOST_CHECK_THROW(
      Validate(RetryPolicy{.initial_delay = milliseconds(10), .max_delay = milliseconds(5)}),
      std::invalid_argument);
  BOOST_CHECK_NO_THROW(Validate(RetryPolicy{}));
}

BOOST_AUTO_TEST_CASE(retry_wait_is_interrupted_by_stop) {
  const auto start = std::chrono::steady_clock::now();
  const auto stop_after_30ms = [start] {
    return std::chrono::steady_clock::now() - start > milliseconds(30);
  };
  int calls = 0;
  BOOST_CHECK_THROW(WithRetry(RetryPolicy{.max_attempts = 5,
                                          .initial_delay = milliseconds(10000),
                                          .factor = 2.0,
                                          .max_delay = milliseconds(10000)},
                              IsTransient, stop_after_30ms, nullptr,
                              [&] {
                                ++calls;
                                throw TransientError("down");
                              }),
                    TransientError);
  const auto waited = std::chrono::steady_clock::now() - start;
  BOOST_TEST(calls == 1);  // the stop ended the wait and no further attempt was made
  BOOST_TEST(waited < milliseconds(1000));

  BOOST_TEST(InterruptibleWait(milliseconds(5), NeverStop));
  BOOST_TEST(!InterruptibleWait(milliseconds(5000), [] { return true; }));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::pipeline
