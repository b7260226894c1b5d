#include "jobs/webhook_check.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>

#include <memory>
#include <mutex>
#include <sstream>

#include "jobs/webhook_receiver.h"

namespace wmsbridge::jobs {

WebhookCheck CheckWebhookReceiver(const AppConfig& app, const ConnectionConfig& c) {
  const bool tls = !app.webhook_tls_certificate.empty();
  // A receiver on every address (0.0.0.0, ::) is reached on loopback.
  const std::string host = app.webhook_listen_host == "0.0.0.0" ||
                                   app.webhook_listen_host == "::" ||
                                   app.webhook_listen_host.empty()
                               ? "127.0.0.1"
                               : app.webhook_listen_host;
  const std::string where = std::string(tls ? "https://" : "http://") + host + ":" +
                            std::to_string(app.webhook_listen_port) + "/ongoing/webhooks/test";
  const auto keys = Md5Keys(c.md5_keys);
  if (keys.empty())
    return {false, "webhook receiver: no MD5 key to sign the test call with"};
  try {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    const auto port = static_cast<Poco::UInt16>(app.webhook_listen_port);
    if (tls) {
      static std::once_flag ssl_once;
      std::call_once(ssl_once, [] { Poco::Net::initializeSSL(); });
      Poco::Net::Context::Params params;
      params.verificationMode = Poco::Net::Context::VERIFY_NONE;  // our own, on loopback
      session = std::make_unique<Poco::Net::HTTPSClientSession>(
          host, port,
          Poco::makeAuto<Poco::Net::Context>(Poco::Net::Context::TLS_CLIENT_USE, params));
    } else {
      session = std::make_unique<Poco::Net::HTTPClientSession>(host, port);
    }
    session->setTimeout(Poco::Timespan(5, 0));
    const std::string body =
        "{\"webhookEventId\":0,\"system\":\"wmsbridge\",\"orderId\":1,"
        "\"goodsOwnerId\":" +
        std::to_string(c.endpoint.goods_owner_id) + ",\"webhookTemplate\":\"wmsbridge-check\"}";
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/ongoing/webhooks/test",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json; charset=utf-8");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    request.set("X-Auth-Token", keys.front());
    session->sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    std::ostringstream answer;
    Poco::StreamCopier::copyStream(in, answer);
    if (response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK)
      return {true, "webhook receiver: " + where + " accepted a signed test call"};
    return {false, "webhook receiver: " + where + " answered " +
                       std::to_string(static_cast<int>(response.getStatus())) + " " +
                       response.getReason() + " " + answer.str().substr(0, 200)};
  } catch (const std::exception& e) {
    return {false, "webhook receiver: " + where + " not reachable: " + e.what() +
                       " (is `wmsbridge daemon` running?)"};
  }
}

}  // namespace wmsbridge::jobs
