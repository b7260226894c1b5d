#pragma once
// ERP purchase order -> Ongoing in-order (R20, R21): supplier, expected delivery date, lines
// each with its own line code; updates refused once fully received; deleted -> cancelled;
// reused numbers refused with the remedy (R17). docs/purchase-and-internal-orders.md.

#include <string>
#include <utility>

#include "pipeline/map_transform.h"
#include "stages/documents/document_kind.h"
#include "stages/documents/document_work.h"
#include "stages/documents/warehouse_codes.h"
#include "stages/erp/purchase_order_row.h"

namespace wmsbridge::purchase_orders {

inline constexpr const char* kDocType = "purchase_order";

/// Purchase orders as a kind of order document: in-orders in Ongoing.
documents::DocumentKind PurchaseOrderKind();

class PurchaseOrderTransform final
    : public pipeline::MapTransform<erp::PurchaseOrderRow, documents::DocumentWork> {
 public:
  /// `warehouses`: Ongoing's code of each ERP warehouse (R3); `start_date` (YYYY-MM-DD, R4):
  /// purchase orders delivered before it are not sent ("" sends all).
  explicit PurchaseOrderTransform(documents::WarehouseCodes warehouses = {},
                                  std::string start_date = "")
      : warehouses_(std::move(warehouses)), start_date_(std::move(start_date)) {}

  /// Never throws for a bad purchase order: it becomes kReject with the reason.
  documents::DocumentWork Map(const erp::PurchaseOrderRow& po) override;

 private:
  /// The document as Ongoing would get it, or why it cannot be built; the decisions every kind
  /// shares follow in documents::Decide.
  documents::DocumentWork Build(const erp::PurchaseOrderRow& po) const;

  documents::WarehouseCodes warehouses_;
  std::string start_date_;
  documents::DocumentKind kind_ = PurchaseOrderKind();
};

}  // namespace wmsbridge::purchase_orders
