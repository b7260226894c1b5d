#pragma once
// What the receipt decision reads: one in-order as Ongoing reports it, with the ERP's view of
// the purchase order it belongs to, loaded by ReceiptReportSource before the decision (R22).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stages/erp/receipt_store.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::readback {

/// One line of the ERP purchase order; quantities in thousandths.
struct ErpReceiptLine {
  std::string line_no;
  std::string article_no;
  std::string article_type;   // SERVICE: never sent to the warehouse, never received
  std::int64_t quantity = 0;  // ordered
  std::int64_t received = 0;  // received so far, as the last report set it

  bool IsStock() const { return !article_no.empty() && article_type != "SERVICE"; }
};

/// The ERP's view of a purchase order this connection sent.
struct ErpReceipt {
  erp::SentPurchaseOrder order;
  std::vector<ErpReceiptLine> lines;
};

struct ReceiptReport {
  wms::ReceivedInOrder in_order;
  std::optional<ErpReceipt> erp;  // nullopt: not a purchase order this connection sent
};

}  // namespace wmsbridge::readback
