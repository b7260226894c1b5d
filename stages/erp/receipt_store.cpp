#include "stages/erp/receipt_store.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {
namespace {

const std::string kPurchaseOrder = "purchase_order";

}  // namespace

std::optional<SentPurchaseOrder> ReceiptStore::FindSent(std::int64_t wms_in_order_id) {
  const auto found = sync_.FindSent(wms_in_order_id, kPurchaseOrder, kPurchaseOrder);
  if (!found)
    return std::nullopt;
  return SentPurchaseOrder{found->doc_no, found->erp_id};
}

std::vector<ReceiptLineRow> ReceiptStore::Lines(const SentPurchaseOrder& order) {
  std::vector<ReceiptLineRow> lines;
  std::string id = order.erp_id;
  db_.session() << db_.Query("select_purchase_order_for_receipt"), use(id), into(lines), now;
  return lines;
}

void ReceiptStore::SetReceived(const SentPurchaseOrder& order, const std::string& line_no,
                               const std::string& quantity) {
  std::string q = quantity, id = order.erp_id, no = line_no;
  db_.session() << db_.Query("update_purchase_order_line_received"), use(q), use(id), use(no), now;
}

void ReceiptStore::SetStatus(const SentPurchaseOrder& order, DocStatus status,
                             const std::string& wms_message, std::int64_t run_id) {
  std::string s(ToString(status)), id = order.erp_id;
  db_.session() << db_.Query("update_purchase_order_status"), use(s), use(id), now;
  sync_.MarkReported(kPurchaseOrder, order.doc_no, status, wms_message, run_id);
}

}  // namespace wmsbridge::erp
