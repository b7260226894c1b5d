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

std::string KeyOf(const StockWork& work) {
  return work.place.erp.code + "/" + work.decision.row.article_no;
}

}  // namespace

void StockSink::Consume(pipeline::Batch<StockWork> batch, pipeline::RunContext& context) {
  std::vector<const StockWork*> quiet;  // lines that change nothing, not yet written
  for (const StockWork& work : batch.rows) {
    if (context.StopRequested())
      break;
    const StockDecision& d = work.decision;
    if (dry_run_) {
      const OutcomeKind outcome = OutcomeOf(d.action);
      context.Record({KeyOf(work), outcome == OutcomeKind::kSent ? OutcomeKind::kSkipped : outcome,
                      d.apply ? "dry run: would set " + d.wms_quantity : d.reason});
      continue;
    }
    if (d.apply) {
      Adjust(work, context);
      continue;
    }
    quiet.push_back(&work);
    if (quiet.size() >= kLinesPerTransaction)
      WriteQuiet(quiet, context);
  }
  WriteQuiet(quiet, context);  // also on a stop: what was decided is written
}

void StockSink::Adjust(const StockWork& work, pipeline::RunContext& context) {
  const StockDecision& d = work.decision;
  erp::ErpTransaction transaction(db_.session());
  store_.Adjust(run_id_, work.place.erp, d.row.article_no,
                d.row.erp_present ? std::optional<std::string>(d.erp_quantity) : std::nullopt,
                d.wms_quantity, d.difference, pipeline::UtcNowText());
  StoreLine(work);
  transaction.Commit();
  context.Record({KeyOf(work), OutcomeOf(d.action), d.reason});
}

// Nothing in stock_balance changes for these pairs, so one transaction for many costs nothing
// in safety: a run killed before it commits loses only their report lines, and their feed
// changes, not marked applied, are read and compared again by the next run.
void StockSink::WriteQuiet(std::vector<const StockWork*>& quiet, pipeline::RunContext& context) {
  if (quiet.empty())
    return;
  erp::ErpTransaction transaction(db_.session());
  for (const StockWork* work : quiet)
    StoreLine(*work);
  transaction.Commit();
  for (const StockWork* work : quiet)
    context.Record({KeyOf(*work), OutcomeOf(work->decision.action), work->decision.reason});
  quiet.clear();
}

void StockSink::StoreLine(const StockWork& work) {
  const StockDecision& d = work.decision;
  // The feed's changes of this pair are applied with its report line (and adjustment): a crash
  // before this commit leaves them to be read again, one after it lets the next run skip them
  // by id.
  if (feed_)
    store_.ApplyChanges(work.place.erp.warehouse_id, d.row.article_no);
  store_.AddReportLine(run_id_, work.place.erp.code, d.row.article_no,
                       d.row.erp_present ? d.erp_quantity : "",
                       d.row.wms_present ? d.wms_quantity : "", d.difference, d.abs_difference,
                       std::string(ToString(d.action)), d.reason);
}

}  // namespace wmsbridge::stock
