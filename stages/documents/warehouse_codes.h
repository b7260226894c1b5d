#pragma once
// R3: which Ongoing warehouse an ERP warehouse is. Most sites use the same codes on both sides;
// a connection maps those that differ (connection key wms_warehouse_codes, checked when the
// configuration is read: docs/configuration.md). Orders name their warehouse by this code
// (OutboundWarehouse), in-orders likewise (Warehouse).

#include <map>
#include <string>
#include <utility>

namespace wmsbridge::documents {

class WarehouseCodes {
 public:
  WarehouseCodes() = default;
  /// `erp_to_wms`: ERP warehouse code -> Ongoing warehouse code, only where they differ.
  explicit WarehouseCodes(std::map<std::string, std::string> erp_to_wms)
      : erp_to_wms_(std::move(erp_to_wms)) {}

  /// Ongoing's code of the ERP warehouse `erp_code`: the mapped one, else the same code.
  /// Never throws but std::bad_alloc.
  std::string ToWms(const std::string& erp_code) const {
    const auto it = erp_to_wms_.find(erp_code);
    return it == erp_to_wms_.end() ? erp_code : it->second;
  }

 private:
  std::map<std::string, std::string> erp_to_wms_;
};

}  // namespace wmsbridge::documents
