#pragma once
// A WmsClient that does nothing: every read answers empty, every write succeeds without an
// id. A test's fake derives from it and overrides only the calls it scripts, so that a new
// WmsClient method does not have to be spelled out in every fake.

#include <vector>

#include "stages/wms/wms_client.h"

namespace wmsbridge::test {

class NullWmsClient : public wms::WmsClient {
 public:
  /// Succeeds with an empty result. Never throws.
  wms::WriteResult ProcessArticle(const wms::ArticleDefinition&) override { return {}; }
  /// Succeeds with an empty result. Never throws.
  wms::WriteResult ProcessOrder(const wms::CustomerOrder&) override { return {}; }
  /// Succeeds with an empty result. Never throws.
  wms::WriteResult ProcessInOrder(const wms::InOrder&) override { return {}; }
  /// No orders. Never throws.
  std::vector<wms::ShippedOrder> GetOrders(const wms::OrderQuery&) override { return {}; }
  /// No in-orders. Never throws.
  std::vector<wms::ReceivedInOrder> GetInOrders(const wms::InOrderQuery&) override { return {}; }
  /// Does nothing. Never throws.
  void SetOrderLinesReported(const wms::ReportedDocument&) override {}
  /// Does nothing. Never throws.
  void SetInOrderLinesReported(const wms::ReportedDocument&) override {}
  /// No stock. Never throws.
  std::vector<wms::ArticleStock> GetInventory(const wms::InventoryQuery&) override { return {}; }
  /// No stock. Never throws.
  std::vector<wms::ArticleStock> GetInventoryPerWarehouse(const wms::InventoryQuery&) override {
    return {};
  }
  /// No changes. Never throws.
  std::vector<wms::InventoryChange> GetInventoryChanges(
      const wms::InventoryChangesQuery&) override {
    return {};
  }
  /// Does nothing. Never throws.
  void SetInventoryChangeReported(int, int) override {}
  /// No contracts. Never throws.
  std::vector<wms::TransporterContract> GetTransporterContracts() override { return {}; }
  /// No statuses. Never throws.
  std::vector<wms::StatusCode> GetOrderStatuses() override { return {}; }
  /// No statuses. Never throws.
  std::vector<wms::StatusCode> GetInOrderStatuses() override { return {}; }
  /// A status that says nothing. Never throws.
  wms::SystemStatus GetSystemStatus() override { return {}; }
  /// Accepts the logon. Never throws.
  void VerifyLogon() override {}
};

}  // namespace wmsbridge::test
