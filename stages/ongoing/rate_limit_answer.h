#pragma once
// How Ongoing says that a method's rate limit was reached (reference notes 6b): its REST API
// answers HTTP 429; the SOAP form was not documented, so an answer whose words name the limit
// counts too. This is the one place where wmsbridge reads Ongoing's words: taking a rate limit
// for a refusal of the document would keep a good document from being sent again (a refused
// document waits for a change), and taking it for a passing fault would retry it at once.
// No gSOAP here, so the rules are unit-tested on their own.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace wmsbridge::ongoing {

/// HTTP status of a rate-limited answer ("Too Many Requests").
inline constexpr int kHttpTooManyRequests = 429;

/// True when `text` (a fault string, an ErrorMessage) names a rate limit: "rate limit",
/// "rate-limit", "ratelimit" or "too many requests", in any case. Never throws.
bool NamesRateLimit(std::string_view text);

/// The words of an answer body for a message: the faultstring of a SOAP fault, else the text
/// without markup, blanks collapsed, at most 300 characters. Never throws (but bad_alloc).
std::string AnswerWords(std::string_view body);

/// The wait an HTTP Retry-After header asks for: delta-seconds ("120"), or an HTTP-date less
/// `now` (0 when it has passed); nullopt for anything else. Never throws.
std::optional<std::chrono::seconds> ParseRetryAfter(std::string_view value,
                                                    std::chrono::system_clock::time_point now);

}  // namespace wmsbridge::ongoing
