#pragma once
// Applies decided receipts to the ERP's purchase orders (R22): per purchase order, in one
// transaction, what DecideReceipt decided — received quantities set, status — and the
// "applied" run record; a rejected report gets its "rejected" run record. A dry run writes
// nothing. It decides nothing itself.

#include <cstdint>
#include <string>

#include "pipeline/stage.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/receipt_store.h"
#include "stages/erp/run_store.h"
#include "stages/readback/receipt_decision.h"
#include "stages/readback/report_back_marker.h"

namespace wmsbridge::readback {

struct ReceiptSinkSettings {
  std::string connection_name;
  bool dry_run = false;
  // Report-back mode: marks in Ongoing what the ERP holds (never in a dry run); null: the
  // time-window read, which marks nothing. Must outlive the sink.
  ReportBackMarker* report_back = nullptr;
};

class ReceiptSink final : public pipeline::Sink<ReceiptDecision> {
 public:
  /// `db` must outlive the sink.
  ReceiptSink(erp::ErpDatabase& db, ReceiptSinkSettings settings, std::int64_t run_id)
      : db_(db),
        store_(db, settings.connection_name),
        runs_(db),
        dry_run_(settings.dry_run),
        report_back_(settings.report_back),
        run_id_(run_id) {}

  /// Applies each decision and records its outcome: skipped, rejected, sent or unchanged.
  /// Throws Poco::Data::DataException when the ERP database fails (the purchase order in
  /// flight is rolled back).
  void Consume(pipeline::Batch<ReceiptDecision> batch, pipeline::RunContext& context) override;

 private:
  void Apply(const ReceiptDecision& decision, pipeline::RunContext& context);
  // Marks what the ERP now holds of the decision's in-order (report-back mode only).
  void MarkReported(const ReceiptDecision& decision, pipeline::RunContext& context);

  erp::ErpDatabase& db_;
  erp::ReceiptStore store_;
  erp::RunStore runs_;
  bool dry_run_;
  ReportBackMarker* report_back_;
  std::int64_t run_id_;
};

}  // namespace wmsbridge::readback
