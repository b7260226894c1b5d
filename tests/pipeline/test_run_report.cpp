// RunReport and the outcome names: counting, the kept problems, the summary line.
#include <boost/test/unit_test.hpp>

#include <string>
#include <thread>

#include "pipeline/run_report.h"
#include "tests/pipeline/print.h"

namespace wmsbridge::pipeline {
namespace {

BOOST_AUTO_TEST_SUITE(run_report)

BOOST_AUTO_TEST_CASE(outcome_and_status_names_are_stable) {
  // These names end up in the database and in operators' scripts.
  BOOST_TEST(ToString(OutcomeKind::kSent) == "sent");
  BOOST_TEST(ToString(OutcomeKind::kUnchanged) == "unchanged");
  BOOST_TEST(ToString(OutcomeKind::kRejected) == "rejected");
  BOOST_TEST(ToString(OutcomeKind::kFailed) == "failed");
  BOOST_TEST(ToString(OutcomeKind::kSkipped) == "skipped");
  BOOST_TEST(ToString(RunStatus::kCompleted) == "completed");
  BOOST_TEST(ToString(RunStatus::kCompletedWithRejects) == "completed_with_rejects");
  BOOST_TEST(ToString(RunStatus::kStopped) == "stopped");
  BOOST_TEST(ToString(RunStatus::kAborted) == "aborted");
}

BOOST_AUTO_TEST_CASE(report_keeps_first_failures_and_counts_the_rest) {
  RunReport report(3);
  report.Add({"A1", OutcomeKind::kSent, ""});
  for (int i = 1; i <= 4; ++i) {
    report.Add({"R" + std::to_string(i), OutcomeKind::kRejected, "no weight " + std::to_string(i)});
  }
  report.Add({"S1", OutcomeKind::kSkipped, "other warehouse"});  // not a problem: not kept
  report.Add({"F1", OutcomeKind::kFailed, "timeout"});

  BOOST_TEST(report.Total() == 7u);
  BOOST_TEST(report.Count(OutcomeKind::kRejected) == 4u);
  BOOST_TEST(report.Count(OutcomeKind::kFailed) == 1u);
  BOOST_TEST(report.Count(OutcomeKind::kSkipped) == 1u);
  BOOST_TEST(report.Problems() == 5u);
  BOOST_REQUIRE(report.KeptProblems().size() == 3u);
  BOOST_TEST(report.KeptProblems()[0].key == "R1");
  BOOST_TEST(report.KeptProblems()[0].reason == "no weight 1");
  BOOST_TEST(report.KeptProblems()[2].key == "R3");
  BOOST_TEST(report.UnkeptProblems() == 2u);  // R4 and F1: counted only
}

BOOST_AUTO_TEST_CASE(report_summary_counts_every_kind_and_shows_how_it_ended) {
  RunReport report;
  BOOST_TEST(!report.Status().has_value());
  BOOST_TEST(!report.FinishedAt().has_value());
  for (int i = 0; i < 12; ++i)
    report.Add({"k", OutcomeKind::kSent, ""});
  for (int i = 0; i < 3; ++i)
    report.Add({"k", OutcomeKind::kUnchanged, ""});
  report.Add({"k", OutcomeKind::kRejected, "bad"});
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  report.Finish(RunStatus::kCompletedWithRejects);

  const std::string summary = report.Summary();
  BOOST_TEST(summary.rfind("sent 12, unchanged 3, rejected 1, failed 0, skipped 0 in 0.", 0) == 0u,
             summary);
  BOOST_TEST(summary.size() >= 3u);
  BOOST_TEST(summary.substr(summary.size() - 2) == " s");
  BOOST_TEST(summary != "sent 12, unchanged 3, rejected 1, failed 0, skipped 0 in 0.0 s");
  BOOST_TEST(report.Status() == std::optional(RunStatus::kCompletedWithRejects));
  BOOST_TEST(report.FinishedAt().has_value());
  BOOST_TEST((*report.FinishedAt() >= report.StartedAt()));

  RunReport stopped;
  stopped.Finish(RunStatus::kStopped);
  BOOST_TEST(stopped.Summary().find("(stopped)") != std::string::npos);

  RunReport aborted;
  aborted.SetAbortReason("far side down");
  aborted.SetAbortReason("later consequence");  // the first reason is the cause
  aborted.Finish(RunStatus::kAborted);
  BOOST_TEST(aborted.AbortReason() == "far side down");
  BOOST_TEST(aborted.Summary().find("(aborted: far side down)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::pipeline
