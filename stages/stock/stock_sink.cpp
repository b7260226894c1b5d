#include "stages/stock/stock_sink.h"

#include "pipeline/clock.h"
#include "pipeline/run_context.h"
#include "stages/erp/erp_transaction.h"

namespace wmsbridge::stock {
namespace {

using pipeline::OutcomeKind;

OutcomeKind OutcomeOf(StockAction action) {
  switch (action) {
    case StockAction::kAdjusted:
      return OutcomeKind::kSent;
    case StockAction::kEqual:
      return OutcomeKind::kUnchanged;
    case StockAction::kFlagged:
      return OutcomeKind::kRejected;  // a person must look: the run says so (exit 65)
    case StockAction::kReportOnly:
    case StockAction::kOnlyInErp:
    case StockAction::kOnlyInWms:
      break;
  }
  // Listed in the report; master data or a report-only run, not a failure of this run.
  return OutcomeKind::kSkipped;
}

}  // namespace

void StockSink::Consume(pipeline::Batch<StockWork> batch, pipeline::RunContext& context) {
  for (const StockWork& work : batch.rows) {
    if (context.StopRequested())
      return;
    Apply(work, context);
  }
}

void StockSink::Apply(const StockWork& work, pipeline::RunContext& context) {
  const StockDecision& d = work.decision;
  const std::string key = work.place.erp.code + "/" + d.row.article_no;
  const OutcomeKind outcome = OutcomeOf(d.action);
  if (dry_run_) {
    context.Record({key, outcome == OutcomeKind::kSent ? OutcomeKind::kSkipped : outcome,
                    d.apply ? "dry run: would set " + d.wms_quantity : d.reason});
    return;
  }
  erp::ErpTransaction transaction(db_.session());
  if (d.apply) {
    store_.Adjust(run_id_, work.place.erp, d.row.article_no,
                  d.row.erp_present ? std::optional<std::string>(d.erp_quantity) : std::nullopt,
                  d.wms_quantity, d.difference, pipeline::UtcNowText());
  }
  // The feed's changes of this pair are applied with it: a crash before this commit leaves
  // them to be read again, one after it lets the next run skip them by id.
  store_.ApplyChanges(work.place.erp.warehouse_id, d.row.article_no);
  store_.AddReportLine(run_id_, work.place.erp.code, d.row.article_no,
                       d.row.erp_present ? d.erp_quantity : "",
                       d.row.wms_present ? d.wms_quantity : "", d.difference, d.abs_difference,
                       std::string(ToString(d.action)), d.reason);
  transaction.Commit();
  context.Record({key, outcome, d.reason});
}

}  // namespace wmsbridge::stock
