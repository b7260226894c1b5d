#pragma once
// One row of sql/queries/extract_articles.sql, and what the transform makes of it.

#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/record_outcome.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::articles {

struct ErpArticleRow {
  std::int64_t article_id = 0;
  std::string article_no;
  std::string article_type;
  std::string name;
  std::string supplier_article_no;
  std::string barcode;
  std::string intrastat_no;
  std::optional<std::string> weight_kg;
  std::optional<std::string> volume_m3;
  bool is_active = false;
  std::string updated_at;
  std::optional<std::string> last_payload_hash;  // what the WMS last accepted
  std::optional<std::string> last_status;
};

/// An article ready to load: either a definition to send (with its payload hash), or a
/// decision already made (unchanged, rejected with a reason).
struct ArticleWork {
  std::int64_t article_id = 0;
  std::string article_no;
  std::string updated_at;
  pipeline::OutcomeKind decision = pipeline::OutcomeKind::kSent;  // kSent = send it
  std::string reason;
  wms::ArticleDefinition definition;
  std::string payload_hash;
};

}  // namespace wmsbridge::articles
