#pragma once
// ERP customer order -> Ongoing CustomerOrder (R5, R6, R10, R11, R13), with the decisions that
// make a bad order fail alone (R30), and the rules on updates, cancelling and reused numbers
// (R14-R17). docs/customer-order-job.md explains every mapping decision.

#include <set>
#include <string>

#include "pipeline/map_transform.h"
#include "stages/customer_orders/order_kind.h"
#include "stages/customer_orders/transporter_services.h"
#include "stages/documents/document_kind.h"
#include "stages/documents/document_work.h"
#include "stages/documents/warehouse_codes.h"
#include "stages/erp/customer_order_row.h"

namespace wmsbridge::customer_orders {

/// What the run knows of Ongoing: its transporter services (filled by the source when an
/// order needs them) and the currencies it knows; and the connection's choices: Ongoing's code
/// of each ERP warehouse (R3) and whether consignees with a mobile number get an SMS.
struct OrderRunState {
  TransporterServices transporters;
  std::set<std::string> currencies;
  documents::WarehouseCodes warehouses;
  bool sms_notification = false;
  std::string start_date;  // R4: YYYY-MM-DD; orders delivered before it are not sent
};

class OrderTransform final
    : public pipeline::MapTransform<erp::CustomerOrderRow, documents::DocumentWork> {
 public:
  /// `state` must outlive the transform.
  explicit OrderTransform(const OrderRunState& state) : state_(state) {}

  /// Never throws for a bad order: it becomes kReject with the reason.
  documents::DocumentWork Map(const erp::CustomerOrderRow& order) override;

 private:
  /// The order as Ongoing would get it, or why it cannot be built; the decisions every kind
  /// shares follow in documents::Decide.
  documents::DocumentWork Build(const erp::CustomerOrderRow& order) const;

  const OrderRunState& state_;
  documents::DocumentKind kind_ = CustomerOrderKind();
};

}  // namespace wmsbridge::customer_orders
