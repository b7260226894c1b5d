#pragma once
// The article the export reads (erp::ArticleRow), and what the transform makes of it.

#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/record_outcome.h"
#include "stages/erp/article_row.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::articles {

/// The ERP row the article export reads (stages/erp/article_row.h).
using ErpArticleRow = erp::ArticleRow;

/// An article ready to load: either a definition to send (with its payload hash), or a
/// decision already made (unchanged, rejected with a reason).
struct ArticleWork {
  std::int64_t article_id = 0;
  std::string article_no;
  std::string updated_at;
  pipeline::OutcomeKind decision = pipeline::OutcomeKind::kSent;  // kSent = send it
  std::string reason;
  bool held = false;  // kRejected without a call: Ongoing refused this very payload (R32)
  wms::ArticleDefinition definition;
  std::string payload_hash;
};

}  // namespace wmsbridge::articles
