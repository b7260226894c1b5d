#pragma once
// The text of one progress line, a pure function of the figures, so its arithmetic (percent,
// rate, ETA) is tested without a clock or a terminal (pipeline/progress.h draws it).

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace wmsbridge::pipeline {

struct ProgressFigures {
  std::string job{};
  std::size_t done = 0;
  std::optional<std::size_t> total{};  // known when the source could count its rows
  std::chrono::duration<double> elapsed{0.0};
  bool bar = false;    // draw "[###...] 64% " (a terminal)
  bool final = false;  // the closing line: elapsed time instead of an ETA
};

/// E.g. "articles: [#########.....] 64% 1700/2650 records, 350/s, ETA 2.7 s", or without a
/// total "articles: 1200 records, 350/s"; the final line "... 2650/2650 records in 7.6 s,
/// 350/s". Percent is capped at 100 (a source may find more rows than it counted). Does not
/// throw but std::bad_alloc.
std::string DescribeProgress(const ProgressFigures& figures);

}  // namespace wmsbridge::pipeline
