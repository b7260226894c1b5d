#pragma once
// The interface the stages use to talk to the WMS. The real implementation is the gSOAP
// adapter (stages/ongoing/soap_wms_client.h); unit tests of one stage may use a fake.
//
// Every method is one call to the service. Every method may throw WmsError (wms_error.h);
// write calls throw WmsError{kRejected} when the service answers Success=false. A refused
// logon is WmsError{kLogon} only where the answer says so in a structured field (an error
// type); the words of a fault or refusal are never interpreted.

#include <vector>

#include "stages/wms/wms_types.h"

namespace wmsbridge::wms {

class WmsClient {
 public:
  virtual ~WmsClient() = default;

  /// Creates or updates one article (ProcessArticle, CreateOrUpdate by article number).
  virtual WriteResult ProcessArticle(const ArticleDefinition& article) = 0;
  /// Creates, updates or cancels one order (ProcessOrder).
  virtual WriteResult ProcessOrder(const CustomerOrder& order) = 0;
  /// Creates, updates or cancels one in-order (ProcessInOrder).
  virtual WriteResult ProcessInOrder(const InOrder& order) = 0;
  /// One page of orders (GetOrdersByQuery), ascending by order id.
  virtual std::vector<ShippedOrder> GetOrders(const OrderQuery& query) = 0;
  /// One page of in-orders (GetInOrdersByQuery), ascending by in-order id.
  virtual std::vector<ReceivedInOrder> GetInOrders(const InOrderQuery& query) = 0;
  /// Sets ReportedNumberOfItems of the given lines of one order (UpdateOrderLines; the order
  /// by OrderId, each line by OrderLineId): marks what the ERP has taken. Throws
  /// WmsError{kRejected} when Ongoing answers Success=false (an unknown order or line).
  virtual void SetOrderLinesReported(const ReportedDocument& order) = 0;
  /// The same for one in-order (UpdateInOrderLines; by InOrderId and InOrderLineId).
  virtual void SetInOrderLinesReported(const ReportedDocument& in_order) = 0;
  /// One page of stock per article (GetInventoryByQuery).
  virtual std::vector<ArticleStock> GetInventory(const InventoryQuery& query) = 0;
  /// One page of stock per article and warehouse (GetInventoryPerWarehouse).
  virtual std::vector<ArticleStock> GetInventoryPerWarehouse(const InventoryQuery& query) = 0;
  /// Inventory changes in a time window (GetInventoryChanges).
  virtual std::vector<InventoryChange> GetInventoryChanges(const InventoryChangesQuery& query) = 0;
  /// Marks one inventory change as read (SetInventoryChangesToReported).
  virtual void SetInventoryChangeReported(int article_system_id, int inventory_id) = 0;
  /// The transporters and services the goods owner may use (GetTransporterContracts).
  virtual std::vector<TransporterContract> GetTransporterContracts() = 0;
  /// The warehouse's order status codes (GetOrderStatuses).
  virtual std::vector<StatusCode> GetOrderStatuses() = 0;
  /// The warehouse's in-order status codes (GetInOrderStatuses).
  virtual std::vector<StatusCode> GetInOrderStatuses() = 0;
  /// Health check without credentials (GetSystemStatus).
  virtual SystemStatus GetSystemStatus() = 0;
  /// Checks the credentials; every job calls it once before any other call. It asks
  /// GetInventoryPerWarehouse for one article, whose answer says a refused logon in a
  /// structured field (ErrorType LogonError). Throws WmsError{kLogon} when the logon is
  /// refused, and any other WmsError as every call does.
  virtual void VerifyLogon() = 0;
};

}  // namespace wmsbridge::wms
