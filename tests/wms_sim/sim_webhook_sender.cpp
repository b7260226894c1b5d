#include "tests/wms_sim/sim_webhook_sender.h"

#include <Poco/Exception.h>
#include <Poco/Net/AcceptCertificateHandler.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include <chrono>
#include <memory>
#include <sstream>

namespace wmsbridge::sim {

namespace {

// How often the sender looks for new events when none is due sooner: events are recorded by
// other processes (the CLI), so the state is polled.
constexpr int kPollMs = 20;

// Process-wide OpenSSL set-up for the https client, once: a certificate that does not verify
// is refused (never asked about on a console, Poco's default handler).
void InitializeSslOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Net::initializeSSL();
    Poco::Net::SSLManager::InvalidCertificateHandlerPtr reject =
        Poco::makeShared<Poco::Net::RejectCertificateHandler>(false);
    Poco::Net::Context::Ptr context = Poco::makeAuto<Poco::Net::Context>(
        Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
    Poco::Net::SSLManager::instance().initializeClient(nullptr, reject, context);
  });
}

std::unique_ptr<Poco::Net::HTTPClientSession> OpenSession(const Poco::URI& uri,
                                                          const WebhookSettings& settings) {
  if (uri.getScheme() == "https") {
    InitializeSslOnce();
    Poco::Net::Context::Params params;
    params.caLocation = settings.ca_file;
    params.loadDefaultCAs = settings.ca_file.empty();
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    auto context = Poco::makeAuto<Poco::Net::Context>(Poco::Net::Context::TLS_CLIENT_USE, params);
    return std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), context);
  }
  return std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
}

}  // namespace

std::int64_t NowEpochMs() {
  return Poco::Timestamp().epochMicroseconds() / 1000;
}

WebhookAnswer PostWebhook(const std::string& url, const std::string& body,
                          const WebhookSettings& settings) {
  try {
    const Poco::URI uri(url);
    if (uri.getScheme() != "http" && uri.getScheme() != "https") {
      return {false, "not an http(s) URL"};
    }
    auto session = OpenSession(uri, settings);
    const Poco::Timespan timeout(static_cast<long>(settings.timeout_ms / 1000),
                                 static_cast<long>(settings.timeout_ms % 1000) * 1000);
    session->setTimeout(timeout, timeout, timeout);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathEtc(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json; charset=utf-8");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    request.set("X-Auth-Token", settings.token);
    session->sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& answer = session->receiveResponse(response);
    std::ostringstream ignored;
    Poco::StreamCopier::copyStream(answer, ignored);
    const int status = static_cast<int>(response.getStatus());
    return {status >= 200 && status < 300, std::to_string(status)};
  } catch (const Poco::TimeoutException&) {
    return {false, "timeout"};
  } catch (const Poco::Net::ConnectionRefusedException&) {
    return {false, "connection refused"};
  } catch (const Poco::Exception& error) {
    // Poco's messages name host, port and reason, never a header value.
    return {false, error.displayText()};
  } catch (const std::exception& error) {
    return {false, error.what()};
  }
}

WebhookSender::WebhookSender(SimStore& store, Poco::Logger& log)
    : store_(store), log_(log), thread_([this] { Loop(); }) {}

WebhookSender::~WebhookSender() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void WebhookSender::Loop() {
  while (true) {
    bool sent = false;
    try {
      sent = SendNext();
    } catch (const Poco::Exception& error) {
      log_.error("webhook sender: %s", error.displayText());
    } catch (const std::exception& error) {
      log_.error("webhook sender: %s", std::string(error.what()));
    }
    std::unique_lock lock(mutex_);
    if (stop_) {
      return;
    }
    if (!sent) {
      wake_.wait_for(lock, std::chrono::milliseconds(kPollMs), [this] { return stop_; });
      if (stop_) {
        return;
      }
    }
  }
}

bool WebhookSender::SendNext() {
  const WebhookSettings settings = store_.CurrentWebhookSettings();
  if (settings.base_url.empty()) {
    return false;
  }
  const auto event = store_.NextDueWebhook(NowEpochMs());
  if (!event) {
    return false;
  }
  std::string base = settings.base_url;
  while (!base.empty() && base.back() == '/') {
    base.pop_back();
  }
  const std::string url = base + WebhookPath(event->kind);
  WebhookAnswer answer = PostWebhook(url, event->body, settings);
  if (event->duplicate) {
    // The duplicate fault: the same event posted again at once; the first answer counts.
    const WebhookAnswer second = PostWebhook(url, event->body, settings);
    log_.information("webhook %s event %s posted again (duplicate fault): %s",
                     WebhookKindName(event->kind), std::to_string(event->event_id), second.text);
  }
  // Ongoing's delays run from the failure, known once the attempt has ended.
  store_.RecordWebhookAttempt(event->event_id, answer.delivered, answer.text, NowEpochMs());
  log_.information("webhook %s event %s %s attempt %s: %s", WebhookKindName(event->kind),
                   std::to_string(event->event_id), event->document_number,
                   std::to_string(event->attempts + 1), answer.text);
  return true;
}

}  // namespace wmsbridge::sim
