#pragma once
// Loads articles into the WMS one at a time (Ongoing runs a goods owner's writes sequentially)
// and writes the outcome back to the ERP side: sync state only after the WMS accepted (R31),
// a run record per sent or refused article (R29). Outcomes are committed in groups
// (erp::RecordGroup): at the latest at the end of each batch, on a stop and before an error
// ends the run.

#include <cstdint>
#include <iosfwd>
#include <string>

#include "pipeline/stage.h"
#include "stages/articles/article_row.h"
#include "stages/erp/document_recorder.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/record_group.h"
#include "stages/wms/request_renderer.h"
#include "stages/wms/wms_client.h"
#include "stages/wms/wms_error.h"

namespace wmsbridge::articles {

inline constexpr const char* kDocType = "article";

struct ArticleSinkSettings {
  std::string connection_name;
  bool dry_run = false;  // report what would be sent; send and write nothing
  /// A dry run names each article here with the call it would make; null: stdout.
  std::ostream* dry_run_out = nullptr;
  /// Set: a dry run also prints the request of each call it would make, secrets masked.
  wms::RequestRenderer* show_xml = nullptr;
  /// How many outcomes, and how old, one ERP commit takes (commit_group_size, commit_group_ms).
  erp::RecordGroupLimits group = {};
};

class ArticleSink final : public pipeline::Sink<ArticleWork> {
 public:
  ArticleSink(erp::ErpDatabase& db, wms::WmsClient& client, ArticleSinkSettings settings,
              std::int64_t run_id)
      : client_(client),
        settings_(std::move(settings)),
        record_(db, settings_.connection_name, kDocType, run_id, &group_),
        group_(db, settings_.group) {}

  /// Sends what changed and records every outcome. WMS rejections are per-article outcomes (the
  /// refused payload kept, R32); a held article is only counted and recorded in the run.
  /// Throws wms::WmsError when the WMS stays unavailable (the client retried) or refuses the
  /// logon, after recording why the article in hand was not sent; Poco::Data::DataException
  /// when the ERP database fails (a group that did not commit is not recorded: the exception
  /// says so). Every outcome of the batch is committed before it returns or throws a WMS error.
  void Consume(pipeline::Batch<ArticleWork> batch, pipeline::RunContext& context) override;

 private:
  void Load(ArticleWork& work, pipeline::RunContext& context);
  /// A dry run's line for `work` (and with show_xml its request). Throws what the renderer
  /// throws.
  void Tell(const ArticleWork& work);

  wms::WmsClient& client_;
  ArticleSinkSettings settings_;
  // The group is ended (its writer joined) before the recorder whose writes it may hold.
  erp::DocumentRecorder record_;
  erp::RecordGroup group_;
};

}  // namespace wmsbridge::articles
