#pragma once
// The states a document shows next to it in the ERP (wms_sync_state.status, the
// wms_document_status view); read-back writes the delivered and received ones onto the ERP's
// own documents too.

#include <optional>
#include <string_view>

namespace wmsbridge::erp {

/// The states a document shows in wms_document_status.
enum class DocStatus {
  kNotSent,
  kSent,
  kCancelled,
  kDelivered,
  kPartiallyDelivered,
  kReceived,
  kPartiallyReceived,
  kError
};

/// The name the tables hold ("PARTIALLY_DELIVERED").
std::string_view ToString(DocStatus status);
/// The status a table's name stands for; nullopt for any other text. Never throws.
std::optional<DocStatus> ParseDocStatus(std::string_view name);

}  // namespace wmsbridge::erp
