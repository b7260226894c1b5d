#pragma once
// The receipt decision as a pipeline stage: one decision per report, nothing read or written.

#include "pipeline/stage.h"
#include "stages/readback/receipt_decision.h"

namespace wmsbridge::readback {

class ReceiptTransform final : public pipeline::Transform<ReceiptReport, ReceiptDecision> {
 public:
  /// Decides each report (DecideReceipt); never throws for a bad report.
  pipeline::Batch<ReceiptDecision> Process(pipeline::Batch<ReceiptReport> batch) override {
    pipeline::Batch<ReceiptDecision> out;
    out.rows.reserve(batch.rows.size());
    for (const ReceiptReport& report : batch.rows)
      out.rows.push_back(DecideReceipt(report));
    return out;
  }
};

}  // namespace wmsbridge::readback
