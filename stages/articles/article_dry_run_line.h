#pragma once
// What a dry run says of one article: `ProcessArticle CreateOrUpdate A-1`, `skip A-2:
// unchanged`, or `refuse A-3: <the reason a real run records>`.

#include <string>

#include "stages/articles/article_row.h"

namespace wmsbridge::articles {

/// The line for `work` (no newline). Does not throw but std::bad_alloc.
std::string DryRunLine(const ArticleWork& work);

/// True when a real run would call ProcessArticle for `work`. Does not throw.
bool MakesCall(const ArticleWork& work);

}  // namespace wmsbridge::articles
