#pragma once
// What the benchmarks measure besides their own figures: peak memory and elapsed seconds.

#include <Poco/Stopwatch.h>
#include <sys/resource.h>

namespace wmsbridge::bench {

/// Peak resident set size of this process so far, in KiB.
inline long PeakRssKib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/// A stopwatch's elapsed time in seconds.
inline double Seconds(const Poco::Stopwatch& watch) {
  return static_cast<double>(watch.elapsed()) / 1e6;
}

}  // namespace wmsbridge::bench
