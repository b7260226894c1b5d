#include "tests/wms_sim/sim_operation.h"

#include <Poco/String.h>

namespace wmsbridge::sim {

const std::vector<Operation>& AllOperations() {
  static const std::vector<Operation> all = {Operation::kProcessArticle,
                                             Operation::kProcessOrder,
                                             Operation::kProcessInOrder,
                                             Operation::kGetOrdersByQuery,
                                             Operation::kGetInOrdersByQuery,
                                             Operation::kUpdateOrderLines,
                                             Operation::kUpdateInOrderLines,
                                             Operation::kGetInventoryByQuery,
                                             Operation::kGetInventoryPerWarehouse,
                                             Operation::kGetInventoryChanges,
                                             Operation::kSetInventoryChangesToReported,
                                             Operation::kGetTransporterContracts,
                                             Operation::kGetOrderStatuses,
                                             Operation::kGetInOrderStatuses,
                                             Operation::kGetSystemStatus};
  return all;
}

std::string OperationName(Operation operation) {
  switch (operation) {
    case Operation::kProcessArticle:
      return "ProcessArticle";
    case Operation::kProcessOrder:
      return "ProcessOrder";
    case Operation::kProcessInOrder:
      return "ProcessInOrder";
    case Operation::kGetOrdersByQuery:
      return "GetOrdersByQuery";
    case Operation::kGetInOrdersByQuery:
      return "GetInOrdersByQuery";
    case Operation::kUpdateOrderLines:
      return "UpdateOrderLines";
    case Operation::kUpdateInOrderLines:
      return "UpdateInOrderLines";
    case Operation::kGetInventoryByQuery:
      return "GetInventoryByQuery";
    case Operation::kGetInventoryPerWarehouse:
      return "GetInventoryPerWarehouse";
    case Operation::kGetInventoryChanges:
      return "GetInventoryChanges";
    case Operation::kSetInventoryChangesToReported:
      return "SetInventoryChangesToReported";
    case Operation::kGetTransporterContracts:
      return "GetTransporterContracts";
    case Operation::kGetOrderStatuses:
      return "GetOrderStatuses";
    case Operation::kGetInOrderStatuses:
      return "GetInOrderStatuses";
    case Operation::kGetSystemStatus:
      return "GetSystemStatus";
  }
  return "Unknown";
}

std::optional<Operation> OperationFromName(std::string_view name) {
  for (Operation operation : AllOperations()) {
    if (Poco::icompare(OperationName(operation), std::string(name)) == 0) {
      return operation;
    }
  }
  return std::nullopt;
}

bool IsWriteOperation(Operation operation) {
  return operation == Operation::kProcessArticle || operation == Operation::kProcessOrder ||
         operation == Operation::kProcessInOrder || operation == Operation::kUpdateOrderLines ||
         operation == Operation::kUpdateInOrderLines ||
         operation == Operation::kSetInventoryChangesToReported;
}

}  // namespace wmsbridge::sim
