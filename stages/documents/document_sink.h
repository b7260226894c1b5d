#pragma once
// Loads order documents into Ongoing one at a time, with the write call of their kind
// (ProcessOrder for customer and internal orders, ProcessInOrder for purchase orders), and
// writes every outcome back: sent, cancelled, retired (deleted in the ERP), refused with a
// reason a person can act on, or not sent because the WMS was unavailable.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "pipeline/stage.h"
#include "stages/documents/document_kind.h"
#include "stages/documents/document_work.h"
#include "stages/erp/document_recorder.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/record_group.h"
#include "stages/wms/wms_client.h"
#include "stages/wms/wms_error.h"

namespace wmsbridge::documents {

struct DocumentSinkSettings {
  std::string connection_name;
  bool dry_run = false;
  DocumentKind kind;
  /// A dry run names each document here with the call it would make (dry_run_line.h); null:
  /// stdout.
  std::ostream* dry_run_out = nullptr;
  /// Set: a dry run also prints the request of each call it would make, secrets masked.
  wms::RequestRenderer* show_xml = nullptr;
  /// How many outcomes, and how old, one ERP commit takes (commit_group_size, commit_group_ms).
  erp::RecordGroupLimits group = {};
};

class DocumentSink final : public pipeline::Sink<DocumentWork> {
 public:
  DocumentSink(erp::ErpDatabase& db, wms::WmsClient& client, DocumentSinkSettings settings,
               std::int64_t run_id)
      : client_(client),
        settings_(std::move(settings)),
        record_(db, settings_.connection_name, settings_.kind.doc_type, run_id, &group_),
        group_(db, settings_.group) {}

  /// Sends, cancels or records each document; a held one (R32) is only counted and recorded
  /// in the run. Throws wms::WmsError when the WMS stays unavailable (the client retried),
  /// refuses the logon or answers that a rate limit was reached, after recording why the
  /// document in hand was not sent (or that it was refused); Poco::Data::DataException when the
  /// ERP database fails (a group that did not commit is not recorded: the exception says so).
  /// Outcomes are committed in groups (erp::RecordGroup); every outcome of the batch is
  /// committed before it returns or throws a WMS error.
  void Consume(pipeline::Batch<DocumentWork> batch, pipeline::RunContext& context) override;

 private:
  void Load(const DocumentWork& work, pipeline::RunContext& context);
  /// A dry run's line for `work` (and with show_xml its request). Throws what the renderer
  /// throws.
  void Tell(const DocumentWork& work);
  /// What Ongoing holds under the document's number; nullopt if nothing, or the read failed
  /// (a rate limit is then put in `rate_limited`).
  std::optional<wms::DocumentState> LookUp(const DocumentWork& work,
                                           std::optional<wms::WmsError>& rate_limited);

  wms::WmsClient& client_;
  DocumentSinkSettings settings_;
  // The group is ended (its writer joined) before the recorder whose writes it may hold.
  erp::DocumentRecorder record_;
  erp::RecordGroup group_;
};

}  // namespace wmsbridge::documents
