#pragma once
// Applies Ongoing's shipped orders to the ERP (R18, R26, R19): per order, in one transaction,
// the delivered quantity of every reported line is set to what Ongoing picked (never added to),
// the order becomes PARTIALLY_DELIVERED or DELIVERED, new parcels are added to
// shipment_tracking, and (when the connection invoices at delivery) what this delivery added is
// invoiced. Applying the same report again changes nothing.

#include <cstdint>
#include <set>
#include <string>

#include "pipeline/stage.h"
#include "stages/erp/erp_database.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::readback {

struct DeliverySinkSettings {
  std::string connection_name;
  std::set<int> shipped_statuses;    // Ongoing status codes that mean shipped (default 450, 500)
  bool invoice_at_delivery = false;  // R19
  bool dry_run = false;
};

class DeliverySink final : public pipeline::Sink<wms::ShippedOrder> {
 public:
  DeliverySink(erp::ErpDatabase& db, DeliverySinkSettings settings, std::int64_t run_id)
      : db_(db), settings_(std::move(settings)), run_id_(run_id) {}

  /// Applies each order; orders not sent by this connection, or not in a shipped status, are
  /// skipped; one that cannot be applied is rejected with the reason. Throws
  /// Poco::Data::DataException when the ERP database fails.
  void Consume(pipeline::Batch<wms::ShippedOrder> batch, pipeline::RunContext& context) override;

 private:
  void Apply(const wms::ShippedOrder& order, pipeline::RunContext& context);

  erp::ErpDatabase& db_;
  DeliverySinkSettings settings_;
  std::int64_t run_id_;
};

}  // namespace wmsbridge::readback
