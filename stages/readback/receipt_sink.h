#pragma once
// Applies Ongoing's received in-orders to the ERP's purchase orders (R22): per purchase order,
// in one transaction, each reported line's received quantity is set to what Ongoing received
// (never added to); the purchase order becomes PARTIALLY_RECEIVED or RECEIVED. Applying the
// same report again changes nothing.

#include <cstdint>
#include <string>

#include "pipeline/stage.h"
#include "stages/erp/erp_database.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::readback {

struct ReceiptSinkSettings {
  std::string connection_name;
  bool dry_run = false;
};

class ReceiptSink final : public pipeline::Sink<wms::ReceivedInOrder> {
 public:
  ReceiptSink(erp::ErpDatabase& db, ReceiptSinkSettings settings, std::int64_t run_id)
      : db_(db), settings_(std::move(settings)), run_id_(run_id) {}

  /// Applies each in-order; those not sent by this connection are skipped, one that cannot be
  /// applied is rejected with the reason. Throws Poco::Data::DataException.
  void Consume(pipeline::Batch<wms::ReceivedInOrder> batch, pipeline::RunContext& context) override;

 private:
  void Apply(const wms::ReceivedInOrder& order, pipeline::RunContext& context);

  erp::ErpDatabase& db_;
  ReceiptSinkSettings settings_;
  std::int64_t run_id_;
};

}  // namespace wmsbridge::readback
