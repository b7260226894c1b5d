#pragma once
// The stock job's sink (R25): an adjustment sets stock_balance to Ongoing's figure and writes
// its journal row and its report line in one transaction; every other decision only stores its
// report line. The change feed's changes of the pair are marked applied in that transaction.
// A dry run writes nothing.

#include <cstdint>

#include "pipeline/stage.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/stock_store.h"
#include "stages/stock/stock_transform.h"

namespace wmsbridge::stock {

class StockSink : public pipeline::Sink<StockWork> {
 public:
  StockSink(erp::ErpDatabase& db, erp::StockStore& store, std::int64_t run_id, bool dry_run)
      : db_(db), store_(store), run_id_(run_id), dry_run_(dry_run) {}

  /// Applies and records every decision (adjusted: sent; equal: unchanged; flagged: rejected,
  /// so the run says a person is needed; report-only and a side missing: skipped).
  /// Throws Poco::Data::DataException when the ERP database fails (the row in hand is rolled
  /// back).
  void Consume(pipeline::Batch<StockWork> batch, pipeline::RunContext& context) override;

 private:
  void Apply(const StockWork& work, pipeline::RunContext& context);

  erp::ErpDatabase& db_;
  erp::StockStore& store_;
  std::int64_t run_id_;
  bool dry_run_;
};

}  // namespace wmsbridge::stock
