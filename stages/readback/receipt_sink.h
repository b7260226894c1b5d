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

namespace wmsbridge::readback {

struct ReceiptSinkSettings {
  std::string connection_name;
  bool dry_run = false;
};

class ReceiptSink final : public pipeline::Sink<ReceiptDecision> {
 public:
  /// `db` must outlive the sink.
  ReceiptSink(erp::ErpDatabase& db, ReceiptSinkSettings settings, std::int64_t run_id)
      : db_(db),
        store_(db, settings.connection_name),
        runs_(db),
        dry_run_(settings.dry_run),
        run_id_(run_id) {}

  /// Applies each decision and records its outcome: skipped, rejected, sent or unchanged.
  /// Throws Poco::Data::DataException when the ERP database fails (the purchase order in
  /// flight is rolled back).
  void Consume(pipeline::Batch<ReceiptDecision> batch, pipeline::RunContext& context) override;

 private:
  void Apply(const ReceiptDecision& decision, pipeline::RunContext& context);

  erp::ErpDatabase& db_;
  erp::ReceiptStore store_;
  erp::RunStore runs_;
  bool dry_run_;
  std::int64_t run_id_;
};

}  // namespace wmsbridge::readback
