// Progress: periodic plain log lines, an in-place terminal line, and a cheap Advance().
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <sstream>
#include <string>
#include <thread>

#include "pipeline/progress.h"
#include "pipeline/progress_line.h"
#include "tests/pipeline/capture_channel.h"

namespace wmsbridge::pipeline {
namespace {

using std::chrono::milliseconds;
using testing::CapturedLogger;

BOOST_AUTO_TEST_SUITE(progress)

BOOST_AUTO_TEST_CASE(progress_plain_mode_writes_periodic_lines) {
  CapturedLogger log("test.progress.plain");
  Progress progress("articles", std::nullopt, log.logger,
                    ProgressSettings{.force_plain = true, .plain_interval = milliseconds(50)});
  progress.Advance(3);
  BOOST_TEST(log.Lines().empty());  // nothing before the first interval is over

  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < milliseconds(400)) {
    progress.Advance(1);
    std::this_thread::sleep_for(milliseconds(2));
  }
  const std::size_t periodic = log.Lines().size();
  BOOST_TEST(periodic >= 3u);
  BOOST_TEST(periodic <= 9u);  // at most one line per 50 ms interval
  std::size_t last_count = 0;
  for (const auto& line : log.Lines()) {
    BOOST_TEST(line.priority == Poco::Message::PRIO_INFORMATION);
    BOOST_TEST(line.text.rfind("articles: ", 0) == 0u, line.text);
    BOOST_TEST(line.text.find(" records, ") != std::string::npos, line.text);
    BOOST_TEST(line.text.substr(line.text.size() - 2) == "/s", line.text);
    const std::size_t count = std::stoul(line.text.substr(10));
    BOOST_TEST(count > last_count);  // counts grow from line to line
    last_count = count;
  }

  progress.Finish();
  progress.Finish();  // idempotent
  BOOST_REQUIRE(log.Lines().size() == periodic + 1);
  const std::string& final_line = log.Lines().back().text;
  BOOST_TEST(
      final_line.rfind("articles: " + std::to_string(progress.Done()) + " records in ", 0) == 0u,
      final_line);
}

BOOST_AUTO_TEST_CASE(progress_terminal_mode_redraws_one_line) {
  CapturedLogger log("test.progress.terminal");
  std::ostringstream terminal;
  {
    Progress progress("orders", 200, log.logger,
                      ProgressSettings{.redraw_interval = milliseconds(0), .terminal = &terminal});
    for (int i = 0; i < 200; ++i) {
      progress.Advance(1);
      if (i % 50 == 0)
        std::this_thread::sleep_for(milliseconds(15));  // let it redraw
    }
    BOOST_TEST(terminal.str().find('\n') == std::string::npos);  // one line, redrawn in place
    BOOST_TEST(terminal.str().find('\r') != std::string::npos);
  }  // the destructor finishes the line
  const std::string out = terminal.str();
  BOOST_TEST(log.Lines().empty());
  BOOST_TEST(out.back() == '\n');
  const std::string last = out.substr(out.rfind('\r') + 1);
  BOOST_TEST(last.rfind("orders: [", 0) == 0u, last);
  BOOST_TEST(last.find("] 100% 200/200 records in ") != std::string::npos, last);
}

BOOST_AUTO_TEST_CASE(progress_reads_the_clock_only_every_so_often) {
  // With a zero interval every clock check writes a line, so the line count is the number of
  // clock checks: a million records must need only a few hundred at most.
  CapturedLogger log("test.progress.cheap");
  Progress progress("bulk", std::nullopt, log.logger,
                    ProgressSettings{.force_plain = true, .plain_interval = milliseconds(0)});
  for (int i = 0; i < 1'000'000; ++i)
    progress.Advance(1);
  BOOST_TEST(progress.Done() == 1'000'000u);
  BOOST_TEST(log.Lines().size() < 1000u);
  BOOST_TEST(!log.Lines().empty());
}

// Issue 14: the figures of a progress line, from an injected elapsed time.
BOOST_AUTO_TEST_CASE(progress_line_tells_percent_rate_and_eta) {
  using std::chrono::seconds;
  ProgressFigures f{.job = "orders", .done = 50, .total = 200, .elapsed = seconds(10), .bar = true};
  BOOST_TEST(DescribeProgress(f) ==
             "orders: [#######.......................] 25% 50/200 records, 5/s, ETA 30.0 s");
  f.bar = false;  // a log line: no bar, the same figures
  BOOST_TEST(DescribeProgress(f) == "orders: 50/200 records, 5/s, ETA 30.0 s");
  f.total = std::nullopt;  // nothing counted: no total, no ETA
  BOOST_TEST(DescribeProgress(f) == "orders: 50 records, 5/s");
  f = {.job = "a", .done = 210, .total = 200, .elapsed = seconds(3), .bar = true};
  BOOST_TEST(DescribeProgress(f) ==  // more than counted: capped at 100 %, no ETA
             "a: [##############################] 100% 210/200 records, 70/s");
  f = {.job = "a", .done = 200, .total = 200, .elapsed = seconds(4), .final = true};
  BOOST_TEST(DescribeProgress(f) == "a: 200/200 records in 4.0 s, 50/s");
  f = {.job = "a", .done = 0, .total = 9, .elapsed = seconds(0)};
  BOOST_TEST(DescribeProgress(f) == "a: 0/9 records, 0/s");  // no rate yet: no ETA
}

// Issue 14: off a terminal, one line per interval of the (injected) clock, with the total the
// source counted.
BOOST_AUTO_TEST_CASE(progress_plain_lines_follow_the_clock_and_show_the_total) {
  CapturedLogger log("test.progress.clock");
  auto now = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
  Progress progress("articles", std::nullopt, log.logger,
                    ProgressSettings{.force_plain = true,
                                     .plain_interval = std::chrono::seconds(30),
                                     .clock = [&now] { return now; }});
  progress.SetTotal(100);
  for (int i = 0; i < 40; ++i)
    progress.Advance(1);
  BOOST_TEST(log.Lines().empty());  // the clock has not moved
  now += std::chrono::seconds(31);
  for (int i = 0; i < 23; ++i)  // the clock is read when the stride says (at 63 here)
    progress.Advance(1);
  BOOST_REQUIRE(log.Lines().size() == 1u);
  BOOST_TEST(log.Lines().front().text.rfind("articles: ", 0) == 0u, log.Lines().front().text);
  BOOST_TEST(log.Lines().front().text.find("/100 records, ") != std::string::npos,
             log.Lines().front().text);
  BOOST_TEST(log.Lines().front().text.find(", ETA ") != std::string::npos,
             log.Lines().front().text);
  now += std::chrono::seconds(10);
  for (int i = 0; i < 37; ++i)
    progress.Advance(1);
  BOOST_TEST(log.Lines().size() == 1u);  // within the interval: no second line
  now += std::chrono::seconds(9);
  progress.Finish();
  BOOST_REQUIRE(log.Lines().size() == 2u);
  BOOST_TEST(log.Lines().back().text == "articles: 100/100 records in 50.0 s, 2/s");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::pipeline
