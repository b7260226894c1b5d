#pragma once
// A transform that hands its batch on unchanged, for jobs whose sink does all the work.

#include "pipeline/stage.h"

namespace wmsbridge::pipeline {

template <typename Row>
class PassThrough final : public Transform<Row, Row> {
 public:
  /// Returns the batch as it came; never throws.
  Batch<Row> Process(Batch<Row> batch) override { return batch; }
};

}  // namespace wmsbridge::pipeline
