#pragma once
// ERP article -> Ongoing ArticleDefinition (R8), with the checks that make a bad article fail
// alone (R30), and the payload hash that decides whether anything changed since the WMS last
// accepted it.
//
// Texts follow the one rule of every document sent (stages/common/document_texts.h): the
// limits are those of stages/common/text_rules.h, listed in docs/text-fields.md.

#include <optional>
#include <string>

#include "pipeline/map_transform.h"
#include "stages/articles/article_row.h"

namespace wmsbridge::articles {

class ArticleTransform final : public pipeline::MapTransform<ErpArticleRow, ArticleWork> {
 public:
  /// `resend_refused`: a person asked for every article again (`run articles --full` on the
  /// command line), so an article Ongoing refused as it is goes once more (R32).
  /// `resend_from` (a reload, R28): an article updated in the ERP at or after it ("" = every
  /// article) is sent whatever its stored hash or Ongoing's last refusal.
  explicit ArticleTransform(bool resend_refused = false,
                            std::optional<std::string> resend_from = std::nullopt)
      : resend_refused_(resend_refused), resend_from_(std::move(resend_from)) {}

  /// Never throws for a bad article: it becomes a kRejected ArticleWork with the reason; one
  /// whose payload Ongoing refused last time is held (kRejected, `held`, no call: R32).
  ArticleWork Map(const ErpArticleRow& row) override;

 private:
  bool resend_refused_;
  std::optional<std::string> resend_from_;
};

}  // namespace wmsbridge::articles
