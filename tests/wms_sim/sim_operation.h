#pragma once
// The 15 WSDL operations the simulator answers; their names key the call counters and faults.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wmsbridge::sim {

enum class Operation {
  kProcessArticle,
  kProcessOrder,
  kProcessInOrder,
  kGetOrdersByQuery,
  kGetInOrdersByQuery,
  kUpdateOrderLines,
  kUpdateInOrderLines,
  kGetInventoryByQuery,
  kGetInventoryPerWarehouse,
  kGetInventoryChanges,
  kSetInventoryChangesToReported,
  kGetTransporterContracts,
  kGetOrderStatuses,
  kGetInOrderStatuses,
  kGetSystemStatus,
};

/// All operations in WSDL order.
const std::vector<Operation>& AllOperations();

/// The WSDL name, e.g. "ProcessOrder". Never throws.
std::string OperationName(Operation operation);

/// The operation with that WSDL name (case-insensitive), or nullopt.
std::optional<Operation> OperationFromName(std::string_view name);

/// True for the calls that change Ongoing's data (Process*, Update*Lines,
/// SetInventoryChangesToReported).
bool IsWriteOperation(Operation operation);

}  // namespace wmsbridge::sim
