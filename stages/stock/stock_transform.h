#pragma once
// The stock job's transform: DecideStock for every row (pure; stock_decision.h).

#include "pipeline/map_transform.h"
#include "stages/stock/stock_decision.h"
#include "stages/stock/stock_source.h"

namespace wmsbridge::stock {

/// A decision with the warehouse it belongs to.
struct StockWork {
  StockPlace place;
  StockDecision decision;
};

class StockTransform : public pipeline::MapTransform<StockRow, StockWork> {
 public:
  explicit StockTransform(StockSettings settings) : settings_(std::move(settings)) {}
  /// Decides one row; never throws for data.
  StockWork Map(const StockRow& row) override {
    return {row.place, DecideStock(row.row, settings_)};
  }

 private:
  StockSettings settings_;
};

}  // namespace wmsbridge::stock
