#include "stages/articles/article_transform.h"

#include "stages/common/document_texts.h"
#include "stages/common/erp_number.h"
#include "stages/common/field_checks.h"
#include "stages/wms/payload_hash.h"

namespace wmsbridge::articles {
namespace {

using pipeline::OutcomeKind;

// What must be there; returns the first problem, or empty. Texts are checked on the
// definition built from them (stages::CheckTexts), as for every document.
std::string Validate(const ErpArticleRow& row) {
  if (row.article_no.empty())
    return "article number is missing";
  if (auto r = stages::NulColumnsProblem(stages::DocumentLabel("article", row.article_no),
                                         row.nul_texts);
      !r.empty()) {
    return r;
  }
  if (row.article_type != "STOCK" && row.article_type != "SERVICE") {
    return "article type '" + stages::Printable(row.article_type) +
           "' is neither STOCK nor SERVICE";
  }
  if (row.name.empty())
    return "article name is missing";
  return {};
}

// A weight or volume as the WMS takes it: canonical, not negative. Sets `reason` if bad.
std::optional<std::string> Measure(const char* field, const std::optional<std::string>& value,
                                   std::string& reason) {
  if (!value)
    return std::nullopt;
  auto canonical = stages::ReadErpNumber(*value);  // "5.0e-05" from SQLite is 0.00005
  if (!canonical) {
    reason = std::string(field) + " '" + *value + "' is not a number";
    return std::nullopt;
  }
  if (canonical->front() == '-') {
    reason = std::string(field) + " " + *canonical + " is negative";
    return std::nullopt;
  }
  return canonical;
}

}  // namespace

ArticleWork ArticleTransform::Map(const ErpArticleRow& row) {
  ArticleWork work;
  work.article_id = row.article_id;
  work.article_no = row.article_no;
  work.updated_at = row.updated_at;
  std::string reason = Validate(row);
  wms::ArticleDefinition& d = work.definition;
  if (reason.empty()) {
    d.weight_kg = Measure("weight", row.weight_kg, reason);
  }
  if (reason.empty()) {
    d.volume_m3 = Measure("volume", row.volume_m3, reason);
  }
  d.article_number = row.article_no;
  d.name = row.name;
  d.supplier_article_number = row.supplier_article_no;
  d.barcode = row.barcode;
  d.statistics_number = row.intrastat_no;
  d.is_stock_article = row.article_type == "STOCK";
  d.is_active = row.is_active;
  if (reason.empty())  // the one text rule, on what would be sent (issue 11 point 4)
    reason = stages::CheckTexts(stages::DocumentLabel("article", row.article_no), d);
  if (!reason.empty()) {
    work.decision = OutcomeKind::kRejected;
    work.reason = reason;
    return work;
  }
  work.payload_hash = PayloadHash(d);
  if (resend_from_ && row.updated_at >= *resend_from_)
    return work;  // reloaded: sent whatever the stored hash or refusal (R28)
  if (row.last_payload_hash && *row.last_payload_hash == work.payload_hash &&
      row.last_status.value_or("") != "ERROR") {
    work.decision = OutcomeKind::kUnchanged;
  } else if (!resend_refused_ && row.refused_payload_hash == work.payload_hash) {
    // R32: Ongoing refused this very payload; sending it again would only add a failed call
    // against its consecutive-failure limit. Held until it changes or a person asks.
    work.decision = OutcomeKind::kRejected;
    work.held = true;
    work.reason = "not sent again: Ongoing refused it as it is, and it has not changed since";
  }
  return work;
}

}  // namespace wmsbridge::articles
