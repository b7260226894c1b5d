#include "tests/bench/bare_loop.h"

#include <chrono>
#include <stdexcept>

#include "soapServiceSoapProxy.h"
#include "stages/ongoing/soap_conversions.h"

namespace wmsbridge::bench {
namespace {

// Keep-alive and UTF-8 strings, as SoapWmsClient's proxy.
constexpr soap_mode kMode = SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING;

std::string* Text(soap* ctx, const std::string& value) {
  std::string* text = soap_new_std__string(ctx);
  *text = value;
  return text;
}

template <typename Request>
void Credentials(soap* ctx, const ongoing::WmsEndpoint& endpoint, Request& request) {
  request.GoodsOwnerCode = Text(ctx, endpoint.goods_owner_code);
  request.UserName = Text(ctx, endpoint.user_name);
  request.Password = Text(ctx, endpoint.password.reveal());
}

// Runs `call(proxy)` once per document; it answers whether the WMS accepted it.
template <typename Document, typename Call>
BareLoopResult Loop(const ongoing::WmsEndpoint& endpoint, const std::vector<Document>& documents,
                    Call&& call) {
  ServiceSoapProxy proxy(kMode, kMode);
  if (proxy.soap == nullptr)
    throw std::runtime_error("cannot allocate a gSOAP context");
  proxy.soap_endpoint = endpoint.url.c_str();
  proxy.soap->connect_timeout = 10;
  proxy.soap->send_timeout = 30;
  proxy.soap->recv_timeout = 120;
  BareLoopResult result;
  const auto started = std::chrono::steady_clock::now();
  for (const Document& document : documents) {
    ++result.calls;
    if (!call(proxy, document)) {
      ++result.refused;
      soap_closesock(proxy.soap);
    }
    soap_destroy(proxy.soap);  // nothing outlives a call, as in SoapWmsClient
    soap_end(proxy.soap);
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  proxy.destroy();
  return result;
}

}  // namespace

BareLoopResult SendArticles(const ongoing::WmsEndpoint& endpoint,
                            const std::vector<wms::ArticleDefinition>& articles) {
  return Loop(
      endpoint, articles, [&](ServiceSoapProxy& proxy, const wms::ArticleDefinition& article) {
        _wsi__ProcessArticle request;
        _wsi__ProcessArticleResponse response;
        Credentials(proxy.soap, endpoint, request);
        request.art = ongoing::ToSoap(proxy.soap, article);
        return proxy.ProcessArticle(endpoint.url.c_str(), nullptr, &request, response) == SOAP_OK &&
               response.ProcessArticleResult != nullptr && response.ProcessArticleResult->Success;
      });
}

BareLoopResult SendOrders(const ongoing::WmsEndpoint& endpoint,
                          const std::vector<wms::CustomerOrder>& orders) {
  return Loop(endpoint, orders, [&](ServiceSoapProxy& proxy, const wms::CustomerOrder& order) {
    _wsi__ProcessOrder request;
    _wsi__ProcessOrderResponse response;
    Credentials(proxy.soap, endpoint, request);
    request.co = ongoing::ToSoap(proxy.soap, order);
    return proxy.ProcessOrder(endpoint.url.c_str(), nullptr, &request, response) == SOAP_OK &&
           response.ProcessOrderResult != nullptr && response.ProcessOrderResult->Success;
  });
}

BareReadResult ReadShippedOrders(const ongoing::WmsEndpoint& endpoint, int status_from,
                                 int status_to, int page_size) {
  ServiceSoapProxy proxy(kMode, kMode);
  if (proxy.soap == nullptr)
    throw std::runtime_error("cannot allocate a gSOAP context");
  proxy.soap_endpoint = endpoint.url.c_str();
  proxy.soap->recv_timeout = 120;
  BareReadResult result;
  wms::OrderQuery query;
  query.status_from = status_from;
  query.status_to = status_to;
  query.max_count = page_size;
  const auto started = std::chrono::steady_clock::now();
  for (bool more = true; more;) {
    _wsi__GetOrdersByQuery request;
    _wsi__GetOrdersByQueryResponse response;
    Credentials(proxy.soap, endpoint, request);
    request.query = ongoing::ToSoap(proxy.soap, query);
    ++result.pages;
    if (proxy.GetOrdersByQuery(endpoint.url.c_str(), nullptr, &request, response) != SOAP_OK) {
      result.failed = true;
      break;
    }
    std::int64_t on_page = 0;
    if (const wsi__GetOrdersResult* r = response.GetOrdersByQueryResult; r && r->Orders) {
      for (const wsi__Order* order : r->Orders->Order) {
        if (order == nullptr)
          continue;
        query.order_id_from = ongoing::FromSoap(*order).order_id;
        ++on_page;
      }
    }
    result.orders += on_page;
    more = on_page == page_size;  // a short page is the last, as in WmsPageSource
    soap_destroy(proxy.soap);
    soap_end(proxy.soap);
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  proxy.destroy();
  return result;
}

}  // namespace wmsbridge::bench
