#pragma once
// A secret value (a password, a signing key). It has no stream operator and no implicit
// conversion, so it cannot reach a log line or an exception text by accident; code that must
// send it asks for reveal() by name. Redact() masks every known secret in a text before that
// text is logged, dumped or thrown.

#include <string>
#include <string_view>
#include <vector>

namespace wmsbridge::pipeline {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}

  /// The clear value, for the one place that must send it. Never log the result.
  const std::string& reveal() const { return value_; }
  bool empty() const { return value_.empty(); }

 private:
  std::string value_;
};

inline constexpr std::string_view kRedacted = "***";

/// Returns text with every occurrence of each non-empty secret replaced by kRedacted, also
/// where the secret appears XML-escaped (as it does inside a SOAP message).
std::string Redact(std::string_view text, const std::vector<const Secret*>& secrets);

}  // namespace wmsbridge::pipeline
