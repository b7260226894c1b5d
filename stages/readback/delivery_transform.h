#pragma once
// The delivery decision as a pipeline stage: one decision per report, nothing read or written.

#include "pipeline/stage.h"
#include "stages/readback/delivery_decision.h"

namespace wmsbridge::readback {

class DeliveryTransform final : public pipeline::Transform<DeliveryReport, DeliveryDecision> {
 public:
  explicit DeliveryTransform(DeliveryRules rules) : rules_(std::move(rules)) {}

  /// Decides each report (DecideDelivery); never throws for a bad report.
  pipeline::Batch<DeliveryDecision> Process(pipeline::Batch<DeliveryReport> batch) override {
    pipeline::Batch<DeliveryDecision> out;
    out.rows.reserve(batch.rows.size());
    for (const DeliveryReport& report : batch.rows)
      out.rows.push_back(DecideDelivery(report, rules_));
    return out;
  }

 private:
  DeliveryRules rules_;
};

}  // namespace wmsbridge::readback
