#pragma once
// What counts as a change, for every document type side by side: the hex SHA-1 of everything
// in a document that Ongoing would see. A document is sent again only when its hash differs
// from the one Ongoing last accepted (R7, R12); a field added to a document must be added here,
// or its changes go unsent.

#include <string>

#include "stages/wms/wms_types.h"

namespace wmsbridge::wms {

/// Hash of an article definition (ProcessArticle). Does not throw but std::bad_alloc.
std::string PayloadHash(const ArticleDefinition& definition);
/// Hash of an outbound order (ProcessOrder). Does not throw but std::bad_alloc.
std::string PayloadHash(const CustomerOrder& order);
/// Hash of an in-order (ProcessInOrder). Does not throw but std::bad_alloc.
std::string PayloadHash(const InOrder& order);

}  // namespace wmsbridge::wms
