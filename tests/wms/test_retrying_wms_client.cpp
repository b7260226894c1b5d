// wms::RetryingWmsClient and Ongoing's rate limits (R32, reference notes 6b), with a fake
// client and no network: a rate-limited answer is never retried at once; a short wait Ongoing
// asks for is waited out, then the call is made once more; otherwise, or when still limited,
// the method is not called again in the run, and the error names the method and the limit.
#include <Poco/Logger.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <stdexcept>

#include "pipeline/run_context.h"
#include "stages/wms/retrying_wms_client.h"
#include "stages/wms/wms_error.h"
#include "tests/support/null_wms_client.h"

using namespace wmsbridge;
using std::chrono::seconds;

namespace {

// ProcessOrder answers from a script (an error, or success when the script is empty);
// GetOrders always succeeds. Every call is counted.
class ScriptedWms final : public test::NullWmsClient {
 public:
  std::deque<std::function<void()>> script;  // each entry throws or returns
  int order_calls = 0;
  int read_calls = 0;

  wms::WriteResult ProcessOrder(const wms::CustomerOrder&) override {
    ++order_calls;
    if (!script.empty()) {
      auto next = std::move(script.front());
      script.pop_front();
      next();
    }
    return {order_calls, "ok"};
  }
  std::vector<wms::ShippedOrder> GetOrders(const wms::OrderQuery&) override {
    ++read_calls;
    return {};
  }
};

std::function<void()> Limited(std::optional<seconds> retry_after) {
  return [retry_after] {
    throw wms::WmsError(wms::WmsErrorKind::kRateLimited, "ProcessOrder",
                        "HTTP 429 Too Many Requests: at most 5 consecutive failed calls in 600 "
                        "seconds",
                        429, retry_after);
  };
}

struct Fixture {
  ScriptedWms inner;
  pipeline::RunOptions options;
  std::unique_ptr<pipeline::RunContext> context;
  Fixture() {
    options.retry.max_attempts = 3;  // a retryable fault would be tried 3 times
    options.retry.initial_delay = std::chrono::milliseconds(1);
    context = std::make_unique<pipeline::RunContext>(1, "test", Poco::Logger::get("test"), options);
  }
};

// Calls ProcessOrder and returns the rate-limit error it must throw.
wms::WmsError ExpectLimited(wms::WmsClient& client) {
  try {
    client.ProcessOrder({});
  } catch (const wms::WmsError& e) {
    BOOST_TEST(wms::ToString(e.kind()) == "rate-limited", e.what());
    return e;
  }
  BOOST_FAIL("ProcessOrder should have been stopped by the rate limit");
  throw std::logic_error("unreachable");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rate_limits_R32)

BOOST_AUTO_TEST_CASE(a_rate_limit_is_its_own_kind_and_never_retryable) {
  BOOST_TEST(wms::ToString(wms::WmsErrorKind::kRateLimited) == "rate-limited");
  BOOST_TEST(!wms::IsRetryable(wms::WmsErrorKind::kRateLimited));
}

BOOST_FIXTURE_TEST_CASE(without_a_hint_the_method_is_stopped_after_one_call, Fixture) {
  wms::RetryingWmsClient client(inner, *context, seconds(60));
  inner.script = {Limited(std::nullopt)};
  const wms::WmsError e = ExpectLimited(client);
  BOOST_TEST(inner.order_calls == 1, "never retried at once");
  const std::string text = e.what();
  BOOST_TEST(text.find("rate limit for ProcessOrder") != std::string::npos, text);
  BOOST_TEST(text.find("at most 5 consecutive failed calls") != std::string::npos, text);
  BOOST_TEST(text.find("not called again in this run") != std::string::npos, text);

  // The run does not call the method again, though Ongoing would now take it...
  ExpectLimited(client);
  BOOST_TEST(inner.order_calls == 1);
  // ...while other methods go on.
  client.GetOrders({});
  BOOST_TEST(inner.read_calls == 1);
}

BOOST_FIXTURE_TEST_CASE(a_hint_longer_than_the_runs_wait_stops_the_method_at_once, Fixture) {
  wms::RetryingWmsClient client(inner, *context, seconds(60));
  inner.script = {Limited(seconds(600))};
  const auto started = std::chrono::steady_clock::now();
  const wms::WmsError e = ExpectLimited(client);
  BOOST_TEST(inner.order_calls == 1);
  BOOST_TEST((std::chrono::steady_clock::now() - started < seconds(5)), "no wait");
  BOOST_TEST(std::string(e.what()).find("wait 600 s") != std::string::npos, e.what());
  BOOST_TEST(e.retry_after().has_value());
}

BOOST_FIXTURE_TEST_CASE(a_short_hint_is_waited_out_then_the_call_is_made_once_more, Fixture) {
  wms::RetryingWmsClient client(inner, *context, seconds(60));
  inner.script = {Limited(seconds(1))};
  const auto started = std::chrono::steady_clock::now();
  BOOST_TEST(client.ProcessOrder({}).wms_id == 2);
  const auto waited = std::chrono::steady_clock::now() - started;
  BOOST_TEST(inner.order_calls == 2);
  BOOST_TEST((waited >= std::chrono::milliseconds(950)), "waited as Ongoing asked");
  BOOST_TEST(client.ProcessOrder({}).wms_id == 3, "the method goes on after the wait");
}

BOOST_FIXTURE_TEST_CASE(retry_after_zero_still_waits_a_second, Fixture) {
  wms::RetryingWmsClient client(inner, *context, seconds(60));
  inner.script = {Limited(seconds(0))};
  const auto started = std::chrono::steady_clock::now();
  client.ProcessOrder({});
  BOOST_TEST((std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(950)),
             "never at once");
}

BOOST_FIXTURE_TEST_CASE(still_limited_after_the_wait_stops_the_method, Fixture) {
  wms::RetryingWmsClient client(inner, *context, seconds(60));
  inner.script = {Limited(seconds(1)), Limited(seconds(1))};
  const wms::WmsError e = ExpectLimited(client);
  BOOST_TEST(inner.order_calls == 2, "one call after the wait, no more");
  BOOST_TEST(std::string(e.what()).find("still limited") != std::string::npos, e.what());
  ExpectLimited(client);
  BOOST_TEST(inner.order_calls == 2);
}

BOOST_FIXTURE_TEST_CASE(a_run_that_never_waits_stops_even_for_a_short_hint, Fixture) {
  wms::RetryingWmsClient client(inner, *context, seconds(0));
  inner.script = {Limited(seconds(1))};
  ExpectLimited(client);
  BOOST_TEST(inner.order_calls == 1);
}

BOOST_FIXTURE_TEST_CASE(other_faults_keep_their_retries, Fixture) {
  wms::RetryingWmsClient client(inner, *context, seconds(60));
  inner.script = {[] { throw wms::WmsError(wms::WmsErrorKind::kHttp, "ProcessOrder", "500"); }};
  client.ProcessOrder({});
  BOOST_TEST(inner.order_calls == 2, "a passing HTTP 500 is retried");
}

BOOST_AUTO_TEST_SUITE_END()
