#include "stages/erp/delivery_store.h"

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {
namespace {

constexpr std::string_view kCustomerOrder = "customer_order";
constexpr std::string_view kInternalOrder = "internal_order";

bool IsCustomerOrder(const SentDelivery& document) {
  return document.type == DeliveredDocType::kCustomerOrder;
}

}  // namespace

std::string_view ToString(DeliveredDocType type) {
  return type == DeliveredDocType::kCustomerOrder ? kCustomerOrder : kInternalOrder;
}

std::optional<SentDelivery> DeliveryStore::FindSent(std::int64_t wms_order_id) {
  const auto found =
      sync_.FindSent(wms_order_id, std::string(kCustomerOrder), std::string(kInternalOrder));
  if (!found)
    return std::nullopt;
  if (found->doc_type != kCustomerOrder && found->doc_type != kInternalOrder)
    throw std::runtime_error("find_sent_document returned doc_type " + found->doc_type);
  return SentDelivery{found->doc_type == kCustomerOrder ? DeliveredDocType::kCustomerOrder
                                                        : DeliveredDocType::kInternalOrder,
                      found->doc_no, found->erp_id, found->status, found->message};
}

std::vector<DeliveryLineRow> DeliveryStore::Lines(const SentDelivery& document) {
  std::vector<DeliveryLineRow> lines;
  std::string id = document.erp_id;
  db_.session() << db_.Query(IsCustomerOrder(document) ? "select_customer_order_for_delivery"
                                                       : "select_internal_order_for_delivery"),
      use(id), into(lines), now;
  return lines;
}

std::vector<std::string> DeliveryStore::TrackingNumbers(const std::string& order_id) {
  std::vector<std::string> known;
  std::string id = order_id;
  db_.session() << db_.Query("select_tracking_numbers"), use(id), into(known), now;
  return known;
}

std::vector<InvoicedQuantityRow> DeliveryStore::InvoicedQuantities(const std::string& order_id) {
  std::vector<InvoicedQuantityRow> rows;
  std::string id = order_id;
  db_.session() << db_.Query("select_invoiced_quantities"), use(id), into(rows), now;
  return rows;
}

void DeliveryStore::SetDelivered(const SentDelivery& document, const std::string& line_no,
                                 const std::string& quantity) {
  std::string q = quantity, id = document.erp_id, no = line_no;
  db_.session() << db_.Query(IsCustomerOrder(document) ? "update_customer_order_line_delivered"
                                                       : "update_internal_order_line_delivered"),
      use(q), use(id), use(no), now;
}

void DeliveryStore::SetStatus(const SentDelivery& document, DocStatus status,
                              const std::string& wms_message, std::int64_t run_id) {
  std::string s(ToString(status)), id = document.erp_id;
  db_.session() << db_.Query(IsCustomerOrder(document) ? "update_customer_order_status"
                                                       : "update_internal_order_status"),
      use(s), use(id), now;
  sync_.MarkReported(std::string(ToString(document.type)), document.doc_no, status, wms_message,
                     run_id);
}

void DeliveryStore::AddTracking(const std::string& order_id, const std::string& tracking_no,
                                const std::string& tracking_url, const std::string& carrier_code,
                                const std::string& shipped_at) {
  std::string id = order_id, tn = tracking_no, url = tracking_url, carrier = carrier_code,
              at = shipped_at;
  db_.session() << db_.Query("insert_tracking"), use(id), use(id), use(tn), use(url), use(carrier),
      use(at), now;
}

std::string DeliveryStore::NextInvoiceId(const std::string& order_id) {
  std::string id = order_id, next_id, invoices_of_order;
  db_.session() << db_.Query("next_invoice"), use(id), into(next_id), into(invoices_of_order), now;
  return next_id;
}

void DeliveryStore::AddInvoice(const InvoiceHeader& invoice) {
  std::string invoice_id = invoice.invoice_id, invoice_no = invoice.invoice_no,
              id = invoice.order_id, at = invoice.created_at, total = invoice.total;
  int klarna = invoice.activate_klarna ? 1 : 0;
  db_.session() << db_.Query("insert_invoice"), use(invoice_id), use(invoice_no), use(id), use(at),
      use(total), use(klarna), now;
}

void DeliveryStore::AddInvoiceLine(const std::string& invoice_id, const InvoiceLineValues& line) {
  std::string invoice = invoice_id, ln = line.line_no, art = line.article_no,
              desc = line.description, q = line.quantity, price = line.unit_price;
  db_.session() << db_.Query("insert_invoice_line"), use(invoice), use(ln), use(art), use(desc),
      use(q), use(price), now;
}

}  // namespace wmsbridge::erp
