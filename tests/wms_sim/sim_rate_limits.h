#pragma once
// Ongoing's rate limits as the simulator enforces them (reference notes 6b): per method and per
// calling client, each method on its own, in two dimensions: a volume limit (at most N calls in
// a sliding window) and a consecutive-failure limit (at most N failed calls in a row within a
// sliding window; the first success starts a new row). A call over a limit is not run: it is
// answered as Ongoing answers it (HTTP 429 with Retry-After by default) and counts towards
// neither limit. The limits live in the state DB (`wms-sim limit`), so tests set small ones on
// a running server; the decision is a pure function of the limits and the call history.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/wms_sim/sim_operation.h"

namespace wmsbridge::sim {

enum class RateLimitKind {
  kVolume,    // at most max_calls calls in window_seconds
  kFailures,  // at most max_calls consecutive failed calls in window_seconds
};

/// How a call over a limit is answered.
enum class RateLimitAnswer {
  kHttp429,  // HTTP 429 Too Many Requests, Retry-After: seconds, a SOAP Client fault body
  kFault,    // HTTP 500 with a SOAP Client fault naming the limit, no Retry-After
  kRefusal,  // Process*: HTTP 200, Success=false, ErrorMessage naming the limit; others: kFault
};

/// "volume" / "failures"; "http429" / "fault" / "refusal".
std::string RateLimitKindName(RateLimitKind kind);
std::optional<RateLimitKind> RateLimitKindFromName(std::string_view name);
std::string RateLimitAnswerName(RateLimitAnswer answer);
std::optional<RateLimitAnswer> RateLimitAnswerFromName(std::string_view name);

struct RateLimit {
  Operation operation = Operation::kProcessOrder;
  RateLimitKind kind = RateLimitKind::kFailures;
  int max_calls = 5;
  int window_seconds = 600;
};

/// One admitted call of an operation from a client, as the history keeps it.
struct LimitedCall {
  std::int64_t at_ms = 0;  // wall clock, milliseconds since the epoch
  bool failed = false;     // answered with a fault or Success=false
};

/// A call refused by a limit, and how long until the limit lets the next call through.
struct RateLimitHit {
  RateLimit limit;
  int retry_after_seconds = 1;
};

/// Whether a call at `now_ms` is over one of `limits` (those of its operation), given the
/// admitted calls of the same operation and client, ascending by time. The first limit hit
/// in the given order wins. Pure; never throws.
std::optional<RateLimitHit> CheckRateLimits(const std::vector<RateLimit>& limits,
                                            const std::vector<LimitedCall>& history,
                                            std::int64_t now_ms);

/// "N/SECONDS" (e.g. "5/600") as max calls and window; nullopt unless both are positive.
std::optional<std::pair<int, int>> ParseLimitSpec(std::string_view text);

/// One line for people: "ProcessOrder failures 5/600".
std::string DescribeRateLimit(const RateLimit& limit);

}  // namespace wmsbridge::sim
