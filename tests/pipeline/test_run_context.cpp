// RunContext: recording outcomes, logging problems, stop and abort, retries with logging.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <stdexcept>
#include <string>

#include "pipeline/progress.h"
#include "pipeline/run_context.h"
#include "pipeline/stop_signal.h"
#include "tests/pipeline/capture_channel.h"

namespace wmsbridge::pipeline {
namespace {

using testing::CapturedLogger;

BOOST_AUTO_TEST_SUITE(run_context)

BOOST_AUTO_TEST_CASE(context_records_outcomes_logs_problems_and_advances_progress) {
  CapturedLogger log("test.context.record");
  Progress progress("articles", 3, log.logger, ProgressSettings{.force_plain = true});
  RunContext context(42, "articles", log.logger, RunOptions{.progress = &progress});

  context.Record({"A-1", OutcomeKind::kSent, ""});
  context.Record({"A-2", OutcomeKind::kRejected, "weight missing"});
  context.Record({"A-3", OutcomeKind::kSkipped, "other owner"});

  BOOST_TEST(context.Report().Total() == 3u);
  BOOST_TEST(progress.Done() == 3u);
  BOOST_REQUIRE(log.Lines().size() == 1u);  // only the problem is logged
  BOOST_TEST(log.Lines()[0].priority == Poco::Message::PRIO_WARNING);
  BOOST_TEST(log.Lines()[0].text.find("A-2") != std::string::npos);
  BOOST_TEST(log.Lines()[0].text.find("rejected") != std::string::npos);
  BOOST_TEST(log.Lines()[0].text.find("weight missing") != std::string::npos);
  BOOST_TEST(context.RunId() == 42);
  BOOST_TEST(context.Job() == "articles");
}

BOOST_AUTO_TEST_CASE(context_stop_follows_signal_request_and_abort) {
  CapturedLogger log("test.context.stop");
  {
    RunContext context(1, "job", log.logger);
    BOOST_TEST(!context.StopRequested());
    context.RequestStop();
    BOOST_TEST(context.StopRequested());
    BOOST_TEST(!context.Aborted());
  }
  {
    StopSignal signal;
    RunContext context(2, "job", log.logger, RunOptions{.stop_signal = &signal});
    BOOST_TEST(!context.StopRequested());
    signal.Request();
    BOOST_TEST(context.StopRequested());
  }
  {
    RunContext context(3, "job", log.logger);
    context.Abort("far side down");
    context.Abort("second");
    BOOST_TEST(context.Aborted());
    BOOST_TEST(context.StopRequested());  // stages stop at the next row on an abort too
    BOOST_TEST(context.Report().AbortReason() == "far side down");
  }
  BOOST_CHECK_THROW(RunContext(4, "job", log.logger, RunOptions{.retry = {.max_attempts = 0}}),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(context_retry_uses_policy_and_logs_each_retry) {
  CapturedLogger log("test.context.retry");
  RunContext context(5, "job", log.logger,
                     RunOptions{.retry = {.max_attempts = 3,
                                          .initial_delay = std::chrono::milliseconds(1),
                                          .factor = 2.0,
                                          .max_delay = std::chrono::milliseconds(2)}});
  int calls = 0;
  const auto any = [](const std::exception&) { return true; };
  BOOST_CHECK_THROW(context.Retry(any,
                                  [&] {
                                    ++calls;
                                    throw std::runtime_error("connection refused");
                                  }),
                    std::runtime_error);
  BOOST_TEST(calls == 3);
  BOOST_REQUIRE(log.Lines().size() == 2u);
  BOOST_TEST(log.Lines()[0].text.find("attempt 1 of 3 failed (connection refused)") !=
             std::string::npos);

  context.RequestStop();  // a stopped run does not wait out its retries
  calls = 0;
  BOOST_CHECK_THROW(context.Retry(any,
                                  [&] {
                                    ++calls;
                                    throw std::runtime_error("connection refused");
                                  }),
                    std::runtime_error);
  BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::pipeline
