#include "tests/wms_sim/sim_rate_limits.h"

#include <Poco/NumberParser.h>

#include <algorithm>

namespace wmsbridge::sim {

std::string RateLimitKindName(RateLimitKind kind) {
  return kind == RateLimitKind::kVolume ? "volume" : "failures";
}

std::optional<RateLimitKind> RateLimitKindFromName(std::string_view name) {
  if (name == "volume")
    return RateLimitKind::kVolume;
  if (name == "failures")
    return RateLimitKind::kFailures;
  return std::nullopt;
}

std::string RateLimitAnswerName(RateLimitAnswer answer) {
  switch (answer) {
    case RateLimitAnswer::kHttp429:
      return "http429";
    case RateLimitAnswer::kFault:
      return "fault";
    case RateLimitAnswer::kRefusal:
      return "refusal";
  }
  return "http429";
}

std::optional<RateLimitAnswer> RateLimitAnswerFromName(std::string_view name) {
  for (RateLimitAnswer answer :
       {RateLimitAnswer::kHttp429, RateLimitAnswer::kFault, RateLimitAnswer::kRefusal}) {
    if (RateLimitAnswerName(answer) == name)
      return answer;
  }
  return std::nullopt;
}

std::optional<RateLimitHit> CheckRateLimits(const std::vector<RateLimit>& limits,
                                            const std::vector<LimitedCall>& history,
                                            std::int64_t now_ms) {
  for (const RateLimit& limit : limits) {
    const std::int64_t window_ms = static_cast<std::int64_t>(limit.window_seconds) * 1000;
    // The calls that count, newest first: all of the window (volume), or the failures since
    // the last success (failures).
    std::vector<std::int64_t> counted;
    for (auto call = history.rbegin(); call != history.rend(); ++call) {
      if (call->at_ms <= now_ms - window_ms)
        break;
      if (limit.kind == RateLimitKind::kFailures && !call->failed)
        break;
      counted.push_back(call->at_ms);
    }
    if (static_cast<int>(counted.size()) < limit.max_calls)
      continue;
    // The limit lets a call through once the max_calls-th newest counted call leaves the window.
    const std::int64_t frees_at =
        counted[static_cast<std::size_t>(limit.max_calls) - 1] + window_ms;
    const std::int64_t wait_ms = std::max<std::int64_t>(frees_at - now_ms, 1);
    return RateLimitHit{limit, static_cast<int>((wait_ms + 999) / 1000)};
  }
  return std::nullopt;
}

std::optional<std::pair<int, int>> ParseLimitSpec(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos)
    return std::nullopt;
  int calls = 0, seconds = 0;
  if (!Poco::NumberParser::tryParse(std::string(text.substr(0, slash)), calls) ||
      !Poco::NumberParser::tryParse(std::string(text.substr(slash + 1)), seconds) || calls < 1 ||
      seconds < 1) {
    return std::nullopt;
  }
  return std::pair{calls, seconds};
}

std::string DescribeRateLimit(const RateLimit& limit) {
  return OperationName(limit.operation) + " " + RateLimitKindName(limit.kind) + " " +
         std::to_string(limit.max_calls) + "/" + std::to_string(limit.window_seconds);
}

}  // namespace wmsbridge::sim
