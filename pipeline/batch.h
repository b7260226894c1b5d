#pragma once
// A batch of rows moving between stages. Batches travel by value and are moved, never copied
// on the hot path: each stage takes ownership, so a batch lives exactly as long as it is used.

#include <vector>

namespace wmsbridge::pipeline {

template <typename Row>
struct Batch {
  std::vector<Row> rows;
};

}  // namespace wmsbridge::pipeline
