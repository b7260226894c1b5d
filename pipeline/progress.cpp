#include "pipeline/progress.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <utility>

#include <Poco/Logger.h>

#include "pipeline/progress_line.h"

namespace wmsbridge::pipeline {
namespace {

// The stride doubles while clock checks come faster than kMinCheckGap and halves when they
// come slower than kMaxCheckGap, so the clock is read some 50-100 times a second at any pace.
constexpr std::chrono::milliseconds kMinCheckGap{10};
constexpr std::chrono::milliseconds kMaxCheckGap{100};
constexpr std::size_t kMaxStride = std::size_t{1} << 16;

std::ostream* TerminalFor(const ProgressSettings& settings) {
  if (settings.terminal != nullptr)
    return settings.terminal;
  if (!settings.force_plain && isatty(STDERR_FILENO) == 1)
    return &std::cerr;
  return nullptr;
}

}  // namespace

Progress::Progress(std::string job, std::optional<std::size_t> total, Poco::Logger& logger,
                   bool force_plain)
    : Progress(std::move(job), total, logger, ProgressSettings{.force_plain = force_plain}) {}

Progress::Progress(std::string job, std::optional<std::size_t> total, Poco::Logger& logger,
                   const ProgressSettings& settings)
    : job_(std::move(job)),
      total_(total),
      logger_(logger),
      terminal_(TerminalFor(settings)),
      clock_(settings.clock),
      interval_(terminal_ != nullptr ? settings.redraw_interval : settings.plain_interval),
      started_(Now()),
      last_check_(started_),
      next_emit_(started_ + interval_) {}

Progress::~Progress() {
  try {
    Finish();
  } catch (...) {
    // A destructor must not throw; losing the last progress line is harmless.
  }
}

void Progress::Finish() {
  if (finished_)
    return;
  finished_ = true;
  Emit(Now(), true);
}

void Progress::Tick() {
  const auto now = Now();
  const auto gap = now - last_check_;
  if (gap < kMinCheckGap && stride_ < kMaxStride)
    stride_ *= 2;
  if (gap > kMaxCheckGap && stride_ > 1)
    stride_ /= 2;
  last_check_ = now;
  next_check_ = done_ + stride_;
  if (now >= next_emit_ && !finished_) {
    Emit(now, false);
    next_emit_ = now + interval_;
  }
}

void Progress::Emit(Clock::time_point now, bool final) {
  const std::string text = Describe(now, final);
  if (terminal_ == nullptr) {
    logger_.information(text);
    return;
  }
  // '\r' and blanks over the rest of the previous line, then (finally) a newline so the next
  // output starts on a line of its own.
  std::string line = "\r" + text;
  if (text.size() < drawn_width_)
    line.append(drawn_width_ - text.size(), ' ');
  drawn_width_ = text.size();
  if (final)
    line += '\n';
  *terminal_ << line << std::flush;
}

std::string Progress::Describe(Clock::time_point now, bool final) const {
  return DescribeProgress({.job = job_,
                           .done = done_,
                           .total = total_,
                           .elapsed = now - started_,
                           .bar = terminal_ != nullptr,
                           .final = final});
}

}  // namespace wmsbridge::pipeline
