#pragma once
// What counts as a change, for every document type side by side: the hex SHA-1 of everything
// in a document that Ongoing would see. A document is sent again only when its hash differs
// from the one Ongoing last accepted (R7, R12); a field added to a document must be added here,
// or its changes go unsent. An order's lines leave out the article's name: it is the article
// register's (master data, R9, sent with the article), so renaming an article is no change of
// the orders that hold it. The legacy hashes are the form of versions before 2026-12, kept so
// that what Ongoing accepted from them still compares equal after an upgrade.

#include <string>

#include "stages/wms/wms_types.h"

namespace wmsbridge::wms {

/// Hash of an article definition (ProcessArticle). Does not throw but std::bad_alloc.
std::string PayloadHash(const ArticleDefinition& definition);
/// Hash of an outbound order (ProcessOrder), without article names. Does not throw but
/// std::bad_alloc.
std::string PayloadHash(const CustomerOrder& order);
/// Hash of an in-order (ProcessInOrder), without article names. Does not throw but
/// std::bad_alloc.
std::string PayloadHash(const InOrder& order);
/// The former hash of an outbound order: article names in. Does not throw but std::bad_alloc.
std::string LegacyPayloadHash(const CustomerOrder& order);
/// The former hash of an in-order: article names in. Does not throw but std::bad_alloc.
std::string LegacyPayloadHash(const InOrder& order);

}  // namespace wmsbridge::wms
