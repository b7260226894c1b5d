#pragma once
// The one exception type a WMS client throws. Its kind says what a caller may do about it:
// retry later (the WMS or the network is down), fix the record (Ongoing refused it), fix the
// configuration (logon failed), or leave the method alone for a while (a rate limit was
// reached). Its text never contains a secret.

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace wmsbridge::wms {

enum class WmsErrorKind {
  kConnect,    // no connection could be made (refused, DNS, TLS handshake, certificate)
  kTimeout,    // connect, send or receive time-out
  kTransport,  // the connection broke mid-call (dropped, reset, truncated answer)
  kHttp,       // an HTTP status other than 200 without a SOAP fault
  kSoapFault,  // a SOAP fault from the service
  kLogon,      // the service refused the credentials
  kMalformed,  // the answer is not the SOAP message the contract promises
  kRejected,   // Success=false: the service understood the call and refused this document
  // Ongoing's rate limit of this method was reached (HTTP 429, or an answer that names the
  // limit; reference notes 6b): waited out with the answer's hint, never retried at once.
  kRateLimited,
};

/// Name of the kind for logs and reports ("timeout", "rejected", ...).
std::string_view ToString(WmsErrorKind kind);

/// True where the same call may succeed later without any change to the data.
inline bool IsRetryable(WmsErrorKind kind) {
  switch (kind) {
    case WmsErrorKind::kConnect:
    case WmsErrorKind::kTimeout:
    case WmsErrorKind::kTransport:
    case WmsErrorKind::kHttp:
    case WmsErrorKind::kSoapFault:
    case WmsErrorKind::kMalformed:
      return true;
    case WmsErrorKind::kRateLimited:  // a retry after a back-off of seconds only adds a call
    case WmsErrorKind::kLogon:
    case WmsErrorKind::kRejected:
      return false;
  }
  return false;
}

class WmsError : public std::runtime_error {
 public:
  /// `retry_after`: how long the service asked the caller to wait (a rate limit's hint).
  WmsError(WmsErrorKind kind, std::string operation, const std::string& message,
           int http_status = 0, std::optional<std::chrono::seconds> retry_after = std::nullopt)
      : std::runtime_error(operation + ": " + message),
        kind_(kind),
        operation_(std::move(operation)),
        message_(message),
        http_status_(http_status),
        retry_after_(retry_after) {}

  WmsErrorKind kind() const { return kind_; }
  const std::string& operation() const { return operation_; }
  /// The service's own words (or the transport's), without the operation prefix.
  const std::string& message() const { return message_; }
  int http_status() const { return http_status_; }
  bool retryable() const { return IsRetryable(kind_); }
  /// The wait the service asked for (HTTP Retry-After), if it gave one.
  const std::optional<std::chrono::seconds>& retry_after() const { return retry_after_; }

 private:
  WmsErrorKind kind_;
  std::string operation_;
  std::string message_;
  int http_status_;
  std::optional<std::chrono::seconds> retry_after_;
};

}  // namespace wmsbridge::wms
