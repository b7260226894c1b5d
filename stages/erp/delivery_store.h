#pragma once
// Every statement on ERP tables that the delivery read-back runs (R18, R19, R26): what the
// source reads to decide (the sent document, its lines, its parcels, what was invoiced) and
// what the sink writes in the document's one transaction (quantities, status, parcels,
// invoice). The statements are sql/queries/*.sql; rows are mapped by the TypeHandlers below.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stages/erp/doc_status.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/row_columns.h"
#include "stages/erp/sync_state_store.h"

namespace wmsbridge::erp {

/// The documents a delivery report may belong to: both are orders in the WMS.
enum class DeliveredDocType { kCustomerOrder, kInternalOrder };

/// The doc_type of wms_sync_state and wms_run_record ("customer_order").
std::string_view ToString(DeliveredDocType type);

/// A document this connection sent that a delivery report belongs to.
struct SentDelivery {
  DeliveredDocType type = DeliveredDocType::kCustomerOrder;
  std::string doc_no;
  std::string erp_id;
  /// What wms_sync_state holds of it: the status and (the start of) the WMS's words; a report
  /// that would write the same again writes nothing (issue 15, point 4).
  std::optional<std::string> recorded_status, recorded_message;
};

/// One line of the document as a delivery is applied to it
/// (select_customer_order_for_delivery.sql, select_internal_order_for_delivery.sql); numbers
/// as decimal text. The order's number, payment method and status repeat on every line.
struct DeliveryLineRow {
  std::string line_no, article_no, article_type, description;
  std::string quantity, delivered_qty, unit_price;
  std::string order_no, payment_method;
  std::string status;  // the document's own status in the ERP
};

/// What earlier invoices of an order hold of one line (select_invoiced_quantities.sql).
struct InvoicedQuantityRow {
  std::string line_no;
  std::string quantity;
};

/// An invoice at delivery (R19): the id comes from NextInvoiceId in the same transaction.
struct InvoiceHeader {
  std::string invoice_id, invoice_no, order_id, created_at, total;
  bool activate_klarna = false;
};

/// One line of an invoice; quantity and price as decimal text.
struct InvoiceLineValues {
  std::string line_no, article_no, description, quantity, unit_price;
};

class DeliveryStore {
 public:
  DeliveryStore(ErpDatabase& db, std::string connection_name)
      : db_(db), sync_(db, std::move(connection_name)) {}

  // --- Reads (the source) ---------------------------------------------------------------------
  /// The customer or internal order this connection sent under the WMS's order id, if any.
  /// Throws Poco::Data::DataException, or std::runtime_error for a doc_type it does not know.
  std::optional<SentDelivery> FindSent(std::int64_t wms_order_id);
  /// The document's lines, ordered by line number. Throws Poco::Data::DataException.
  std::vector<DeliveryLineRow> Lines(const SentDelivery& document);
  /// The tracking numbers already on a customer order (R26). Throws Poco::Data::DataException.
  std::vector<std::string> TrackingNumbers(const std::string& order_id);
  /// Per line, what earlier invoices of a customer order hold (R19). Throws
  /// Poco::Data::DataException.
  std::vector<InvoicedQuantityRow> InvoicedQuantities(const std::string& order_id);

  // --- Writes (the sink, inside the document's transaction) ----------------------------------
  /// Sets (never adds to) a line's delivered quantity. Throws Poco::Data::DataException.
  void SetDelivered(const SentDelivery& document, const std::string& line_no,
                    const std::string& quantity);
  /// The document's status on the ERP document and next to it (wms_sync_state, with the WMS's
  /// words). Throws Poco::Data::DataException.
  void SetStatus(const SentDelivery& document, DocStatus status, const std::string& wms_message,
                 std::int64_t run_id);
  /// Adds a parcel to a customer order, numbered after the ones there. Throws
  /// Poco::Data::DataException.
  void AddTracking(const std::string& order_id, const std::string& tracking_no,
                   const std::string& tracking_url, const std::string& carrier_code,
                   const std::string& shipped_at);
  /// The id the next invoice takes; read inside the transaction that adds it. Throws
  /// Poco::Data::DataException.
  std::string NextInvoiceId(const std::string& order_id);
  /// Adds an invoice header. Throws Poco::Data::DataException.
  void AddInvoice(const InvoiceHeader& invoice);
  /// Adds one line to an invoice. Throws Poco::Data::DataException.
  void AddInvoiceLine(const std::string& invoice_id, const InvoiceLineValues& line);

 private:
  ErpDatabase& db_;
  SyncStateStore sync_;
};

template <typename V>
void MapColumns(DeliveryLineRow& r, V& c) {
  c.Text(r.line_no);
  c.Text(r.article_no);
  c.Text(r.article_type);
  c.Text(r.description);
  c.Text(r.quantity);
  c.Text(r.delivered_qty);
  c.Text(r.unit_price);
  c.Text(r.order_no);
  c.Text(r.payment_method);
  c.Text(r.status);
}

template <typename V>
void MapColumns(InvoicedQuantityRow& r, V& c) {
  c.Text(r.line_no);
  c.Text(r.quantity);
}

}  // namespace wmsbridge::erp

namespace Poco::Data {

template <>
class TypeHandler<wmsbridge::erp::DeliveryLineRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::DeliveryLineRow> {};

template <>
class TypeHandler<wmsbridge::erp::InvoicedQuantityRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::InvoicedQuantityRow> {};

}  // namespace Poco::Data
