#include "stages/articles/article_sink.h"

#include <iostream>

#include "pipeline/run_context.h"
#include "stages/articles/article_dry_run_line.h"
#include "stages/common/wms_call.h"
#include "stages/erp/document_recorder.h"

namespace wmsbridge::articles {

using pipeline::OutcomeKind;

void ArticleSink::Consume(pipeline::Batch<ArticleWork> batch, pipeline::RunContext& context) {
  // Every outcome is committed before it returns or throws: the next page is read after this.
  group_.CommitAfter([&] {
    for (ArticleWork& work : batch.rows) {
      if (context.StopRequested())
        break;
      Load(work, context);
    }
  });
}

void ArticleSink::Tell(const ArticleWork& work) {
  std::ostream& out = settings_.dry_run_out != nullptr ? *settings_.dry_run_out : std::cout;
  out << DryRunLine(work) << "\n";
  if (settings_.show_xml != nullptr && MakesCall(work))
    out << settings_.show_xml->ArticleRequest(work.definition) << "\n";
  out.flush();
}

void ArticleSink::Load(ArticleWork& work, pipeline::RunContext& context) {
  if (settings_.dry_run)
    Tell(work);
  erp::DocumentRecorder& record = record_;
  const std::string erp_id = std::to_string(work.article_id);

  if (work.decision == OutcomeKind::kUnchanged) {
    context.Record({work.article_no, OutcomeKind::kUnchanged, ""});
    return;
  }
  if (work.held) {  // R32: no call; the article keeps Ongoing's refusal
    if (!settings_.dry_run)
      record.Held(work.article_no, work.reason);
    context.Record({work.article_no, OutcomeKind::kRejected, work.reason});
    return;
  }
  if (work.decision == OutcomeKind::kRejected) {
    if (!settings_.dry_run)
      record.Refused(work.article_no, erp_id, work.reason);
    context.Record({work.article_no, OutcomeKind::kRejected, work.reason});
    return;
  }
  if (settings_.dry_run) {
    context.Record({work.article_no, OutcomeKind::kSent, "dry run: would be sent"});
    return;
  }

  group_.CommitIfDue();  // no record waits on the wire past the group's time bound
  std::string refusal;
  const auto result =
      stages::CallWms([&] { return client_.ProcessArticle(work.definition); }, refusal,
                      [&](const std::string& reason) {
                        // The WMS is down or refuses us: the article keeps its
                        // state; the next run sends it.
                        record.Failed(work.article_no, erp_id, reason);
                        context.Record({work.article_no, OutcomeKind::kFailed, reason});
                      });
  if (result) {
    record.Accepted(work.article_no, erp_id, result->wms_id, work.payload_hash,
                    erp::DocStatus::kSent, std::nullopt);
    context.Record({work.article_no, OutcomeKind::kSent, ""});
  } else {
    // R32: the same payload is not sent again (ArticleTransform holds it).
    const std::string reason = "Ongoing refused the article: " + refusal +
                               "; not sent again until it changes or a person runs `wmsbridge "
                               "run articles --full`";
    record.RefusedByWms(work.article_no, erp_id, reason, work.payload_hash);
    context.Record({work.article_no, OutcomeKind::kRejected, reason});
  }
}

}  // namespace wmsbridge::articles
