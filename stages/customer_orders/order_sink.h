#pragma once
// Loads order documents into Ongoing one at a time (ProcessOrder for customer and internal
// orders, ProcessInOrder for purchase orders) and writes every outcome back: sent, cancelled,
// retired (deleted in the ERP), refused with a reason a person can act on.

#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/stage.h"
#include "stages/customer_orders/order_row.h"
#include "stages/customer_orders/order_transform.h"
#include "stages/erp/erp_database.h"
#include "stages/wms/wms_client.h"
#include "stages/wms/wms_error.h"

namespace wmsbridge::customer_orders {

struct OrderSinkSettings {
  std::string connection_name;
  bool dry_run = false;
  DocumentKind kind;
};

class OrderSink final : public pipeline::Sink<OrderWork> {
 public:
  OrderSink(erp::ErpDatabase& db, wms::WmsClient& client, OrderSinkSettings settings,
            std::int64_t run_id)
      : db_(db), client_(client), settings_(std::move(settings)), run_id_(run_id) {}

  /// Sends, cancels or records each order. Throws Poco::Data::DataException when the ERP
  /// database fails; a WMS that stays unavailable aborts the run through the context.
  void Consume(pipeline::Batch<OrderWork> batch, pipeline::RunContext& context) override;

  std::optional<wms::WmsErrorKind> fatal_wms_error() const { return fatal_wms_error_; }

 private:
  void Load(OrderWork& work, pipeline::RunContext& context);
  /// What Ongoing holds under the document's number, or nullopt (none, or the read failed).
  std::optional<wms::DocumentState> LookUp(const OrderWork& work);

  erp::ErpDatabase& db_;
  wms::WmsClient& client_;
  OrderSinkSettings settings_;
  std::int64_t run_id_;
  std::optional<wms::WmsErrorKind> fatal_wms_error_;
};

/// Ongoing's refusal of a document in words a person can act on, told by what Ongoing holds
/// under the number (`state`, read after the refusal): a cancelled document under the number of
/// a new one is R17's reused number; a document the warehouse has started handling is locked.
std::string ExplainRefusal(const DocumentKind& kind, const std::string& number, OrderAction action,
                           bool in_order, const std::string& ongoing_message,
                           const std::optional<wms::DocumentState>& state);

}  // namespace wmsbridge::customer_orders
