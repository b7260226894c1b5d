#pragma once
// Hand-built HTTP answers for the injected faults: bytes a correct SOAP stack would never send
// (an HTTP 500 page, a body that is not XML, an envelope cut in half), and the rate-limit answer
// (HTTP 429 with Retry-After, which gSOAP's server cannot send), written straight to the
// socket.

#include <string>
#include <string_view>

namespace wmsbridge::sim {

/// A complete HTTP/1.1 response with Content-Length and "Connection: close"; `extra_headers`
/// are whole header lines, each ending in CRLF. Never throws (except std::bad_alloc).
std::string HttpResponse(int status, std::string_view reason, std::string_view content_type,
                         std::string_view body, std::string_view extra_headers = "");

/// The short page of the http500 fault.
std::string Http500Page();
/// The body of the malformed fault: plain text sent as text/xml.
std::string MalformedBody();
/// A SOAP 1.1 fault envelope with `text` as faultstring (XML-escaped); faultcode
/// SOAP-ENV:Server, or SOAP-ENV:Client when `client` is true.
std::string SoapFaultEnvelope(std::string_view text, bool client = false);
/// The first half of a plausible `<operation>Response` envelope: cut inside an element.
std::string TruncatedEnvelope(std::string_view operation_name);
/// The first half of `body`, at least one byte shorter than it.
std::string CutInHalf(std::string_view body);

/// Writes all of `data` to a connected socket; false on error. Never raises SIGPIPE.
bool SendAll(int socket_fd, std::string_view data);

}  // namespace wmsbridge::sim
