#pragma once
// The receipt decision (R22), a pure function of Ongoing's in-order and the ERP's view of the
// purchase order: whether it is ours, whether it can be applied, and if so the received
// quantities set absolutely and the status. ReceiptSink writes what it decided.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stages/erp/doc_status.h"
#include "stages/readback/receipt_report.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::readback {

enum class ReceiptVerdict {
  kNotOurs,    // skipped: not a purchase order this connection sent
  kRejected,   // the report cannot be applied: nothing of it is (R30)
  kUnchanged,  // every reported quantity is what the ERP holds: nothing to write
  kApply,      // apply the new state
};

/// A line's received quantity, absolute, in thousandths.
struct ReceivedQuantity {
  std::string line_no;
  std::int64_t quantity = 0;
};

struct ReceiptDecision {
  ReceiptVerdict verdict = ReceiptVerdict::kNotOurs;
  std::string key;     // the outcome's key: the ERP's doc_no, or Ongoing's order number
  std::string reason;  // why skipped or rejected
  erp::SentPurchaseOrder order;
  // --- kApply ---
  std::vector<ReceivedQuantity> received;  // every reported line, set (never added to)
  std::optional<erp::DocStatus> status;    // none while nothing is received
  std::string wms_status;                  // "Ongoing in-order status 300 Received"
  // --- kApply and kUnchanged ---
  // Report-back (reference notes 6c): each Ongoing line whose ReportedNumberOfItems is not yet
  // the quantity the ERP holds once this decision is applied; none when every line says so.
  std::optional<wms::ReportedDocument> report_back;
};

/// Decides one report. Never throws for a bad report: it becomes kRejected with the reason.
ReceiptDecision DecideReceipt(const ReceiptReport& report);

}  // namespace wmsbridge::readback
