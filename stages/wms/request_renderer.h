#pragma once
// What a dry run with --show-xml shows: the request a write call would send, as the WMS
// adapter would put it on the wire, with every secret masked. Rendering sends nothing.

#include <string>

#include "stages/wms/wms_types.h"

namespace wmsbridge::wms {

class RequestRenderer {
 public:
  virtual ~RequestRenderer() = default;
  /// The request ProcessArticle would send for `article`, secrets masked; no call is made.
  /// Throws std::runtime_error when it cannot be rendered.
  virtual std::string ArticleRequest(const ArticleDefinition& article) = 0;
  /// The request ProcessOrder would send for `order`, secrets masked; no call is made.
  /// Throws std::runtime_error when it cannot be rendered.
  virtual std::string OrderRequest(const CustomerOrder& order) = 0;
  /// The request ProcessInOrder would send for `order`, secrets masked; no call is made.
  /// Throws std::runtime_error when it cannot be rendered.
  virtual std::string InOrderRequest(const InOrder& order) = 0;
};

}  // namespace wmsbridge::wms
