#pragma once
// What a dry run says of one order-like document: the call it would make, or why it makes none.
//   ProcessOrder CreateOrUpdate 100501 (3 lines)
//   ProcessOrder Remove 100498 (cancelled in the ERP)
//   skip 100502: unchanged
//   refuse 100508: <the reason a real run records>

#include <string>

#include "stages/documents/document_kind.h"
#include "stages/documents/document_work.h"

namespace wmsbridge::documents {

/// The line for `work` (no newline). Does not throw but std::bad_alloc.
std::string DryRunLine(const DocumentKind& kind, const DocumentWork& work);

/// True when a real run would make a write call for `work` (send, cancel, retire). Does not
/// throw.
bool MakesCall(const DocumentWork& work);

}  // namespace wmsbridge::documents
