#pragma once
// Every statement on ERP tables that the receipt read-back runs (R22): what the source reads
// to decide (the sent purchase order and its lines) and what the sink writes in the purchase
// order's one transaction (received quantities, status). The statements are
// sql/queries/*.sql; rows are mapped by the TypeHandler below.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stages/erp/doc_status.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/row_columns.h"
#include "stages/erp/sync_state_store.h"

namespace wmsbridge::erp {

/// A purchase order this connection sent that a receipt report belongs to.
struct SentPurchaseOrder {
  std::string doc_no;
  std::string erp_id;
};

/// One line of a purchase order as a receipt is applied to it
/// (select_purchase_order_for_receipt.sql); quantities as decimal text.
struct ReceiptLineRow {
  std::string line_no, article_no, article_type, quantity, received_qty;
};

class ReceiptStore {
 public:
  ReceiptStore(ErpDatabase& db, std::string connection_name)
      : db_(db), sync_(db, std::move(connection_name)) {}

  // --- Reads (the source) ---------------------------------------------------------------------
  /// The purchase order this connection sent under the WMS's in-order id, if any. Throws
  /// Poco::Data::DataException.
  std::optional<SentPurchaseOrder> FindSent(std::int64_t wms_in_order_id);
  /// The purchase order's lines, ordered by line number. Throws Poco::Data::DataException.
  std::vector<ReceiptLineRow> Lines(const SentPurchaseOrder& order);

  // --- Writes (the sink, inside the purchase order's transaction) ----------------------------
  /// Sets (never adds to) a line's received quantity. Throws Poco::Data::DataException.
  void SetReceived(const SentPurchaseOrder& order, const std::string& line_no,
                   const std::string& quantity);
  /// The purchase order's status on the ERP document and next to it (wms_sync_state, with the
  /// WMS's words). Throws Poco::Data::DataException.
  void SetStatus(const SentPurchaseOrder& order, DocStatus status, const std::string& wms_message,
                 std::int64_t run_id);

 private:
  ErpDatabase& db_;
  SyncStateStore sync_;
};

template <typename V>
void MapColumns(ReceiptLineRow& r, V& c) {
  c.Text(r.line_no);
  c.Text(r.article_no);
  c.Text(r.article_type);
  c.Text(r.quantity);
  c.Text(r.received_qty);
}

}  // namespace wmsbridge::erp

namespace Poco::Data {

template <>
class TypeHandler<wmsbridge::erp::ReceiptLineRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::ReceiptLineRow> {};

}  // namespace Poco::Data
