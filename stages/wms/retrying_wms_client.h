#pragma once
// Every WMS call of a run, reads and writes alike, under the run's one retry policy: a
// decorator around the real client. Retryable faults (wms_error.h: connect, time-out, broken
// transport, HTTP error, SOAP fault, malformed answer) are tried again with back-off; a refusal
// (kRejected) or a refused logon (kLogon) is passed on at once. When the attempts run out, the
// last error is passed on: the caller decides whether the run can go on.

#include <exception>

#include "pipeline/run_context.h"
#include "stages/wms/wms_client.h"

namespace wmsbridge::wms {

/// True for WmsErrors that may succeed when tried again unchanged.
bool IsRetryableError(const std::exception& error);

class RetryingWmsClient final : public WmsClient {
 public:
  /// `inner` does the calls; `context` gives the policy, the stop flag (a stop cuts a wait
  /// short) and the log of each retry. Both must outlive this object. Does not throw.
  RetryingWmsClient(WmsClient& inner, pipeline::RunContext& context)
      : inner_(inner), context_(context) {}

  WriteResult ProcessArticle(const ArticleDefinition& article) override;
  WriteResult ProcessOrder(const CustomerOrder& order) override;
  WriteResult ProcessInOrder(const InOrder& order) override;
  std::vector<ShippedOrder> GetOrders(const OrderQuery& query) override;
  std::vector<ReceivedInOrder> GetInOrders(const InOrderQuery& query) override;
  std::vector<ArticleStock> GetInventory(const InventoryQuery& query) override;
  std::vector<ArticleStock> GetInventoryPerWarehouse(const InventoryQuery& query) override;
  std::vector<InventoryChange> GetInventoryChanges(const InventoryChangesQuery& query) override;
  void SetInventoryChangeReported(int article_system_id, int inventory_id) override;
  std::vector<TransporterContract> GetTransporterContracts() override;
  std::vector<StatusCode> GetOrderStatuses() override;
  std::vector<StatusCode> GetInOrderStatuses() override;
  SystemStatus GetSystemStatus() override;
  void VerifyLogon() override;

 private:
  template <typename F>
  auto Call(F&& f) {
    return context_.Retry(IsRetryableError, std::forward<F>(f));
  }

  WmsClient& inner_;
  pipeline::RunContext& context_;
};

}  // namespace wmsbridge::wms
