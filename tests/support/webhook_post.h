#pragma once
// A test's webhook sender (R34): one POST to wmsbridge's receiver on loopback, as Ongoing sends
// it (JSON body, X-Auth-Token header), with the answer's status and body.

#include <optional>
#include <string>

namespace wmsbridge::test {

struct WebhookAnswer {
  int status = 0;  // 0: no answer (connection refused, time-out)
  std::string body;
};

/// Sends `body` to http(s)://127.0.0.1:PORT`path` with `method` and, when given, the
/// X-Auth-Token `token`. HTTPS when `tls` (the server's certificate is not verified). Never
/// throws Poco::Exception (no answer: status 0, body the reason).
WebhookAnswer PostWebhook(int port, const std::string& path, const std::string& body,
                          const std::optional<std::string>& token, bool tls = false,
                          const std::string& method = "POST");

/// Ongoing's orders webhook body for `order_id` of goods owner `goods_owner_id`.
std::string OrderWebhookBody(int order_id, const std::string& order_number, int goods_owner_id,
                             int webhook_event_id);

/// A free TCP port on 127.0.0.1 (bound and released). Throws Poco::Exception.
int FreeLoopbackPort();

}  // namespace wmsbridge::test
