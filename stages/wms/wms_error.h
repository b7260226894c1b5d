#pragma once
// The one exception type a WMS client throws. Its kind says what a caller may do about it:
// retry later (the WMS or the network is down), fix the record (Ongoing refused it), or fix
// the configuration (logon failed). Its text never contains a secret.

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
    case WmsErrorKind::kLogon:
    case WmsErrorKind::kRejected:
      return false;
  }
  return false;
}

class WmsError : public std::runtime_error {
 public:
  WmsError(WmsErrorKind kind, std::string operation, const std::string& message,
           int http_status = 0)
      : std::runtime_error(operation + ": " + message),
        kind_(kind),
        operation_(std::move(operation)),
        message_(message),
        http_status_(http_status) {}

  WmsErrorKind kind() const { return kind_; }
  const std::string& operation() const { return operation_; }
  /// The service's own words (or the transport's), without the operation prefix.
  const std::string& message() const { return message_; }
  int http_status() const { return http_status_; }
  bool retryable() const { return IsRetryable(kind_); }

 private:
  WmsErrorKind kind_;
  std::string operation_;
  std::string message_;
  int http_status_;
};

}  // namespace wmsbridge::wms
