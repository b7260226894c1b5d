// RunPipeline: batching, outcome counting, stop, abort, exceptions, laziness, row contracts.
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/runner.h"
#include "pipeline/stop_signal.h"
#include "tests/pipeline/capture_channel.h"
#include "tests/pipeline/print.h"

namespace wmsbridge::pipeline {
namespace {

using testing::CapturedLogger;

// The ids 1..count in batches of at most max_rows; counts and traces its pulls.
class IdSource : public Source<int> {
 public:
  explicit IdSource(int count, std::vector<std::string>* trace = nullptr)
      : count_(count), trace_(trace) {}

  std::optional<Batch<int>> Next(std::size_t max_rows) override {
    ++pulls;
    requested.push_back(max_rows);
    if (trace_ != nullptr)
      trace_->push_back("next");
    if (throw_on_pull == pulls)
      throw std::runtime_error("database connection lost");
    if (next_ > count_)
      return std::nullopt;
    Batch<int> batch;
    while (next_ <= count_ && batch.rows.size() < max_rows)
      batch.rows.push_back(next_++);
    return batch;
  }

  int pulls = 0;
  std::vector<std::size_t> requested;
  std::optional<int> throw_on_pull;

 private:
  int count_;
  int next_ = 1;
  std::vector<std::string>* trace_;
};

struct Item {
  int id;
  OutcomeKind kind;
};

OutcomeKind KindFor(int id) {
  if (id % 7 == 0)
    return OutcomeKind::kRejected;
  if (id % 5 == 0)
    return OutcomeKind::kFailed;
  if (id % 3 == 0)
    return OutcomeKind::kUnchanged;
  if (id % 11 == 0)
    return OutcomeKind::kSkipped;
  return OutcomeKind::kSent;
}

// Decides each row's fate from its id, as a validating transform would: as data, not throws.
class ClassifyTransform : public Transform<int, Item> {
 public:
  Batch<Item> Process(Batch<int> batch) override {
    Batch<Item> out;
    for (int id : batch.rows) {
      if (id != drop_id)
        out.rows.push_back({id, KindFor(id)});
    }
    return out;
  }
  int drop_id = -1;  // to break the one-in-one-out contract on purpose
};

// Records one outcome per row and honours stops between rows, as the Sink contract says.
// on_row runs while a row is in flight and may change its outcome.
class RecordingSink : public Sink<Item> {
 public:
  explicit RecordingSink(std::vector<std::string>* trace = nullptr) : trace_(trace) {}

  void Consume(Batch<Item> batch, RunContext& context) override {
    ++batches;
    if (trace_ != nullptr)
      trace_->push_back("consume");
    for (Item& item : batch.rows) {
      if (on_row)
        on_row(item.id, item.kind, context);
      if (item.id == skip_record_id)
        continue;
      context.Record({std::to_string(item.id), item.kind, "because " + std::to_string(item.id)});
      if (context.StopRequested())
        return;
    }
  }

  int batches = 0;
  int skip_record_id = -1;  // to break the one-outcome-per-row contract on purpose
  std::function<void(int id, OutcomeKind& kind, RunContext&)> on_row;

 private:
  std::vector<std::string>* trace_;
};

BOOST_AUTO_TEST_SUITE(runner)

BOOST_AUTO_TEST_CASE(runner_streams_all_batches_and_counts_outcomes) {
  CapturedLogger log("test.runner.streams");
  RunContext context(7, "ids", log.logger);
  IdSource source(20);
  ClassifyTransform transform;
  RecordingSink sink;

  const RunStatus status = RunPipeline(source, transform, sink, context, 6);

  BOOST_TEST(status == RunStatus::kCompletedWithRejects);
  BOOST_TEST(context.Report().Status() == std::optional(RunStatus::kCompletedWithRejects));
  BOOST_TEST(source.pulls == 5);  // 6 + 6 + 6 + 2, then nullopt
  BOOST_TEST(sink.batches == 4);
  BOOST_TEST(source.requested == std::vector<std::size_t>(5, 6), boost::test_tools::per_element());
  const RunReport& report = context.Report();
  BOOST_TEST(report.Total() == 20u);
  BOOST_TEST(report.Count(OutcomeKind::kSent) == 8u);       // 1 2 4 8 13 16 17 19
  BOOST_TEST(report.Count(OutcomeKind::kUnchanged) == 5u);  // 3 6 9 12 18
  BOOST_TEST(report.Count(OutcomeKind::kRejected) == 2u);   // 7 14
  BOOST_TEST(report.Count(OutcomeKind::kFailed) == 4u);     // 5 10 15 20
  BOOST_TEST(report.Count(OutcomeKind::kSkipped) == 1u);    // 11
  BOOST_TEST(
      report.Summary().rfind("sent 8, unchanged 5, rejected 2, failed 4, skipped 1 in ", 0) == 0u);
  BOOST_TEST(report.FinishedAt().has_value());
}

BOOST_AUTO_TEST_CASE(runner_completes_clean_when_no_record_has_a_problem) {
  CapturedLogger log("test.runner.clean");
  RunContext context(1, "ids", log.logger);
  IdSource source(4);  // 1 2 3 4: sent, sent, unchanged, sent
  ClassifyTransform transform;
  RecordingSink sink;

  BOOST_TEST(RunPipeline(source, transform, sink, context) == RunStatus::kCompleted);
  BOOST_TEST(source.requested.front() == 500u);  // the default batch size
  BOOST_TEST(context.Report().Total() == 4u);
}

BOOST_AUTO_TEST_CASE(runner_stops_after_row_in_flight_when_stop_requested) {
  CapturedLogger log("test.runner.stop");
  RunContext context(2, "ids", log.logger);
  IdSource source(12);
  ClassifyTransform transform;
  RecordingSink sink;
  sink.on_row = [](int id, OutcomeKind&, RunContext& ctx) {
    if (id == 6)
      ctx.RequestStop();  // second row of the second batch
  };

  const RunStatus status = RunPipeline(source, transform, sink, context, 4);

  BOOST_TEST(status == RunStatus::kStopped);
  BOOST_TEST(context.Report().Status() == std::optional(RunStatus::kStopped));
  BOOST_TEST(context.Report().Total() == 6u);  // rows 1..6: the row in flight was recorded
  BOOST_TEST(source.pulls == 2);               // no third batch was pulled
  BOOST_TEST(sink.batches == 2);
}

BOOST_AUTO_TEST_CASE(runner_stops_on_sigterm_through_stop_signal) {
  CapturedLogger log("test.runner.sigterm");
  StopSignal signal;
  RunContext context(3, "ids", log.logger, RunOptions{.stop_signal = &signal});
  IdSource source(12);
  ClassifyTransform transform;
  RecordingSink sink;
  sink.on_row = [](int id, OutcomeKind&, RunContext&) {
    if (id == 3)
      std::raise(SIGTERM);
  };

  BOOST_TEST(RunPipeline(source, transform, sink, context, 4) == RunStatus::kStopped);
  BOOST_TEST(context.Report().Total() == 3u);
  BOOST_TEST(source.pulls == 1);
  BOOST_TEST(signal.SignalNumber() == SIGTERM);
}

BOOST_AUTO_TEST_CASE(runner_marks_aborted_and_stops_pulling) {
  CapturedLogger log("test.runner.abort");
  RunContext context(4, "ids", log.logger);
  IdSource source(12);
  ClassifyTransform transform;
  RecordingSink sink;
  sink.on_row = [](int id, OutcomeKind& kind, RunContext& ctx) {
    if (id != 2)
      return;
    kind = OutcomeKind::kFailed;
    ctx.Abort("far side down");
  };

  const RunStatus status = RunPipeline(source, transform, sink, context, 4);

  BOOST_TEST(status == RunStatus::kAborted);
  BOOST_TEST(context.Aborted());
  BOOST_TEST(context.Report().Status() == std::optional(RunStatus::kAborted));
  BOOST_TEST(context.Report().AbortReason() == "far side down");
  BOOST_TEST(context.Report().Total() == 2u);  // the batch ended at the aborting row
  BOOST_TEST(context.Report().Count(OutcomeKind::kFailed) == 1u);
  BOOST_TEST(source.pulls == 1);
  BOOST_TEST(context.Report().Summary().find("(aborted: far side down)") != std::string::npos);
  bool logged_error = false;
  for (const auto& line : log.Lines()) {
    if (line.priority == Poco::Message::PRIO_ERROR &&
        line.text.find("far side down") != std::string::npos) {
      logged_error = true;
    }
  }
  BOOST_TEST(logged_error);
}

BOOST_AUTO_TEST_CASE(runner_rethrows_stage_exception_and_marks_aborted) {
  {
    CapturedLogger log("test.runner.source_throws");
    RunContext context(5, "ids", log.logger);
    IdSource source(12);
    source.throw_on_pull = 2;
    ClassifyTransform transform;
    RecordingSink sink;
    BOOST_CHECK_EXCEPTION(RunPipeline(source, transform, sink, context, 4), std::runtime_error,
                          [](const std::runtime_error& e) {
                            return std::string(e.what()) == "database connection lost";
                          });
    BOOST_TEST(context.Report().Status() == std::optional(RunStatus::kAborted));
    BOOST_TEST(context.Report().AbortReason() == "database connection lost");
    BOOST_TEST(context.Report().Total() == 4u);  // the first batch still counts
  }
  {
    CapturedLogger log("test.runner.sink_throws");
    RunContext context(6, "ids", log.logger);
    IdSource source(12);
    ClassifyTransform transform;
    RecordingSink sink;
    sink.on_row = [](int id, OutcomeKind&, RunContext&) {
      if (id == 6)
        throw std::runtime_error("disk full");
    };
    BOOST_CHECK_THROW(RunPipeline(source, transform, sink, context, 4), std::runtime_error);
    BOOST_TEST(context.Report().Status() == std::optional(RunStatus::kAborted));
    BOOST_TEST(context.Report().AbortReason() == "disk full");
    BOOST_TEST(context.Report().Total() == 5u);
    BOOST_TEST(source.pulls == 2);
  }
}

// Counts live instances, to see how many rows the pipeline holds at once.
struct LiveRow {
  static inline int live = 0;
  explicit LiveRow(int row_id) : id(row_id) { ++live; }
  LiveRow(const LiveRow& other) : id(other.id) { ++live; }
  LiveRow(LiveRow&& other) noexcept : id(other.id) { ++live; }
  LiveRow& operator=(const LiveRow&) = default;
  LiveRow& operator=(LiveRow&&) noexcept = default;
  ~LiveRow() { --live; }
  int id;
};

class LiveSource : public Source<LiveRow> {
 public:
  LiveSource(int batches, std::vector<std::string>& trace) : batches_(batches), trace_(trace) {}
  std::optional<Batch<LiveRow>> Next(std::size_t max_rows) override {
    trace_.push_back("next");
    live_at_pull.push_back(LiveRow::live);
    if (served_ == batches_)
      return std::nullopt;
    ++served_;
    Batch<LiveRow> batch;
    for (std::size_t i = 0; i < max_rows; ++i)
      batch.rows.emplace_back(static_cast<int>(i));
    return batch;
  }
  std::vector<int> live_at_pull;

 private:
  int batches_;
  int served_ = 0;
  std::vector<std::string>& trace_;
};

class CopyTransform : public Transform<LiveRow, LiveRow> {
 public:
  Batch<LiveRow> Process(Batch<LiveRow> batch) override {
    Batch<LiveRow> out;
    for (const LiveRow& row : batch.rows)
      out.rows.push_back(row);  // a fresh row per row
    return out;
  }
};

class LiveSink : public Sink<LiveRow> {
 public:
  explicit LiveSink(std::vector<std::string>& trace) : trace_(trace) {}
  void Consume(Batch<LiveRow> batch, RunContext& context) override {
    trace_.push_back("consume");
    live_in_sink.push_back(LiveRow::live);
    for (const LiveRow& row : batch.rows) {
      context.Record({std::to_string(row.id), OutcomeKind::kSent, ""});
    }
  }
  std::vector<int> live_in_sink;

 private:
  std::vector<std::string>& trace_;
};

BOOST_AUTO_TEST_CASE(source_is_pulled_lazily) {
  CapturedLogger log("test.runner.lazy");
  RunContext context(8, "rows", log.logger);
  std::vector<std::string> trace;
  LiveSource source(5, trace);
  CopyTransform transform;
  LiveSink sink(trace);

  BOOST_TEST(RunPipeline(source, transform, sink, context, 50) == RunStatus::kCompleted);

  // Strictly alternating: a batch is asked for only after the previous one was consumed.
  const std::vector<std::string> expected{"next", "consume", "next", "consume", "next", "consume",
                                          "next", "consume", "next", "consume", "next"};
  BOOST_TEST(trace == expected, boost::test_tools::per_element());
  // Nothing of earlier batches is alive at a pull, and the sink sees only its own batch
  // (the transform's input is gone): memory stays at one batch whatever the run's length.
  BOOST_TEST(source.live_at_pull == std::vector<int>(6, 0), boost::test_tools::per_element());
  BOOST_TEST(sink.live_in_sink == std::vector<int>(5, 50), boost::test_tools::per_element());
  BOOST_TEST(LiveRow::live == 0);
  BOOST_TEST(context.Report().Total() == 250u);
}

BOOST_AUTO_TEST_CASE(runner_rejects_stages_that_break_the_row_contract) {
  {
    CapturedLogger log("test.runner.transform_drops");
    RunContext context(9, "ids", log.logger);
    IdSource source(8);
    ClassifyTransform transform;
    transform.drop_id = 3;
    RecordingSink sink;
    BOOST_CHECK_THROW(RunPipeline(source, transform, sink, context, 4), std::logic_error);
    BOOST_TEST(context.Report().Status() == std::optional(RunStatus::kAborted));
  }
  {
    CapturedLogger log("test.runner.sink_skips");
    RunContext context(10, "ids", log.logger);
    IdSource source(8);
    ClassifyTransform transform;
    RecordingSink sink;
    sink.skip_record_id = 3;
    BOOST_CHECK_THROW(RunPipeline(source, transform, sink, context, 4), std::logic_error);
    BOOST_TEST(context.Report().Status() == std::optional(RunStatus::kAborted));
  }
  {
    CapturedLogger log("test.runner.zero_batch");
    RunContext context(11, "ids", log.logger);
    IdSource source(8);
    ClassifyTransform transform;
    RecordingSink sink;
    BOOST_CHECK_THROW(RunPipeline(source, transform, sink, context, 0), std::invalid_argument);
    BOOST_TEST(source.pulls == 0);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::pipeline
