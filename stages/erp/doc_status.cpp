#include "stages/erp/doc_status.h"

namespace wmsbridge::erp {

std::string_view ToString(DocStatus status) {
  switch (status) {
    case DocStatus::kNotSent:
      return "NOT_SENT";
    case DocStatus::kSent:
      return "SENT";
    case DocStatus::kCancelled:
      return "CANCELLED";
    case DocStatus::kDelivered:
      return "DELIVERED";
    case DocStatus::kPartiallyDelivered:
      return "PARTIALLY_DELIVERED";
    case DocStatus::kReceived:
      return "RECEIVED";
    case DocStatus::kPartiallyReceived:
      return "PARTIALLY_RECEIVED";
    case DocStatus::kError:
      return "ERROR";
  }
  return "ERROR";
}

std::optional<DocStatus> ParseDocStatus(std::string_view name) {
  for (const DocStatus s :
       {DocStatus::kNotSent, DocStatus::kSent, DocStatus::kCancelled, DocStatus::kDelivered,
        DocStatus::kPartiallyDelivered, DocStatus::kReceived, DocStatus::kPartiallyReceived,
        DocStatus::kError}) {
    if (ToString(s) == name)
      return s;
  }
  return std::nullopt;
}

}  // namespace wmsbridge::erp
