#pragma once
// Progress of a long job for the person watching. On a terminal: one line redrawn in place
// (bar, count, rate, ETA). Elsewhere (service, cron, pipe): a plain log line every so often,
// which reads well in a journal. Advance() is on the per-record path, so it is an add and a
// compare; the clock is read only every `stride` records, a stride that adapts to the pace.

#include <chrono>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace Poco {
class Logger;
}

namespace wmsbridge::pipeline {

struct ProgressSettings {
  bool force_plain = false;                         // log lines even on a terminal
  std::chrono::milliseconds plain_interval{10000};  // between plain log lines
  std::chrono::milliseconds redraw_interval{100};   // between terminal redraws (~10/s)
  std::ostream* terminal = nullptr;  // set: terminal mode drawing here (tests); else stderr
  /// The clock read (tests inject one); empty: std::chrono::steady_clock::now.
  std::function<std::chrono::steady_clock::time_point()> clock{};
};

class Progress {
 public:
  /// Terminal mode if stderr is a terminal and !force_plain, else plain lines every 10 s through
  /// logger. total: number of records expected, if known. Does not throw (but bad_alloc).
  Progress(std::string job, std::optional<std::size_t> total, Poco::Logger& logger,
           bool force_plain = false);
  Progress(std::string job, std::optional<std::size_t> total, Poco::Logger& logger,
           const ProgressSettings& settings);
  /// Finishes (final line / newline) if Finish() was not called. Does not throw.
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Counts n more records done; now and then redraws or logs. Throws only what the logger or
  /// stream throws.
  void Advance(std::size_t n = 1) {
    done_ += n;
    if (done_ >= next_check_)
      Tick();
  }
  /// Writes the final state (terminal: last redraw and newline; plain: a closing line with the
  /// elapsed time). Idempotent. Throws only what the logger or stream throws.
  void Finish();

  /// The number of records expected, once the source has counted them (before the first
  /// Advance, or later: the next line shows it). Does not throw.
  void SetTotal(std::optional<std::size_t> total) { total_ = total; }
  /// True in terminal mode (a bar redrawn in place). Does not throw.
  bool OnTerminal() const { return terminal_ != nullptr; }

  /// Records counted so far. Does not throw.
  std::size_t Done() const { return done_; }

 private:
  using Clock = std::chrono::steady_clock;

  Clock::time_point Now() const { return clock_ ? clock_() : Clock::now(); }
  void Tick();
  void Emit(Clock::time_point now, bool final);
  std::string Describe(Clock::time_point now, bool final) const;

  std::string job_;
  std::optional<std::size_t> total_;
  Poco::Logger& logger_;
  std::ostream* terminal_;  // null in plain mode
  std::function<Clock::time_point()> clock_;
  Clock::duration interval_;
  std::size_t done_ = 0;
  std::size_t next_check_ = 1;
  std::size_t stride_ = 1;
  Clock::time_point started_;
  Clock::time_point last_check_;
  Clock::time_point next_emit_;
  std::size_t drawn_width_ = 0;  // of the last terminal line, to blank out leftovers
  bool finished_ = false;
};

}  // namespace wmsbridge::pipeline
