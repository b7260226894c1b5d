#pragma once
// The bare gSOAP loop (issue 15 point 5): the calls wmsbridge makes for a first export, one
// ProcessArticle per article or one ProcessOrder per order (and the reads of a deliveries
// run), made straight on the generated
// proxy with no database, no pipeline and no retry. Each request is built by the adapter's own
// ToSoap (stages/ongoing/soap_conversions.h) on a keep-alive connection set up as
// SoapWmsClient sets up its own, so the bytes on the wire are those wmsbridge sends for the
// same documents; what is left is the floor wmsbridge is measured against.

#include <cstdint>
#include <vector>

#include "stages/ongoing/soap_wms_client.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::bench {

struct BareLoopResult {
  std::int64_t calls = 0;
  std::int64_t refused = 0;  // transport failures and Success=false answers
  double seconds = 0;
};

/// One ProcessArticle per definition, in order. Never throws for a failed call (it counts in
/// `refused`); throws std::runtime_error when gSOAP cannot even allocate its context.
BareLoopResult SendArticles(const ongoing::WmsEndpoint& endpoint,
                            const std::vector<wms::ArticleDefinition>& articles);
/// One ProcessOrder per order, lines included, in order; failures as SendArticles.
BareLoopResult SendOrders(const ongoing::WmsEndpoint& endpoint,
                          const std::vector<wms::CustomerOrder>& orders);

struct BareReadResult {
  std::int64_t pages = 0;
  std::int64_t orders = 0;
  bool failed = false;  // a page failed; the counts say how far it got
  double seconds = 0;
};

/// The read of a deliveries run: GetOrdersByQuery for orders with a status in
/// [status_from, status_to], page after page of `page_size` by Ongoing's order id (as
/// wmsbridge's WmsPageSource pages), each answer turned into domain orders by the adapter's
/// FromSoap; no ERP. Never throws for a failed call (it stops and sets `failed`).
BareReadResult ReadShippedOrders(const ongoing::WmsEndpoint& endpoint, int status_from,
                                 int status_to, int page_size);

}  // namespace wmsbridge::bench
