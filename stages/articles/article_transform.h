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
  /// `resend_refused`: a person asked for every article again (`run articles --full` on the
  /// command line), so an article Ongoing refused as it is goes once more (R32).
  explicit ArticleTransform(bool resend_refused = false) : resend_refused_(resend_refused) {}

  /// Never throws for a bad article: it becomes a kRejected ArticleWork with the reason; one
  /// whose payload Ongoing refused last time is held (kRejected, `held`, no call: R32).
  ArticleWork Map(const ErpArticleRow& row) override;

 private:
  bool resend_refused_;
};

}  // namespace wmsbridge::articles
