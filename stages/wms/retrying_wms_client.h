#pragma once
// Every WMS call of a run, reads and writes alike, under the run's one retry policy: a
// decorator around the real client. Retryable faults (wms_error.h: connect, time-out, broken
// transport, HTTP error, SOAP fault, malformed answer) are tried again with back-off; a refusal
// (kRejected) or a refused logon (kLogon) is passed on at once. When the attempts run out, the
// last error is passed on: the caller decides whether the run can go on.
//
// Ongoing's rate limits (reference notes 6b) are per method. A rate-limited answer
// (kRateLimited) is never retried at once: when it says how long to wait and that is no longer
// than the run's longest wait, the client waits that long and calls once more; otherwise, or
// when the method is still limited, the method is stopped for the rest of the run: this call
// and every later call of it throw kRateLimited without calling, with a message that names the
// method and Ongoing's words about the limit.

#include <chrono>
#include <exception>
#include <map>
#include <string>

#include "pipeline/run_context.h"
#include "stages/wms/wms_client.h"
#include "stages/wms/wms_error.h"

namespace wmsbridge::wms {

/// True for WmsErrors that may succeed when tried again unchanged.
bool IsRetryableError(const std::exception& error);

/// The longest wait a run makes for a rate limit unless told otherwise.
inline constexpr std::chrono::seconds kDefaultRateLimitWait{60};

class RetryingWmsClient final : public WmsClient {
 public:
  /// `inner` does the calls; `context` gives the policy, the stop flag (a stop cuts a wait
  /// short) and the log of each retry. Both must outlive this object. `max_rate_limit_wait` is
  /// the longest wait for a rate limit within the run (0: never wait, stop the method at
  /// once). Does not throw.
  RetryingWmsClient(WmsClient& inner, pipeline::RunContext& context,
                    std::chrono::seconds max_rate_limit_wait = kDefaultRateLimitWait)
      : inner_(inner), context_(context), max_rate_limit_wait_(max_rate_limit_wait) {}

  WriteResult ProcessArticle(const ArticleDefinition& article) override;
  WriteResult ProcessOrder(const CustomerOrder& order) override;
  WriteResult ProcessInOrder(const InOrder& order) override;
  std::vector<ShippedOrder> GetOrders(const OrderQuery& query) override;
  std::vector<ReceivedInOrder> GetInOrders(const InOrderQuery& query) override;
  void SetOrderLinesReported(const ReportedDocument& order) override;
  void SetInOrderLinesReported(const ReportedDocument& in_order) override;
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
  /// `operation` is the WSDL name of what `f` calls (the key of the rate limit).
  template <typename F>
  auto Call(const char* operation, F&& f) {
    ThrowIfStopped(operation);
    try {
      return context_.Retry(IsRetryableError, f);
    } catch (const WmsError& e) {
      if (e.kind() != WmsErrorKind::kRateLimited)
        throw;
      if (!WaitOut(operation, e))
        throw Stop(operation, e, false);
    }
    // Ongoing's wait has passed: one more call; a second limit stops the method.
    try {
      return context_.Retry(IsRetryableError, f);
    } catch (const WmsError& e) {
      if (e.kind() != WmsErrorKind::kRateLimited)
        throw;
      throw Stop(operation, e, true);
    }
  }

  /// Throws the stored error when `operation` was stopped earlier in the run.
  void ThrowIfStopped(const std::string& operation) const;
  /// Waits the time a rate-limited answer asked for, when it gave one no longer than
  /// max_rate_limit_wait_; false when it gave none, asked for longer, or a stop cut the wait.
  bool WaitOut(const std::string& operation, const WmsError& limited);
  /// Stops `operation` for the rest of the run; returns the error to throw.
  WmsError Stop(const std::string& operation, const WmsError& limited, bool after_wait);

  WmsClient& inner_;
  pipeline::RunContext& context_;
  std::chrono::seconds max_rate_limit_wait_;
  std::map<std::string, WmsError> stopped_;  // methods that met their rate limit in this run
};

}  // namespace wmsbridge::wms
