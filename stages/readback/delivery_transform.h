#pragma once
// The delivery decision as a pipeline stage: one decision per report, nothing read or written.

#include "pipeline/map_transform.h"
#include "stages/readback/delivery_decision.h"

namespace wmsbridge::readback {

class DeliveryTransform final : public pipeline::MapTransform<DeliveryReport, DeliveryDecision> {
 public:
  explicit DeliveryTransform(DeliveryRules rules) : rules_(std::move(rules)) {}

  /// Decides one report (DecideDelivery); never throws for a bad report.
  DeliveryDecision Map(const DeliveryReport& report) override {
    return DecideDelivery(report, rules_);
  }

 private:
  DeliveryRules rules_;
};

}  // namespace wmsbridge::readback
