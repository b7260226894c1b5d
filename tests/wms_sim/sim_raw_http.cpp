#include "tests/wms_sim/sim_raw_http.h"

#include <Poco/XML/XMLString.h>
#include <sys/socket.h>

#include <cerrno>

namespace wmsbridge::sim {

namespace {
constexpr std::string_view kEnvelopeStart =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" "
    "xmlns:wsi=\"http://ongoingsystems.se/WSI\"><SOAP-ENV:Body>";
}  // namespace

std::string HttpResponse(int status, std::string_view reason, std::string_view content_type,
                         std::string_view body, std::string_view extra_headers) {
  std::string response = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) + "\r\n";
  response += "Server: wms-sim\r\n";
  response += "Content-Type: " + std::string(content_type) + "\r\n";
  response += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  response += extra_headers;
  response += "Connection: close\r\n\r\n";
  response += body;
  return response;
}

std::string Http500Page() {
  return "<html><body><h1>500 Internal Server Error</h1><p>Simulated by wms-sim.</p></body>"
         "</html>\n";
}

std::string MalformedBody() {
  return "This is not XML: wms-sim was told to send a malformed answer. {\"oops\": true}\n";
}

std::string SoapFaultEnvelope(std::string_view text, bool client) {
  std::string envelope(kEnvelopeStart);
  envelope += client ? "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>"
                     : "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>";
  envelope += Poco::XML::toXMLString(std::string(text));
  envelope += "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>\n";
  return envelope;
}

std::string TruncatedEnvelope(std::string_view operation_name) {
  std::string envelope(kEnvelopeStart);
  envelope += "<wsi:" + std::string(operation_name) +
              "Response><wsi:" + std::string(operation_name) + "Result><wsi:Succ";
  return envelope;
}

std::string CutInHalf(std::string_view body) {
  return std::string(body.substr(0, body.size() / 2));
}

bool SendAll(int socket_fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t sent = ::send(socket_fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

}  // namespace wmsbridge::sim
