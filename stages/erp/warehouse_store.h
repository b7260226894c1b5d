#pragma once
// The ERP's warehouses (R3): which codes exist (sql/queries/select_warehouse_codes.sql).

#include <string>
#include <vector>

#include "stages/erp/erp_database.h"

namespace wmsbridge::erp {

class WarehouseStore {
 public:
  explicit WarehouseStore(ErpDatabase& db) : db_(db) {}

  /// The codes among `codes` that no ERP warehouse has, in the given order. Throws
  /// Poco::Data::DataException when the ERP database fails.
  std::vector<std::string> Missing(const std::vector<std::string>& codes);

 private:
  ErpDatabase& db_;
};

}  // namespace wmsbridge::erp
