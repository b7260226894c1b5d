#pragma once
// A transform that maps each row on its own: one in, one out, in order. Jobs whose decision is
// per record derive from it and write only Map.

#include "pipeline/stage.h"

namespace wmsbridge::pipeline {

template <typename In, typename Out>
class MapTransform : public Transform<In, Out> {
 public:
  /// Maps every row with Map.
  Batch<Out> Process(Batch<In> batch) final {
    Batch<Out> out;
    out.rows.reserve(batch.rows.size());
    for (const In& row : batch.rows)
      out.rows.push_back(Map(row));
    return out;
  }

  /// One row. A per-record problem is data in Out, never an exception; throws only on a
  /// programming or environment error (fatal).
  virtual Out Map(const In& row) = 0;
};

}  // namespace wmsbridge::pipeline
