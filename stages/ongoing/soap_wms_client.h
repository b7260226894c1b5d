#pragma once
// The Ongoing adapter: a WmsClient that speaks Ongoing's Goods Owner SOAP service over HTTP(S)
// with the gSOAP stubs of generated/. This header speaks domain types only; gSOAP stays in
// the .cpp files of this folder.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/secret.h"
#include "stages/wms/request_renderer.h"
#include "stages/wms/wms_client.h"
#include "stages/wms/wms_error.h"

namespace wmsbridge::ongoing {

/// Where and as whom to call (R1). The password is a Secret: it is sent in the SOAP body and
/// nowhere else.
struct WmsEndpoint {
  std::string url;  // WmsServiceURL, http:// or https://
  std::string goods_owner_code;
  int goods_owner_id = 0;
  std::string user_name;  // the 3PL's LoginName, sent as UserName
  pipeline::Secret password;
};

enum class MessageDirection { kRequest, kResponse };

/// Receives each SOAP message (HTTP header and body) with every secret masked.
using MessageDumpFn = std::function<void(std::string_view operation, MessageDirection direction,
                                         std::string_view text)>;

struct WmsClientOptions {
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds send_timeout{30};
  std::chrono::seconds receive_timeout{120};
  /// Certificate verification for https:// is on unless switched off here (tests only).
  bool verify_certificates = true;
  /// CA bundle trusted besides ca_path; empty: none.
  std::string ca_file;
  /// Folder of hashed CA certificates; empty: the system's (/etc/ssl/certs).
  std::string ca_path;
  /// HTTP proxy (https goes through it with CONNECT); empty host: none.
  std::string proxy_host;
  int proxy_port = 0;
  std::string proxy_user;
  pipeline::Secret proxy_password;  // sent only in the Proxy-Authorization header
  /// Optional message dump (debugging, wire tests). Secrets are masked before it is called.
  MessageDumpFn message_dump;
};

/// One client per connection and thread. Keeps the HTTP connection open between calls
/// (keep-alive) and reopens it after any failure.
class SoapWmsClient final : public wms::WmsClient, public wms::RequestRenderer {
 public:
  /// Throws std::invalid_argument for an empty or non-http(s) URL; never contacts the server.
  SoapWmsClient(WmsEndpoint endpoint, WmsClientOptions options = {});
  ~SoapWmsClient() override;
  SoapWmsClient(const SoapWmsClient&) = delete;
  SoapWmsClient& operator=(const SoapWmsClient&) = delete;

  wms::WriteResult ProcessArticle(const wms::ArticleDefinition& article) override;
  wms::WriteResult ProcessOrder(const wms::CustomerOrder& order) override;
  wms::WriteResult ProcessInOrder(const wms::InOrder& order) override;
  std::vector<wms::ShippedOrder> GetOrders(const wms::OrderQuery& query) override;
  std::vector<wms::ReceivedInOrder> GetInOrders(const wms::InOrderQuery& query) override;
  void SetOrderLinesReported(const wms::ReportedDocument& order) override;
  void SetInOrderLinesReported(const wms::ReportedDocument& in_order) override;
  std::vector<wms::ArticleStock> GetInventory(const wms::InventoryQuery& query) override;
  std::vector<wms::ArticleStock> GetInventoryPerWarehouse(
      const wms::InventoryQuery& query) override;
  std::vector<wms::InventoryChange> GetInventoryChanges(
      const wms::InventoryChangesQuery& query) override;
  void SetInventoryChangeReported(int article_system_id, int inventory_id) override;
  std::vector<wms::TransporterContract> GetTransporterContracts() override;
  std::vector<wms::StatusCode> GetOrderStatuses() override;
  std::vector<wms::StatusCode> GetInOrderStatuses() override;
  wms::SystemStatus GetSystemStatus() override;
  void VerifyLogon() override;

  /// The SOAP envelope (no HTTP header) a write call would send, serialised by the same stubs
  /// in a context of its own, the password masked; nothing is sent (a dry run's --show-xml).
  std::string ArticleRequest(const wms::ArticleDefinition& article) override;
  std::string OrderRequest(const wms::CustomerOrder& order) override;
  std::string InOrderRequest(const wms::InOrder& order) override;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wmsbridge::ongoing
