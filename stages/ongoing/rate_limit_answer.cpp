#include "stages/ongoing/rate_limit_answer.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <iomanip>
#include <locale>
#include <sstream>
#include <string>
#include <utility>

namespace wmsbridge::ongoing {

bool NamesRateLimit(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* words : {"rate limit", "rate-limit", "ratelimit", "too many requests"}) {
    if (lower.find(words) != std::string::npos)
      return true;
  }
  return false;
}

std::string AnswerWords(std::string_view body) {
  constexpr std::string_view kOpen = "<faultstring>", kClose = "</faultstring>";
  if (const auto open = body.find(kOpen); open != std::string_view::npos) {
    const auto start = open + kOpen.size();
    body = body.substr(start, body.find(kClose, start) - start);
  }
  std::string words;
  bool in_tag = false, blank = false;
  for (char c : body) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>' && in_tag) {
      in_tag = false;
      blank = true;
    } else if (!in_tag) {
      if (std::isspace(static_cast<unsigned char>(c)) != 0) {
        blank = true;
      } else {
        if (blank && !words.empty())
          words += ' ';
        blank = false;
        words += c;
      }
    }
  }
  for (const auto& [entity, character] :
       {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}}) {
    for (auto at = words.find(entity); at != std::string::npos; at = words.find(entity, at + 1))
      words.replace(at, std::string_view(entity).size(), character);
  }
  if (words.size() > 300) {
    std::size_t cut = 297;
    while (cut > 0 && (static_cast<unsigned char>(words[cut]) & 0xC0) == 0x80)
      --cut;  // never in the middle of a UTF-8 character
    words = words.substr(0, cut) + "...";
  }
  return words;
}

std::optional<std::chrono::seconds> ParseRetryAfter(std::string_view value,
                                                    std::chrono::system_clock::time_point now) {
  const auto first = value.find_first_not_of(" \t");
  if (first == std::string_view::npos)
    return std::nullopt;
  value = value.substr(first, value.find_last_not_of(" \t") - first + 1);
  if (std::all_of(value.begin(), value.end(),
                  [](unsigned char c) { return std::isdigit(c) != 0; })) {
    if (value.size() > 9)  // more than 30 years: not a wait anybody means
      return std::nullopt;
    return std::chrono::seconds(std::stol(std::string(value)));
  }
  // An HTTP-date (RFC 9110, IMF-fixdate): "Wed, 18 Nov 2026 11:08:40 GMT".
  std::tm parts{};
  std::istringstream in{std::string(value)};
  in.imbue(std::locale::classic());
  std::string zone;
  in >> std::get_time(&parts, "%a, %d %b %Y %H:%M:%S") >> zone;
  if (in.fail() || zone != "GMT" || !(in >> std::ws).eof())
    return std::nullopt;
  const auto when = std::chrono::system_clock::from_time_t(timegm(&parts));
  return std::max(std::chrono::duration_cast<std::chrono::seconds>(when - now),
                  std::chrono::seconds(0));
}

}  // namespace wmsbridge::ongoing
