#include "stages/articles/article_dry_run_line.h"

namespace wmsbridge::articles {

bool MakesCall(const ArticleWork& work) {
  return work.decision == pipeline::OutcomeKind::kSent && !work.held;
}

std::string DryRunLine(const ArticleWork& work) {
  if (work.decision == pipeline::OutcomeKind::kUnchanged)
    return "skip " + work.article_no + ": unchanged";
  if (!MakesCall(work))
    return "refuse " + work.article_no + ": " + work.reason;
  // The adapter always sends articles as CreateOrUpdate (an inactive one as IsActive=false).
  return "ProcessArticle CreateOrUpdate " + work.article_no;
}

}  // namespace wmsbridge::articles
