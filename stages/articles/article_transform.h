#pragma once
// ERP article -> Ongoing ArticleDefinition (R8), with the checks that make a bad article fail
// alone (R30), and the payload hash that decides whether anything changed since the WMS last
// accepted it.
//
// Field limits: Ongoing publishes none for articles (reference notes, unknown 2), so these are
// ours, chosen to fit the ERP's and common WMS column sizes; docs/article-job.md lists them.

#include "pipeline/map_transform.h"
#include "stages/articles/article_row.h"

namespace wmsbridge::articles {

inline constexpr std::size_t kMaxArticleNumber = 50;
inline constexpr std::size_t kMaxArticleName = 200;
inline constexpr std::size_t kMaxCode = 50;  // barcode, supplier article no, statistics no

class ArticleTransform final : public pipeline::MapTransform<ErpArticleRow, ArticleWork> {
 public:
  /// Never throws for a bad article: it becomes a kRejected ArticleWork with the reason.
  ArticleWork Map(const ErpArticleRow& row) override;
};

}  // namespace wmsbridge::articles
