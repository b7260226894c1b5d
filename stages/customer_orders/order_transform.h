#pragma once
// ERP customer order -> Ongoing CustomerOrder (R5, R6, R10, R11, R13), with the decisions that
// make a bad order fail alone (R30), and the rules on updates, cancelling and reused numbers
// (R14-R17). docs/customer-order-job.md explains every mapping decision.

#include <functional>
#include <set>
#include <string>

#include "pipeline/stage.h"
#include "stages/customer_orders/order_row.h"

namespace wmsbridge::customer_orders {

/// What the run knows of Ongoing: transporter services ("CODE/SERVICE") and currencies.
/// Transporters are read from the WMS once per run, only when an order needs them.
struct OrderRunState {
  std::function<const std::set<std::string>&()> transporter_services;
  std::set<std::string> currencies;
};

class OrderTransform final : public pipeline::Transform<ErpOrder, OrderWork> {
 public:
  explicit OrderTransform(OrderRunState& state) : state_(state) {}

  /// Never throws for a bad order (it becomes kReject with the reason); may throw WmsError
  /// when reading the transporters fails.
  pipeline::Batch<OrderWork> Process(pipeline::Batch<ErpOrder> batch) override;

  /// One order; public for unit tests.
  OrderWork Map(const ErpOrder& order);

 private:
  OrderRunState& state_;
};

/// Hash of everything in an order that Ongoing would see (hex SHA-1).
std::string PayloadHash(const wms::CustomerOrder& order);

/// What a kind of order document is called and how a person sends one again.
struct DocumentKind {
  std::string doc_type = kDocType;              // wms_ tables' doc_type
  std::string noun = "order";                   // in messages
  std::string send_command = "customer-order";  // wmsbridge send <send_command> NO
};

/// The words of R17 for a number Ongoing keeps for a deleted (cancelled) document.
std::string ReusedNumberMessage(const DocumentKind& kind, const std::string& number);

}  // namespace wmsbridge::customer_orders
