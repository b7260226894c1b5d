#include "stages/wms/retrying_wms_client.h"

#include "stages/wms/wms_error.h"

namespace wmsbridge::wms {

bool IsRetryableError(const std::exception& error) {
  const auto* wms_error = dynamic_cast<const WmsError*>(&error);
  return wms_error != nullptr && wms_error->retryable();
}

WriteResult RetryingWmsClient::ProcessArticle(const ArticleDefinition& article) {
  return Call([&] { return inner_.ProcessArticle(article); });
}

WriteResult RetryingWmsClient::ProcessOrder(const CustomerOrder& order) {
  return Call([&] { return inner_.ProcessOrder(order); });
}

WriteResult RetryingWmsClient::ProcessInOrder(const InOrder& order) {
  return Call([&] { return inner_.ProcessInOrder(order); });
}

std::vector<ShippedOrder> RetryingWmsClient::GetOrders(const OrderQuery& query) {
  return Call([&] { return inner_.GetOrders(query); });
}

std::vector<ReceivedInOrder> RetryingWmsClient::GetInOrders(const InOrderQuery& query) {
  return Call([&] { return inner_.GetInOrders(query); });
}

std::vector<ArticleStock> RetryingWmsClient::GetInventory(const InventoryQuery& query) {
  return Call([&] { return inner_.GetInventory(query); });
}

std::vector<ArticleStock> RetryingWmsClient::GetInventoryPerWarehouse(const InventoryQuery& query) {
  return Call([&] { return inner_.GetInventoryPerWarehouse(query); });
}

std::vector<InventoryChange> RetryingWmsClient::GetInventoryChanges(
    const InventoryChangesQuery& query) {
  return Call([&] { return inner_.GetInventoryChanges(query); });
}

void RetryingWmsClient::SetInventoryChangeReported(int article_system_id, int inventory_id) {
  Call([&] {
    inner_.SetInventoryChangeReported(article_system_id, inventory_id);
    return true;
  });
}

std::vector<TransporterContract> RetryingWmsClient::GetTransporterContracts() {
  return Call([&] { return inner_.GetTransporterContracts(); });
}

std::vector<StatusCode> RetryingWmsClient::GetOrderStatuses() {
  return Call([&] { return inner_.GetOrderStatuses(); });
}

std::vector<StatusCode> RetryingWmsClient::GetInOrderStatuses() {
  return Call([&] { return inner_.GetInOrderStatuses(); });
}

SystemStatus RetryingWmsClient::GetSystemStatus() {
  return Call([&] { return inner_.GetSystemStatus(); });
}

void RetryingWmsClient::VerifyLogon() {
  Call([&] {
    inner_.VerifyLogon();
    return true;
  });
}

}  // namespace wmsbridge::wms
