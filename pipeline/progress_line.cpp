#include "pipeline/progress_line.h"

#include <algorithm>

namespace wmsbridge::pipeline {
namespace {

constexpr std::size_t kBarWidth = 30;

std::string Seconds(double seconds) {
  // One decimal without printf, so the process locale cannot turn '.' into ','.
  const auto tenths = static_cast<long long>(seconds * 10.0 + 0.5);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

}  // namespace

std::string DescribeProgress(const ProgressFigures& f) {
  const double elapsed = f.elapsed.count();
  const double rate = elapsed > 0.0 ? static_cast<double>(f.done) / elapsed : 0.0;
  std::string text = f.job + ": ";
  if (f.bar && f.total && *f.total > 0) {
    const std::size_t percent = std::min<std::size_t>(f.done * 100 / *f.total, 100);
    const std::size_t filled = percent * kBarWidth / 100;
    text += "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "] " +
            std::to_string(percent) + "% ";
  }
  text += std::to_string(f.done);
  if (f.total)
    text += "/" + std::to_string(*f.total);
  text += " records";
  if (f.final)
    text += " in " + Seconds(elapsed);
  text += ", " + std::to_string(static_cast<long long>(rate)) + "/s";
  if (!f.final && f.total && rate > 0.0 && f.done < *f.total)
    text += ", ETA " + Seconds(static_cast<double>(*f.total - f.done) / rate);
  return text;
}

}  // namespace wmsbridge::pipeline
