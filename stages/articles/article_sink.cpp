#include "stages/articles/article_sink.h"

#include "stages/erp/erp_transaction.h"

#include "pipeline/run_context.h"
#include "stages/erp/run_store.h"
#include "stages/erp/sync_state_store.h"
#include "stages/wms/wms_error.h"

namespace wmsbridge::articles {
namespace {

using pipeline::OutcomeKind;

bool IsRetryable(const std::exception& e) {
  const auto* wms_error = dynamic_cast<const wms::WmsError*>(&e);
  return wms_error != nullptr && wms_error->retryable();
}

}  // namespace

void ArticleSink::Consume(pipeline::Batch<ArticleWork> batch, pipeline::RunContext& context) {
  for (ArticleWork& work : batch.rows) {
    if (context.StopRequested() || context.Aborted()) return;
    Load(work, context);
  }
}

void ArticleSink::Load(ArticleWork& work, pipeline::RunContext& context) {
  erp::SyncStateStore sync(db_, settings_.connection_name);
  erp::RunStore runs(db_);
  const std::string erp_id = std::to_string(work.article_id);

  if (work.decision == OutcomeKind::kUnchanged) {
    context.Record({work.article_no, OutcomeKind::kUnchanged, ""});
    return;
  }
  if (work.decision == OutcomeKind::kRejected) {
    if (!settings_.dry_run) {
      erp::ErpTransaction transaction(db_.session());
      sync.MarkError(kDocType, work.article_no, erp_id, work.reason, run_id_);
      runs.Record(run_id_, kDocType, work.article_no, "rejected", work.reason);
      transaction.Commit();
    }
    context.Record({work.article_no, OutcomeKind::kRejected, work.reason});
    return;
  }
  if (settings_.dry_run) {
    context.Record({work.article_no, OutcomeKind::kSent, "dry run: would be sent"});
    return;
  }

  wms::WriteResult result;
  try {
    // Retries (with back-off) only what may succeed later: time-outs, HTTP errors, faults.
    result = context.Retry(IsRetryable, [&] { return client_.ProcessArticle(work.definition); });
  } catch (const wms::WmsError& e) {
    if (e.kind() == wms::WmsErrorKind::kRejected) {
      const std::string reason = "Ongoing refused the article: " + e.message();
      erp::ErpTransaction transaction(db_.session());
      sync.MarkError(kDocType, work.article_no, erp_id, reason, run_id_);
      runs.Record(run_id_, kDocType, work.article_no, "rejected", reason);
      transaction.Commit();
      context.Record({work.article_no, OutcomeKind::kRejected, reason});
      return;
    }
    // The WMS is down or refuses us: nothing more can be sent in this run. The article keeps
    // its state and is tried again by the next run.
    const std::string reason = std::string(wms::ToString(e.kind())) + ": " + e.message();
    fatal_wms_error_ = e.kind();
    runs.Record(run_id_, kDocType, work.article_no, "failed", reason);
    context.Record({work.article_no, OutcomeKind::kFailed, reason});
    context.Abort(e.kind() == wms::WmsErrorKind::kLogon ? "WMS logon failed: " + e.message()
                                                        : "WMS unavailable: " + reason);
    return;
  }

  erp::ErpTransaction transaction(db_.session());
  sync.MarkAccepted({kDocType, work.article_no, erp_id, result.wms_id, work.payload_hash,
                     erp::DocStatus::kSent, std::nullopt},
                    run_id_);
  runs.Record(run_id_, kDocType, work.article_no, "sent", "");
  transaction.Commit();
  context.Record({work.article_no, OutcomeKind::kSent, ""});
}

}  // namespace wmsbridge::articles
