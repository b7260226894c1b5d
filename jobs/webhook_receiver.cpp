#include "jobs/webhook_receiver.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <istream>
#include <mutex>
#include <optional>
#include <sstream>

#include "jobs/webhook_store.h"

namespace wmsbridge::jobs {
namespace {

constexpr const char* kPrefix = "/ongoing/webhooks/";
// A longer body is not read to its end (the connection is closed).
constexpr std::size_t kMaxDrainedBody = 1024 * 1024;

// What a path asks for: a kind of event, or the check's test call.
struct Target {
  WebhookKind kind = WebhookKind::kOrder;
  bool test = false;
};

std::optional<Target> TargetOf(const std::string& path) {
  if (path == std::string(kPrefix) + "orders")
    return Target{WebhookKind::kOrder, false};
  if (path == std::string(kPrefix) + "purchase-orders")
    return Target{WebhookKind::kInOrder, false};
  if (path == std::string(kPrefix) + "inventory")
    return Target{WebhookKind::kStock, false};
  if (path == std::string(kPrefix) + "test")
    return Target{WebhookKind::kOrder, true};
  return std::nullopt;
}

// A refusal: its status and the reason logged (never the token or the body).
struct Refusal {
  Poco::Net::HTTPResponse::HTTPStatus status;
  std::string reason;
};

std::optional<std::int64_t> PositiveInt(const Poco::JSON::Object::Ptr& object,
                                        const std::string& key) {
  if (object.isNull() || !object->has(key))
    return std::nullopt;
  const Poco::Dynamic::Var value = object->get(key);
  if (!value.isInteger())
    return std::nullopt;
  const auto number = value.convert<Poco::Int64>();
  return number > 0 ? std::optional<std::int64_t>(number) : std::nullopt;
}

std::string OptionalText(const Poco::JSON::Object::Ptr& object, const std::string& key) {
  if (object.isNull() || !object->has(key) || !object->get(key).isString())
    return {};
  return object->getValue<std::string>(key);
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  Handler(const std::vector<const ConnectionConfig*>& connections, const std::string& sql_dir,
          Poco::Event& wake, Poco::Logger& log)
      : connections_(connections), sql_dir_(sql_dir), wake_(wake), log_(log) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    std::string path = "(unreadable URI)";  // answered 404
    try {
      path = Poco::URI(request.getURI()).getPath();
    } catch (const Poco::Exception&) {
    }
    const std::string peer = request.clientAddress().toString();
    int queued = 0;
    std::optional<Refusal> refused;
    // The body is read before any answer: a socket closed with unread data is reset, and the
    // caller could lose the answer. Beyond 64 KiB it is read and dropped, up to 1 MiB.
    std::string text;
    bool too_large = false;
    {
      char buffer[4096];
      std::istream& in = request.stream();
      std::size_t total = 0;
      while (total <= kMaxDrainedBody && (in.read(buffer, sizeof buffer) || in.gcount() > 0)) {
        const auto n = static_cast<std::size_t>(in.gcount());
        total += n;
        if (total > kMaxWebhookBody)
          too_large = true;
        else
          text.append(buffer, n);
      }
    }
    try {
      refused = Handle(request, path, text, too_large, queued);
    } catch (const std::exception& e) {
      // Only the queue can fail here (the database): Ongoing retries on a 503.
      log_.error("webhook: %s from %s: the queue cannot be written: %s", path, peer,
                 std::string(e.what()));
      refused = Refusal{Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "queue not written"};
    }
    response.setContentType("application/json; charset=utf-8");
    if (refused) {
      if (refused->status != Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE) {
        log_.warning("webhook: refused %d (%s): %s %s from %s", static_cast<int>(refused->status),
                     refused->reason, request.getMethod(), path, peer);
      }
      if (refused->status == Poco::Net::HTTPResponse::HTTP_METHOD_NOT_ALLOWED)
        response.set("Allow", "POST");
      response.setStatusAndReason(refused->status);
      Poco::JSON::Object body;
      body.set("error", refused->reason);
      std::ostringstream answer;
      body.stringify(answer);
      response.sendBuffer(answer.str().data(), answer.str().size());
      return;
    }
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
    const std::string body = "{\"queued\":" + std::to_string(queued) + "}";
    response.sendBuffer(body.data(), body.size());
    if (queued > 0)
      wake_.set();
  }

 private:
  std::optional<Refusal> Handle(Poco::Net::HTTPServerRequest& request, const std::string& path,
                                const std::string& text, bool too_large, int& queued) {
    using Status = Poco::Net::HTTPResponse::HTTPStatus;
    const auto target = TargetOf(path);
    if (!target)
      return Refusal{Status::HTTP_NOT_FOUND, "unknown path"};
    if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_POST)
      return Refusal{Status::HTTP_METHOD_NOT_ALLOWED, "not POST"};
    if (!request.has("X-Auth-Token"))
      return Refusal{Status::HTTP_UNAUTHORIZED, "no X-Auth-Token"};
    const std::string& token = request.get("X-Auth-Token");
    // Every key of every connection is compared, so the time says nothing about which matched.
    std::vector<const ConnectionConfig*> signed_by;
    for (const ConnectionConfig* c : connections_) {
      bool match = false;
      for (const std::string& key : Md5Keys(c->md5_keys))
        match = ConstantTimeEqual(token, key) || match;
      if (match)
        signed_by.push_back(c);
    }
    if (signed_by.empty())
      return Refusal{Status::HTTP_UNAUTHORIZED, "unknown X-Auth-Token"};
    if (too_large)
      return Refusal{Status::HTTP_REQUEST_ENTITY_TOO_LARGE, "body over 64 KiB"};
    Poco::JSON::Object::Ptr body;
    try {
      Poco::JSON::Parser parser;
      body = parser.parse(text).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
      return Refusal{Status::HTTP_BAD_REQUEST, "not a JSON object"};
    } catch (const std::exception&) {
      return Refusal{Status::HTTP_BAD_REQUEST, "not a JSON object"};
    }
    if (body.isNull())
      return Refusal{Status::HTTP_BAD_REQUEST, "not a JSON object"};
    const auto goods_owner = PositiveInt(body, "goodsOwnerId");
    if (!goods_owner)
      return Refusal{Status::HTTP_BAD_REQUEST, "goodsOwnerId missing or not a whole number"};
    const ConnectionConfig* connection = nullptr;
    for (const ConnectionConfig* c : signed_by) {
      if (c->endpoint.goods_owner_id == *goods_owner)
        connection = c;
    }
    if (connection == nullptr)
      return Refusal{Status::HTTP_BAD_REQUEST, "goodsOwnerId " + std::to_string(*goods_owner) +
                                                   " is not the signing connection's"};
    WebhookEvent event;
    event.connection = connection->name;
    event.kind = target->kind;
    event.webhook_event_id = PositiveInt(body, "webhookEventId");
    switch (target->kind) {
      case WebhookKind::kOrder: {
        const auto id = PositiveInt(body, "orderId");
        if (!id)
          return Refusal{Status::HTTP_BAD_REQUEST, "orderId missing or not a whole number > 0"};
        event.wms_id = *id;
        event.doc_no = OptionalText(body, "orderNumber");
        break;
      }
      case WebhookKind::kInOrder: {
        const auto id = PositiveInt(body, "purchaseOrderId");
        if (!id) {
          return Refusal{Status::HTTP_BAD_REQUEST,
                         "purchaseOrderId missing or not a whole number > 0"};
        }
        event.wms_id = *id;
        event.doc_no = OptionalText(body, "purchaseOrderNumber");
        break;
      }
      case WebhookKind::kStock: {
        Poco::JSON::Object::Ptr article;
        if (body->has("article") && body->isObject("article"))
          article = body->getObject("article");
        const auto id = PositiveInt(article, "articleSystemId");
        if (!id || article.isNull() || !article->has("articleNumber") ||
            !article->get("articleNumber").isString()) {
          return Refusal{Status::HTTP_BAD_REQUEST,
                         "article.articleSystemId or article.articleNumber missing or wrong"};
        }
        event.wms_id = *id;
        event.doc_no = article->getValue<std::string>("articleNumber");
        break;
      }
    }
    if (target->test) {
      log_.information("webhook: connection %s: test call accepted", connection->name);
      return std::nullopt;
    }
    erp::ErpDatabase db(connection->erp_odbc, sql_dir_);
    queued = QueueWebhookEvent(db, event);
    log_.information("webhook: connection %s: %s %Ld%s %s", connection->name,
                     std::string(WebhookKindText(event.kind)),
                     static_cast<Poco::Int64>(event.wms_id),
                     event.doc_no.empty() ? std::string() : " (" + event.doc_no + ")",
                     std::string(queued > 0 ? "queued" : "already waiting"));
    return std::nullopt;
  }

  const std::vector<const ConnectionConfig*>& connections_;
  const std::string& sql_dir_;
  Poco::Event& wake_;
  Poco::Logger& log_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(std::vector<const ConnectionConfig*> connections, std::string sql_dir, Poco::Event& wake,
          Poco::Logger& log)
      : connections_(std::move(connections)),
        sql_dir_(std::move(sql_dir)),
        wake_(wake),
        log_(log) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    // Poco's server owns and deletes the handler it asks for.
    return new Handler(connections_, sql_dir_, wake_, log_);
  }

 private:
  std::vector<const ConnectionConfig*> connections_;
  std::string sql_dir_;
  Poco::Event& wake_;
  Poco::Logger& log_;
};

Poco::Net::ServerSocket Listen(const AppConfig& app) {
  const Poco::Net::SocketAddress address(app.webhook_listen_host,
                                         static_cast<Poco::UInt16>(app.webhook_listen_port));
  if (app.webhook_tls_certificate.empty())
    return Poco::Net::ServerSocket(address);  // loopback only (LoadConfig checked it)
  static std::once_flag ssl_once;
  std::call_once(ssl_once, [] { Poco::Net::initializeSSL(); });
  Poco::Net::Context::Params params;
  params.certificateFile = app.webhook_tls_certificate;
  params.privateKeyFile = app.webhook_tls_private_key;
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;  // Ongoing sends no certificate
  return Poco::Net::SecureServerSocket(
      address, 64, Poco::makeAuto<Poco::Net::Context>(Poco::Net::Context::TLS_SERVER_USE, params));
}

}  // namespace

std::vector<std::string> Md5Keys(const pipeline::Secret& keys) {
  std::vector<std::string> out;
  std::string current;
  for (const char c : keys.reveal()) {
    if (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';') {
      if (!current.empty())
        out.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty())
    out.push_back(current);
  return out;
}

bool ConstantTimeEqual(const std::string& a, const std::string& b) {
  const std::size_t n = std::max(a.size(), b.size());
  unsigned char difference = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    difference |= static_cast<unsigned char>(x ^ y);
  }
  return difference == 0;
}

WebhookReceiver::WebhookReceiver(const AppConfig& app,
                                 std::vector<const ConnectionConfig*> connections,
                                 std::string sql_dir, Poco::Event& wake, Poco::Logger& log) {
  auto params = Poco::makeAuto<Poco::Net::HTTPServerParams>();
  params->setMaxThreads(4);
  params->setMaxQueued(32);
  params->setTimeout(Poco::Timespan(10, 0));
  params->setKeepAlive(false);
  server_ = std::make_unique<Poco::Net::HTTPServer>(
      Poco::makeShared<Factory>(std::move(connections), std::move(sql_dir), wake, log), Listen(app),
      params);
  server_->start();
  log.information("webhook: receiver listening on %s:%d (%s)", app.webhook_listen_host,
                  app.webhook_listen_port,
                  std::string(app.webhook_tls_certificate.empty() ? "HTTP, loopback" : "HTTPS"));
}

WebhookReceiver::~WebhookReceiver() {
  server_->stopAll(true);
}

int WebhookReceiver::port() const {
  return server_->port();
}

}  // namespace wmsbridge::jobs
