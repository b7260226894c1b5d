#pragma once
// The delivery decision (R18, R19, R26), a pure function of Ongoing's report and the ERP's
// view of the document: whether the report is ours and shipped, whether it can be applied,
// and if so the document's new state — delivered quantities set absolutely, the status, the
// parcels that are new, the invoice lines due. DeliverySink writes what it decided.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "stages/common/time_zone.h"
#include "stages/erp/doc_status.h"
#include "stages/readback/delivery_report.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::readback {

/// The connection's settings the decision depends on.
struct DeliveryRules {
  std::set<int> shipped_statuses;    // Ongoing status codes that mean shipped (default 450, 500)
  bool invoice_at_delivery = false;  // R19
  stages::TimeZone wms_time_zone;    // Ongoing's times without a zone are wall-clock times here
  stages::TimeZone erp_time_zone;    // the zone of the times written to the ERP (shipped_at)
};

enum class DeliveryVerdict {
  kNotShipped,  // skipped: Ongoing's status is not one that means shipped
  kNotOurs,     // skipped: not a document this connection sent
  kRejected,    // the report cannot be applied: nothing of it is (R30)
  kApply,       // apply the new state (a lowered figure too: see `changed`)
  kUnchanged,   // the ERP holds this state already: nothing to write, no transaction
};

/// A line's delivered quantity, absolute, in thousandths.
struct DeliveredQuantity {
  std::string line_no;
  std::int64_t quantity = 0;
};

struct NewParcel {
  std::string tracking_number;
  std::string tracking_url;
};

/// What an invoice line holds: the quantity due (thousandths) at the line's price (hundredths).
struct DueInvoiceLine {
  std::string line_no, article_no, description;
  std::int64_t quantity = 0;
  std::int64_t unit_price = 0;
};

struct DueInvoice {
  std::vector<DueInvoiceLine> lines;
  std::int64_t total = 0;  // hundredths, rounded half up
  bool activate_klarna = false;
};

struct DeliveryDecision {
  DeliveryVerdict verdict = DeliveryVerdict::kNotShipped;
  std::string key;     // the outcome's key: the ERP's doc_no, or Ongoing's order number (or id)
  std::string reason;  // why skipped or rejected
  erp::SentDelivery document;
  // --- kApply ---
  std::vector<DeliveredQuantity> delivered;  // every reported line, set (never added to)
  std::optional<erp::DocStatus> status;      // none while no stock line is delivered
  std::string wms_status;                    // "Ongoing status 450 Sent", shown next to it
  std::vector<NewParcel> new_parcels;        // R26: carrier parcels, in the order they appear
  std::string carrier_code;                  // Ongoing's transporter code
  std::optional<std::string> shipped_at;     // 'YYYY-MM-DD HH:MM:SS' in the ERP's zone; none: when
                                             // applied
  std::optional<DueInvoice> invoice;         // R19: goods this delivery added are due
  bool changed = false;  // a quantity rose, a parcel is new or an invoice is due
  // --- kApply and kUnchanged ---
  // Report-back (reference notes 6c): each Ongoing line whose ReportedNumberOfItems is not yet
  // the quantity the ERP holds once this decision is applied; none when every line says so.
  std::optional<wms::ReportedDocument> report_back;
};

/// Decides one report. Never throws for a bad report: it becomes kRejected with the reason.
DeliveryDecision DecideDelivery(const DeliveryReport& report, const DeliveryRules& rules);

/// The number an invoice with this id gets ("INV-12").
std::string InvoiceNumber(const std::string& invoice_id);

/// The reason of the "applied" run record of a changed document: the status, the new parcels,
/// the invoice (`invoice_no` when one was made).
std::string AppliedReason(const DeliveryDecision& decision, const std::string& invoice_no);

}  // namespace wmsbridge::readback
