#include "tests/support/webhook_post.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <memory>
#include <mutex>
#include <sstream>

namespace wmsbridge::test {

WebhookAnswer PostWebhook(int port, const std::string& path, const std::string& body,
                          const std::optional<std::string>& token, bool tls,
                          const std::string& method) {
  try {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (tls) {
      static std::once_flag once;
      std::call_once(once, [] { Poco::Net::initializeSSL(); });
      Poco::Net::Context::Params params;
      params.verificationMode = Poco::Net::Context::VERIFY_NONE;
      session = std::make_unique<Poco::Net::HTTPSClientSession>(
          "127.0.0.1", static_cast<Poco::UInt16>(port),
          Poco::makeAuto<Poco::Net::Context>(Poco::Net::Context::TLS_CLIENT_USE, params));
    } else {
      session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1",
                                                               static_cast<Poco::UInt16>(port));
    }
    session->setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json; charset=utf-8");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    if (token)
      request.set("X-Auth-Token", *token);
    session->sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    std::ostringstream text;
    Poco::StreamCopier::copyStream(in, text);
    return {static_cast<int>(response.getStatus()), text.str()};
  } catch (const Poco::Exception& e) {
    return {0, e.displayText()};
  }
}

std::string OrderWebhookBody(int order_id, const std::string& order_number, int goods_owner_id,
                             int webhook_event_id) {
  return "{\"webhookOrdersId\":1,\"webhookEventId\":" + std::to_string(webhook_event_id) +
         ",\"system\":\"sim\",\"timestamp\":\"2026-12-02T10:00:00.0000000\",\"orderId\":" +
         std::to_string(order_id) + ",\"orderNumber\":\"" + order_number +
         "\",\"goodsOwnerId\":" + std::to_string(goods_owner_id) +
         ",\"webhookTemplate\":\"OrderPicked\",\"orderStatus\":{\"number\":450},"
         "\"tracking\":[],\"parcels\":[]}";
}

int FreeLoopbackPort() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  return socket.address().port();
}

}  // namespace wmsbridge::test
