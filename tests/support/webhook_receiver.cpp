#include "tests/support/webhook_receiver.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

namespace wmsbridge::test {

namespace {

class RecordingHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RecordingHandler(WebhookReceiver& receiver) : receiver_(receiver) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    ReceivedRequest received;
    received.at_ms = Poco::Timestamp().epochMicroseconds() / 1000;
    received.method = request.getMethod();
    received.path = request.getURI();
    for (const auto& [name, value] : request) {
      received.headers[name] = value;
    }
    Poco::StreamCopier::copyToString(request.stream(), received.body);
    const int status = receiver_.Record(std::move(received));
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    response.setContentType("application/json");
    response.send() << (status == 200 ? "{\"queued\":1}" : "{}");
  }

 private:
  WebhookReceiver& receiver_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(WebhookReceiver& receiver) : receiver_(receiver) {}
  // Poco's interface hands the handler over as a raw pointer; the server deletes it.
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new RecordingHandler(receiver_);
  }

 private:
  WebhookReceiver& receiver_;
};

}  // namespace

std::string ReceivedRequest::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (Poco::icompare(key, name) == 0) {
      return value;
    }
  }
  return "";
}

WebhookReceiver::WebhookReceiver(std::optional<CertificateFiles> tls) : tls_(std::move(tls)) {
  Listen(0);
}

WebhookReceiver::~WebhookReceiver() {
  Down();
}

void WebhookReceiver::Listen(int port) {
  Poco::Net::ServerSocket socket;
  if (tls_) {
    Poco::Net::Context::Params params;
    params.privateKeyFile = tls_->key;
    params.certificateFile = tls_->cert;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;  // asks no client certificate
    socket = Poco::Net::SecureServerSocket(
        Poco::makeAuto<Poco::Net::Context>(Poco::Net::Context::TLS_SERVER_USE, params));
  }
  socket.bind(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)), true);
  socket.listen(64);
  port_ = socket.address().port();
  auto params = Poco::makeAuto<Poco::Net::HTTPServerParams>();
  params->setKeepAlive(false);
  server_ =
      std::make_unique<Poco::Net::HTTPServer>(Poco::makeShared<Factory>(*this), socket, params);
  server_->start();
}

std::string WebhookReceiver::url() const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

void WebhookReceiver::AnswerWith(int status) {
  std::lock_guard lock(mutex_);
  status_ = status;
}

void WebhookReceiver::Script(const std::vector<int>& statuses) {
  std::lock_guard lock(mutex_);
  script_.assign(statuses.begin(), statuses.end());
}

void WebhookReceiver::Down() {
  if (server_) {
    try {
      server_->stopAll(true);
    } catch (...) {
    }
    server_.reset();
  }
}

void WebhookReceiver::Up() {
  if (!server_) {
    Listen(port_);
  }
}

std::vector<ReceivedRequest> WebhookReceiver::Requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

bool WebhookReceiver::WaitFor(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return arrived_.wait_for(lock, timeout, [&] { return requests_.size() >= count; });
}

int WebhookReceiver::Record(ReceivedRequest request) {
  std::lock_guard lock(mutex_);
  int status = status_;
  if (!script_.empty()) {
    status = script_.front();
    script_.pop_front();
  }
  request.answered = status;
  requests_.push_back(std::move(request));
  arrived_.notify_all();
  return status;
}

}  // namespace wmsbridge::test
