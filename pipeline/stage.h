#pragma once
// The three stage roles of a pipeline: Source -> Transform -> Sink (see runner.h for how they
// are driven and for the error policy). A stage object serves one run: it may keep the state of
// that run (a cursor, a connection), so create a fresh one per run from the job's settings.

#include <cstddef>
#include <optional>

#include "pipeline/batch.h"

namespace wmsbridge::pipeline {

class RunContext;

template <typename Out>
class Source {
 public:
  virtual ~Source() = default;
  /// Next batch of at most max_rows rows, or std::nullopt when exhausted. Called until nullopt.
  /// May throw (fatal).
  virtual std::optional<Batch<Out>> Next(std::size_t max_rows) = 0;
  /// How many rows the run will see, if the source can tell cheaply (a COUNT query, the
  /// documents it was named); nullopt when it cannot. Called at most once, before the first
  /// Next, and only when someone watches the progress. May throw (fatal).
  virtual std::optional<std::size_t> CountRows() { return std::nullopt; }
};

template <typename In, typename Out>
class Transform {
 public:
  virtual ~Transform() = default;
  /// One in, one out: returns exactly one row per input row, in order. Pure w.r.t. the run:
  /// per-record problems become data in Out, never exceptions. Throws only on a programming
  /// or environment error (fatal).
  virtual Batch<Out> Process(Batch<In> batch) = 0;
};

template <typename In>
class Sink {
 public:
  virtual ~Sink() = default;
  /// Consumes one batch; records one RecordOutcome per row through context.Record(); checks
  /// context.StopRequested() between rows and returns early when set (finishing and recording
  /// the row in flight). May throw (fatal).
  virtual void Consume(Batch<In> batch, RunContext& context) = 0;
};

}  // namespace wmsbridge::pipeline
