#pragma once
// Applies decided deliveries to the ERP (R18, R19, R26): per document, in one transaction,
// what DecideDelivery decided — delivered quantities set, status, new parcels, the invoice
// (its id and number taken inside the transaction) — and the "applied" run record; a rejected
// report gets its "rejected" run record. A dry run writes nothing. It decides nothing itself.

#include <cstdint>
#include <string>

#include "pipeline/stage.h"
#include "stages/common/time_zone.h"
#include "stages/erp/delivery_store.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/run_store.h"
#include "stages/readback/delivery_decision.h"
#include "stages/readback/report_back_marker.h"

namespace wmsbridge::readback {

struct DeliverySinkSettings {
  std::string connection_name;
  bool dry_run = false;
  stages::TimeZone erp_time_zone;  // the zone of the times it writes (when applied)
  // Report-back mode: marks in Ongoing what the ERP holds (never in a dry run); null: the
  // time-window read, which marks nothing. Must outlive the sink.
  ReportBackMarker* report_back = nullptr;
};

class DeliverySink final : public pipeline::Sink<DeliveryDecision> {
 public:
  /// `db` must outlive the sink.
  DeliverySink(erp::ErpDatabase& db, DeliverySinkSettings settings, std::int64_t run_id)
      : db_(db),
        store_(db, settings.connection_name),
        runs_(db),
        dry_run_(settings.dry_run),
        erp_time_zone_(std::move(settings.erp_time_zone)),
        report_back_(settings.report_back),
        run_id_(run_id) {}

  /// Applies each decision and records its outcome: skipped, rejected, sent (something
  /// changed) or unchanged. Throws Poco::Data::DataException when the ERP database fails (the
  /// document in flight is rolled back).
  void Consume(pipeline::Batch<DeliveryDecision> batch, pipeline::RunContext& context) override;

 private:
  void Apply(const DeliveryDecision& decision, pipeline::RunContext& context);
  // Marks what the ERP now holds of the decision's order (report-back mode only).
  void MarkReported(const DeliveryDecision& decision, pipeline::RunContext& context);

  erp::ErpDatabase& db_;
  erp::DeliveryStore store_;
  erp::RunStore runs_;
  bool dry_run_;
  stages::TimeZone erp_time_zone_;
  ReportBackMarker* report_back_;
  std::int64_t run_id_;
};

}  // namespace wmsbridge::readback
