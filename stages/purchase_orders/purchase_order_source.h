#pragma once
// Streams the purchase orders to consider (R20, R21): first those the connection sent that are
// gone from the ERP (to be cancelled in Ongoing), then keyset pages of purchase orders of the
// connected warehouses from the start date on, each with its lines
// (sql/queries/extract_purchase_orders.sql, extract_purchase_order_lines.sql).

#include "stages/documents/document_source.h"
#include "stages/erp/purchase_order_row.h"

namespace wmsbridge::purchase_orders {

class PurchaseOrderSource final : public documents::PagedDocumentSource<erp::PurchaseOrderRow> {
 public:
  PurchaseOrderSource(erp::DocumentStore& store, documents::DocumentSourceSettings settings)
      : PagedDocumentSource(store, std::move(settings), "extract_vanished_purchase_orders",
                            "select_same_number_purchase_orders", "count_purchase_orders") {}

 protected:
  /// Throws Poco::Data::DataException.
  std::vector<erp::PurchaseOrderRow> ReadPage(const erp::ExtractPage& page) override {
    return store_.Page<erp::PurchaseOrderRow>("extract_purchase_orders",
                                              "extract_purchase_order_lines", page);
  }
};

}  // namespace wmsbridge::purchase_orders
