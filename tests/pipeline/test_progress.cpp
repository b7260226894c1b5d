// Progress: periodic plain log lines, an in-place terminal line, and a cheap Advance().
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <sstream>
#include <string>
#include <thread>

#include "pipeline/progress.h"
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

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::pipeline
