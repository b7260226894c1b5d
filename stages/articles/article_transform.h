#pragma once
// ERP article -> Ongoing ArticleDefinition (R8), with the checks that make a bad article fail
// alone (R30), and the payload hash that decides whether anything changed since the WMS last
// accepted it.
//
// Texts follow the one rule of every document sent (stages/common/document_texts.h): the
// limits are those of stages/common/text_rules.h, listed in docs/text-fields.md.

#include "pipeline/map_transform.h"
#include "stages/articles/article_row.h"

namespace wmsbridge::articles {

class ArticleTransform final : public pipeline::MapTransform<ErpArticleRow, ArticleWork> {
 public:
  /// Never throws for a bad article: it becomes a kRejected ArticleWork with the reason.
  ArticleWork Map(const ErpArticleRow& row) override;
};

}  // namespace wmsbridge::articles
