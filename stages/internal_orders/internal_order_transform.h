#pragma once
// ERP internal order (a transfer between warehouses) -> an Ongoing outbound order from the
// from-warehouse to the to-warehouse's address (R23, R24). It is told apart from customer
// orders by its number ("IO-" + the ERP's number, so the two number series never meet in
// Ongoing) and its order type INTERNAL. docs/purchase-and-internal-orders.md.

#include <utility>

#include "pipeline/map_transform.h"
#include "stages/documents/document_kind.h"
#include "stages/documents/document_work.h"
#include "stages/documents/warehouse_codes.h"
#include "stages/erp/internal_order_row.h"

namespace wmsbridge::internal_orders {

inline constexpr const char* kDocType = "internal_order";
inline constexpr const char* kNumberPrefix = "IO-";
inline constexpr const char* kOrderType = "INTERNAL";

/// Internal orders as a kind of order document: outbound orders in Ongoing.
documents::DocumentKind InternalOrderKind();

class InternalOrderTransform final
    : public pipeline::MapTransform<erp::InternalOrderRow, documents::DocumentWork> {
 public:
  /// `warehouses`: Ongoing's code of each ERP warehouse (R3).
  explicit InternalOrderTransform(documents::WarehouseCodes warehouses = {})
      : warehouses_(std::move(warehouses)) {}

  /// Never throws for a bad internal order: it becomes kReject with the reason.
  documents::DocumentWork Map(const erp::InternalOrderRow& io) override;

 private:
  /// The document as Ongoing would get it, or why it cannot be built; the decisions every kind
  /// shares follow in documents::Decide.
  documents::DocumentWork Build(const erp::InternalOrderRow& io) const;

  documents::WarehouseCodes warehouses_;
  documents::DocumentKind kind_ = InternalOrderKind();
};

}  // namespace wmsbridge::internal_orders
