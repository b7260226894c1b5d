#pragma once
// A webhook receiver for tests: a Poco HTTP server on 127.0.0.1 in the test process that
// records every request (method, path, headers, body, arrival time) and answers with a status
// the test chooses (200 by default, a scripted sequence, or 500...). It can be taken down (the
// port then refuses connections) and brought back on the same port.

#include <Poco/Net/HTTPServer.h>

#include "tests/support/test_certificates.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace wmsbridge::test {

/// One request the receiver got.
struct ReceivedRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  // names as sent (the last of a repeated one)
  std::string body;
  std::int64_t at_ms = 0;  // wall-clock epoch ms when it arrived
  int answered = 0;        // the status it was answered with
  /// The header's value, "" when absent (case-insensitive name).
  std::string Header(const std::string& name) const;
};

class WebhookReceiver {
 public:
  /// Starts listening on 127.0.0.1 on a free port, over HTTPS with `tls` (test_certificates.h)
  /// when given. Throws Poco::Exception if it cannot.
  explicit WebhookReceiver(std::optional<CertificateFiles> tls = std::nullopt);
  /// Stops the server. Never throws.
  ~WebhookReceiver();
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  /// "http://127.0.0.1:PORT" (https with TLS): the base URL a webhook sender is given.
  std::string url() const;
  int port() const { return port_; }
  /// Every request from now on is answered with `status` (after the scripted ones).
  void AnswerWith(int status);
  /// The next requests are answered with these statuses in turn, then the AnswerWith one.
  void Script(const std::vector<int>& statuses);
  /// Takes the receiver down: the port refuses connections until Up().
  void Down();
  /// Listens again on the same port.
  void Up();
  /// The requests so far, in arrival order.
  std::vector<ReceivedRequest> Requests() const;
  /// Waits until at least `count` requests arrived or `timeout` passed; true when they did.
  bool WaitFor(std::size_t count, std::chrono::milliseconds timeout) const;

  /// Internal: records a request and returns the status to answer (called by the handler).
  int Record(ReceivedRequest request);

 private:
  void Listen(int port);

  mutable std::mutex mutex_;
  mutable std::condition_variable arrived_;
  std::vector<ReceivedRequest> requests_;
  std::deque<int> script_;
  int status_ = 200;
  int port_ = 0;
  std::optional<CertificateFiles> tls_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace wmsbridge::test
