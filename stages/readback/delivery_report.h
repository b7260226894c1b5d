#pragma once
// What the delivery decision reads: one shipped order as Ongoing reports it, with the ERP's
// view of the document it belongs to, loaded by DeliveryReportSource before the decision, so
// that the decision itself reads nothing (R18, R19, R26).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "stages/erp/delivery_store.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::readback {

/// One line of the ERP document; quantities in thousandths, the price in hundredths.
struct ErpDeliveryLine {
  std::string line_no;
  std::string article_no;    // empty: a text line (R10)
  std::string article_type;  // SERVICE: freight, fees (R11)
  std::string description;
  std::int64_t quantity = 0;   // ordered
  std::int64_t delivered = 0;  // delivered so far, as the last report set it
  std::int64_t unit_price = 0;

  bool IsText() const { return article_no.empty(); }
  bool IsService() const { return !article_no.empty() && article_type == "SERVICE"; }
};

/// The ERP's view of a document this connection sent.
struct ErpDelivery {
  erp::SentDelivery document;
  std::string payment_method;  // KLARNA: the invoice is marked for activation (R19)
  std::vector<ErpDeliveryLine> lines;
  std::vector<std::string> tracking_numbers;     // already on the order (customer orders)
  std::map<std::string, std::int64_t> invoiced;  // by line_no, in thousandths (when invoicing)
  std::string status;                            // the document's own status in the ERP

  bool IsCustomerOrder() const { return document.type == erp::DeliveredDocType::kCustomerOrder; }
};

struct DeliveryReport {
  wms::ShippedOrder order;
  std::optional<ErpDelivery> erp;  // nullopt: not a document this connection sent
};

}  // namespace wmsbridge::readback
