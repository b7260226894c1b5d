#pragma once
// The receipt decision as a pipeline stage: one decision per report, nothing read or written.

#include "pipeline/map_transform.h"
#include "stages/readback/receipt_decision.h"

namespace wmsbridge::readback {

class ReceiptTransform final : public pipeline::MapTransform<ReceiptReport, ReceiptDecision> {
 public:
  /// Decides one report (DecideReceipt); never throws for a bad report.
  ReceiptDecision Map(const ReceiptReport& report) override { return DecideReceipt(report); }
};

}  // namespace wmsbridge::readback
