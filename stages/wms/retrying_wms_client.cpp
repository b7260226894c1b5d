#include "stages/wms/retrying_wms_client.h"

#include <Poco/Logger.h>

#include "stages/wms/wms_error.h"

namespace wmsbridge::wms {

bool IsRetryableError(const std::exception& error) {
  const auto* wms_error = dynamic_cast<const WmsError*>(&error);
  return wms_error != nullptr && wms_error->retryable();
}

void RetryingWmsClient::ThrowIfStopped(const std::string& operation) const {
  if (const auto found = stopped_.find(operation); found != stopped_.end())
    throw found->second;
}

bool RetryingWmsClient::WaitOut(const std::string& operation, const WmsError& limited) {
  if (!limited.retry_after() || *limited.retry_after() > max_rate_limit_wait_)
    return false;
  // "Retry-After: 0" is no licence to call again at once.
  const std::chrono::seconds wait = std::max(*limited.retry_after(), std::chrono::seconds(1));
  context_.Log().warning("%s: Ongoing's rate limit was reached (%s); waiting %s s, as asked",
                         operation, limited.message(), std::to_string(wait.count()));
  return pipeline::InterruptibleWait(wait, [this] { return context_.StopRequested(); });
}

WmsError RetryingWmsClient::Stop(const std::string& operation, const WmsError& limited,
                                 bool after_wait) {
  std::string why;
  if (after_wait) {
    why = "still limited after the wait Ongoing asked for";
  } else if (!limited.retry_after()) {
    why = "Ongoing gave no time to wait";
  } else {
    why = "Ongoing asks to wait " + std::to_string(limited.retry_after()->count()) +
          " s, longer than a run waits (" + std::to_string(max_rate_limit_wait_.count()) + " s)";
  }
  WmsError stopped(WmsErrorKind::kRateLimited, operation,
                   "Ongoing's rate limit for " + operation + " was reached (Ongoing said: " +
                       limited.message() + "); " + why + ", so " + operation +
                       " is not called again in this run; the next run goes on from here",
                   limited.http_status(), limited.retry_after());
  stopped_.insert_or_assign(operation, stopped);
  context_.Log().error("%s", std::string(stopped.what()));
  return stopped;
}

WriteResult RetryingWmsClient::ProcessArticle(const ArticleDefinition& article) {
  return Call("ProcessArticle", [&] { return inner_.ProcessArticle(article); });
}

WriteResult RetryingWmsClient::ProcessOrder(const CustomerOrder& order) {
  return Call("ProcessOrder", [&] { return inner_.ProcessOrder(order); });
}

WriteResult RetryingWmsClient::ProcessInOrder(const InOrder& order) {
  return Call("ProcessInOrder", [&] { return inner_.ProcessInOrder(order); });
}

std::vector<ShippedOrder> RetryingWmsClient::GetOrders(const OrderQuery& query) {
  return Call("GetOrdersByQuery", [&] { return inner_.GetOrders(query); });
}

std::vector<ReceivedInOrder> RetryingWmsClient::GetInOrders(const InOrderQuery& query) {
  return Call("GetInOrdersByQuery", [&] { return inner_.GetInOrders(query); });
}

// Marking sets absolute figures: a retry after a lost answer sets the same figures again.
void RetryingWmsClient::SetOrderLinesReported(const ReportedDocument& order) {
  Call("UpdateOrderLines", [&] {
    inner_.SetOrderLinesReported(order);
    return true;
  });
}

void RetryingWmsClient::SetInOrderLinesReported(const ReportedDocument& in_order) {
  Call("UpdateInOrderLines", [&] {
    inner_.SetInOrderLinesReported(in_order);
    return true;
  });
}

std::vector<ArticleStock> RetryingWmsClient::GetInventory(const InventoryQuery& query) {
  return Call("GetInventoryByQuery", [&] { return inner_.GetInventory(query); });
}

std::vector<ArticleStock> RetryingWmsClient::GetInventoryPerWarehouse(const InventoryQuery& query) {
  return Call("GetInventoryPerWarehouse", [&] { return inner_.GetInventoryPerWarehouse(query); });
}

std::vector<InventoryChange> RetryingWmsClient::GetInventoryChanges(
    const InventoryChangesQuery& query) {
  return Call("GetInventoryChanges", [&] { return inner_.GetInventoryChanges(query); });
}

void RetryingWmsClient::SetInventoryChangeReported(int article_system_id, int inventory_id) {
  Call("SetInventoryChangesToReported", [&] {
    inner_.SetInventoryChangeReported(article_system_id, inventory_id);
    return true;
  });
}

std::vector<TransporterContract> RetryingWmsClient::GetTransporterContracts() {
  return Call("GetTransporterContracts", [&] { return inner_.GetTransporterContracts(); });
}

std::vector<StatusCode> RetryingWmsClient::GetOrderStatuses() {
  return Call("GetOrderStatuses", [&] { return inner_.GetOrderStatuses(); });
}

std::vector<StatusCode> RetryingWmsClient::GetInOrderStatuses() {
  return Call("GetInOrderStatuses", [&] { return inner_.GetInOrderStatuses(); });
}

SystemStatus RetryingWmsClient::GetSystemStatus() {
  return Call("GetSystemStatus", [&] { return inner_.GetSystemStatus(); });
}

void RetryingWmsClient::VerifyLogon() {
  Call("GetInventoryPerWarehouse", [&] {
    inner_.VerifyLogon();
    return true;
  });
}

}  // namespace wmsbridge::wms
