#pragma once
// Drives one run: Source -> Transform -> Sink, one batch at a time.
//
// Error policy (the one place it is written down):
//  * Expected per-record failures are DATA. A bad record is a RecordOutcome (kRejected), a
//    record that cannot be done now is a RecordOutcome (kFailed); the run goes on. Transforms
//    never throw for a bad record: they carry the problem in their output row.
//  * When going on is pointless (the far side is down for good), a stage calls
//    RunContext::Abort(reason): the batch in hand ends at the next row, no further batch is
//    pulled, status kAborted. Transient trouble is first retried (RunContext::Retry).
//  * Fatal failures are EXCEPTIONS (a broken configuration, a lost database, a programming
//    error): the runner marks the report kAborted with the exception text and rethrows.
//
// Batches are pulled lazily: the next one is requested only after the previous one was
// consumed and dropped, so memory stays at about one batch per stage whatever the run's size.

#include <cstddef>
#include <exception>
#include <optional>
#include <string_view>
#include <utility>

#include "pipeline/run_context.h"
#include "pipeline/run_report.h"
#include "pipeline/stage.h"

namespace wmsbridge::pipeline {
namespace detail {

// Non-template halves of RunPipeline, so each instantiation stays a few lines.

/// Throws std::invalid_argument for batch_size 0; logs the start of the run.
void BeginRun(RunContext& context, std::size_t batch_size);
/// Gives the progress meter (if the run has one) the source's count of rows.
void AnnounceTotal(RunContext& context, std::optional<std::size_t> total);
/// True when the run shows progress, so counting the rows first is worth a query.
bool WantsTotal(const RunContext& context);
/// Throws std::logic_error if a transform changed the row count (one in, one out).
void CheckTransformed(RunContext& context, std::size_t rows_in, std::size_t rows_out);
/// Throws std::logic_error if a sink recorded more outcomes than rows, or fewer without a stop.
void CheckConsumed(RunContext& context, std::size_t rows, std::size_t recorded);
/// Decides, stores and logs the final status.
RunStatus FinishRun(RunContext& context, bool exhausted);
/// Marks the run aborted with the exception text (for a rethrow that follows).
void FailRun(RunContext& context, std::string_view what);

}  // namespace detail

/// Runs source -> transform -> sink until the source is exhausted, a stop is requested or the
/// run is aborted; returns the final status and stores it in context.Report(): kAborted if
/// aborted, kStopped if stopped before the source ran dry, kCompletedWithRejects if any record
/// was rejected or failed, else kCompleted. A stage exception propagates after the report is
/// marked kAborted with its text. Throws std::invalid_argument for batch_size 0 and
/// std::logic_error when a stage breaks its row contract.
template <typename A, typename B>
RunStatus RunPipeline(Source<A>& source, Transform<A, B>& transform, Sink<B>& sink,
                      RunContext& context, std::size_t batch_size = 500) {
  detail::BeginRun(context, batch_size);
  bool exhausted = false;
  try {
    if (detail::WantsTotal(context))
      detail::AnnounceTotal(context, source.CountRows());
    while (!context.StopRequested()) {
      std::optional<Batch<A>> batch = source.Next(batch_size);
      if (!batch) {
        exhausted = true;
        break;
      }
      const std::size_t rows_in = batch->rows.size();
      Batch<B> out = transform.Process(std::move(*batch));
      batch.reset();  // drop the moved-from input before the sink runs
      const std::size_t rows_out = out.rows.size();
      detail::CheckTransformed(context, rows_in, rows_out);
      const std::size_t recorded_before = context.Report().Total();
      sink.Consume(std::move(out), context);
      detail::CheckConsumed(context, rows_out, context.Report().Total() - recorded_before);
    }
  } catch (const std::exception& error) {
    detail::FailRun(context, error.what());
    throw;
  } catch (...) {
    detail::FailRun(context, "unknown exception");
    throw;
  }
  return detail::FinishRun(context, exhausted);
}

}  // namespace wmsbridge::pipeline
