#include "stages/ongoing/soap_wms_client.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "soapServiceSoapProxy.h"
#include "stages/ongoing/rate_limit_answer.h"
#include "stages/ongoing/soap_conversions.h"

namespace wmsbridge::ongoing {
namespace {

std::once_flag ssl_init_once;

std::string Lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

class SoapWmsClient::Impl {
 public:
  Impl(WmsEndpoint endpoint, WmsClientOptions options)
      : endpoint_(std::move(endpoint)),
        options_(std::move(options)),
        // Keep-alive: one TCP (and TLS) connection serves the whole run. UTF-8 strings pass
        // through as they are (Swedish names and addresses).
        proxy_(SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING, SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING) {
    const std::string lower_url = Lower(endpoint_.url);
    const bool https = lower_url.rfind("https://", 0) == 0;
    if (!https && lower_url.rfind("http://", 0) != 0) {
      throw std::invalid_argument("WMS service URL must start with http:// or https://");
    }
    soap* ctx = proxy_.soap;
    proxy_.soap_endpoint = endpoint_.url.c_str();
    ctx->connect_timeout = static_cast<int>(options_.connect_timeout.count());
    ctx->send_timeout = static_cast<int>(options_.send_timeout.count());
    ctx->recv_timeout = static_cast<int>(options_.receive_timeout.count());
    ctx->user = this;
    // Every HTTP header passes here first: a rate-limited answer's Retry-After is kept.
    next_parse_header_ = ctx->fparsehdr;
    ctx->fparsehdr = &Impl::ParseHeader;
    if (!options_.proxy_host.empty()) {
      // gSOAP keeps the pointers: they point into options_, which lives as long as ctx.
      ctx->proxy_host = options_.proxy_host.c_str();
      ctx->proxy_port = options_.proxy_port;
      if (!options_.proxy_user.empty()) {
        ctx->proxy_userid = options_.proxy_user.c_str();
        ctx->proxy_passwd = options_.proxy_password.reveal().c_str();
      }
    }
    if (https) {
      std::call_once(ssl_init_once, [] { soap_ssl_init(); });
      const unsigned short flags =
          options_.verify_certificates ? SOAP_SSL_DEFAULT : SOAP_SSL_NO_AUTHENTICATION;
      const char* ca_file = options_.ca_file.empty() ? nullptr : options_.ca_file.c_str();
      const char* ca_path = options_.ca_path.empty() ? "/etc/ssl/certs" : options_.ca_path.c_str();
      if (soap_ssl_client_context(ctx, flags, nullptr, nullptr, ca_file, ca_path, nullptr) !=
          SOAP_OK) {
        throw wms::WmsError(wms::WmsErrorKind::kConnect, "TLS setup", FaultText());
      }
    }
    if (options_.message_dump) {
      // Tee the raw bytes (HTTP header and SOAP body) so the dump shows what really travelled.
      next_send_ = ctx->fsend;
      next_recv_ = ctx->frecv;
      ctx->fsend = &Impl::TeeSend;
      ctx->frecv = &Impl::TeeRecv;
    }
  }

  ~Impl() { proxy_.destroy(); }

  /// Runs one call: fills the credentials, sends, classifies any failure, frees the context.
  /// `call` returns the gSOAP status; `on_success` reads the answer before it is freed.
  template <typename Call, typename OnSuccess>
  void Invoke(const char* operation, Call&& call, OnSuccess&& on_success) {
    sent_.clear();
    received_.clear();
    retry_after_.reset();
    content_length_.reset();
    const auto started = std::chrono::steady_clock::now();
    const int status = call();
    const auto elapsed = std::chrono::steady_clock::now() - started;
    Dump(operation);
    if (status != SOAP_OK) {
      wms::WmsError error = Classify(operation, elapsed);
      Reset();
      soap_closesock(proxy_.soap);  // never reuse a connection in an unknown state
      throw error;
    }
    try {
      on_success();
    } catch (...) {
      Reset();
      throw;
    }
    Reset();
  }

  std::string* Text(const std::string& value) {
    std::string* p = soap_new_std__string(proxy_.soap);
    *p = value;
    return p;
  }

  /// The password travels only here, in the request body.
  template <typename Request>
  void Credentials(Request& request) {
    request.GoodsOwnerCode = Text(endpoint_.goods_owner_code);
    request.UserName = Text(endpoint_.user_name);
    request.Password = Text(endpoint_.password.reveal());
  }

  /// Success=false (or no answer at all) from a Process* call becomes a kRejected error.
  wms::WriteResult CheckWrite(const char* operation, const wsi__FileResultClass* result,
                              int wms_id) {
    if (result == nullptr) {
      throw wms::WmsError(wms::WmsErrorKind::kMalformed, operation, "the answer carried no result");
    }
    const std::string message = result->ErrorMessage && !result->ErrorMessage->empty()
                                    ? *result->ErrorMessage
                                    : (result->Message ? *result->Message : std::string());
    if (!result->Success) {
      throw wms::WmsError(RefusalKind(message), operation,
                          Clean(message.empty() ? "refused without a message" : message));
    }
    return {wms_id, Clean(message)};
  }

  /// The answer of an Update* call (Success, Message): Success=false is a refusal.
  void CheckUpdate(const char* operation, const bool* success, const std::string* message) {
    if (success == nullptr) {
      throw wms::WmsError(wms::WmsErrorKind::kMalformed, operation, "the answer carried no result");
    }
    if (!*success) {
      const std::string text =
          message && !message->empty() ? *message : "refused without a message";
      throw wms::WmsError(RefusalKind(text), operation, Clean(text));
    }
  }

  /// Success=false refuses the document, unless its words say a rate limit was reached: that
  /// is no verdict on the document (rate_limit_answer.h).
  static wms::WmsErrorKind RefusalKind(const std::string& message) {
    return NamesRateLimit(message) ? wms::WmsErrorKind::kRateLimited : wms::WmsErrorKind::kRejected;
  }

  /// The text with every secret masked: the password, the proxy password and the proxy's
  /// Basic credentials (the Proxy-Authorization header gSOAP writes).
  std::string Clean(const std::string& text) const {
    std::string clean = pipeline::Redact(text, {&endpoint_.password, &options_.proxy_password});
    static constexpr std::string_view kProxyAuth = "Proxy-Authorization:";
    for (auto at = clean.find(kProxyAuth); at != std::string::npos;
         at = clean.find(kProxyAuth, at + 1)) {
      const auto start = at + kProxyAuth.size();
      const auto end = clean.find_first_of("\r\n", start);
      clean.replace(start, (end == std::string::npos ? clean.size() : end) - start,
                    std::string(" ") + std::string(pipeline::kRedacted));
    }
    return clean;
  }

  /// The envelope of one request: `fill` fills it in the given context (credentials, the
  /// document); `serialize` and `put` are the stubs' functions of its operation. A context of
  /// its own writes to a string stream, so the connection's context is left alone.
  template <typename Wrapper, typename Fill>
  std::string Envelope(const Wrapper& wrapper, Fill&& fill,
                       void (*serialize)(soap*, const Wrapper*),
                       int (*put)(soap*, const Wrapper*, const char*, const char*),
                       const char* tag) {
    const auto release = [](soap* s) {
      soap_destroy(s);
      soap_end(s);
      soap_free(s);
    };
    std::unique_ptr<soap, decltype(release)> owned(soap_new1(SOAP_C_UTFSTRING | SOAP_XML_INDENT),
                                                   release);
    soap* s = owned.get();
    if (s == nullptr)
      throw std::runtime_error("cannot render the request: out of memory");
    soap_set_namespaces(s, proxy_.soap->namespaces);
    fill(s);
    std::ostringstream out;
    s->os = &out;
    soap_begin(s);
    soap_set_version(s, 1);  // SOAP 1.1, literal, as the proxy sends
    s->encodingStyle = nullptr;
    serialize(s, &wrapper);
    const bool failed = soap_begin_send(s) != SOAP_OK || soap_envelope_begin_out(s) != SOAP_OK ||
                        soap_body_begin_out(s) != SOAP_OK || put(s, &wrapper, tag, "") != SOAP_OK ||
                        soap_body_end_out(s) != SOAP_OK || soap_envelope_end_out(s) != SOAP_OK ||
                        soap_end_send(s) != SOAP_OK;
    s->os = nullptr;
    if (failed)
      throw std::runtime_error("cannot render the request: gSOAP error " +
                               std::to_string(s->error));
    return Clean(out.str());
  }

  /// Credentials in context `s` (Envelope's own).
  template <typename Request>
  void Credentials(soap* s, Request& request) {
    const auto text = [s](const std::string& value) {
      std::string* p = soap_new_std__string(s);
      *p = value;
      return p;
    };
    request.GoodsOwnerCode = text(endpoint_.goods_owner_code);
    request.UserName = text(endpoint_.user_name);
    request.Password = text(endpoint_.password.reveal());
  }

  soap* ctx() { return proxy_.soap; }
  ServiceSoapProxy& proxy() { return proxy_; }
  const char* url() const { return endpoint_.url.c_str(); }

 private:
  static int ParseHeader(soap* ctx, const char* key, const char* value) {
    auto* self = static_cast<Impl*>(ctx->user);
    const std::string name = key != nullptr ? Lower(key) : std::string();
    if (value != nullptr && name == "retry-after")
      self->retry_after_ = ParseRetryAfter(value, std::chrono::system_clock::now());
    if (value != nullptr && name == "content-length")
      self->content_length_ = std::strtoull(value, nullptr, 10);
    return self->next_parse_header_(ctx, key, value);
  }

  static int TeeSend(soap* ctx, const char* data, std::size_t size) {
    auto* self = static_cast<Impl*>(ctx->user);
    self->sent_.append(data, size);
    return self->next_send_(ctx, data, size);
  }

  static std::size_t TeeRecv(soap* ctx, char* data, std::size_t size) {
    auto* self = static_cast<Impl*>(ctx->user);
    const std::size_t got = self->next_recv_(ctx, data, size);
    self->received_.append(data, got);
    return got;
  }

  void Dump(const char* operation) {
    if (!options_.message_dump)
      return;
    options_.message_dump(operation, MessageDirection::kRequest, Clean(sent_));
    options_.message_dump(operation, MessageDirection::kResponse, Clean(received_));
  }

  std::string FaultText() {
    soap* ctx = proxy_.soap;
    std::string text;
    if (const char* s = soap_fault_string(ctx))
      text = s;
    if (const char* d = soap_fault_detail(ctx); d != nullptr && *d != '\0') {
      text += text.empty() ? "" : ": ";
      text += d;
    }
    if (text.empty())
      text = "gSOAP error " + std::to_string(ctx->error);
    return Clean(text);
  }

  wms::WmsError Classify(const char* operation, std::chrono::steady_clock::duration elapsed) {
    soap* ctx = proxy_.soap;
    const int error = ctx->error;
    const int errnum = ctx->errnum;
    const auto near = [&](std::chrono::seconds limit) {
      return limit.count() > 0 && elapsed + std::chrono::milliseconds(200) >= limit;
    };
    using wms::WmsErrorKind;
    if (error == SOAP_TCP_ERROR) {
      if (errnum == ETIMEDOUT || (errnum == 0 && near(options_.connect_timeout))) {
        return {
            WmsErrorKind::kTimeout, operation,
            "connect time-out after " + std::to_string(options_.connect_timeout.count()) + " s"};
      }
      return {WmsErrorKind::kConnect, operation, "cannot connect to the WMS: " + FaultText()};
    }
    if (error == SOAP_SSL_ERROR) {
      return {WmsErrorKind::kConnect, operation, "TLS failure: " + FaultText()};
    }
    if (error == SOAP_EOF) {
      if (errnum == 0 && (near(options_.receive_timeout) || near(options_.send_timeout))) {
        return {WmsErrorKind::kTimeout, operation,
                "no answer within " + std::to_string(options_.receive_timeout.count()) + " s"};
      }
      return {WmsErrorKind::kTransport, operation,
              "the connection closed before the answer was complete"};
    }
    if (error == 200) {
      // HTTP 200 whose body gSOAP could not take as SOAP (wrong content type, not XML).
      return {WmsErrorKind::kMalformed, operation, "the answer is not a SOAP message"};
    }
    if (error == kHttpTooManyRequests) {
      const std::string words = Clean(AnswerWords(RateLimitBody()));
      return {WmsErrorKind::kRateLimited, operation,
              "HTTP 429 Too Many Requests" + (words.empty() ? "" : ": " + words), error,
              retry_after_};
    }
    if (soap_http_error_check(error)) {
      return {WmsErrorKind::kHttp, operation, "HTTP status " + std::to_string(error), error};
    }
    if (error == SOAP_FAULT || error == SOAP_CLI_FAULT || error == SOAP_SVR_FAULT) {
      // A fault's words are no contract: a refused logon is told by VerifyLogon's structured
      // answer, which every job asks for before its first other call. The one exception is a
      // fault that names a rate limit (rate_limit_answer.h).
      const std::string text = FaultText();
      if (NamesRateLimit(text))
        return {WmsErrorKind::kRateLimited, operation, text, 0, retry_after_};
      return {WmsErrorKind::kSoapFault, operation, text};
    }
    if (soap_xml_error_check(error) || error == SOAP_TYPE || error == SOAP_NO_TAG ||
        error == SOAP_VERSIONMISMATCH || error == SOAP_NO_DATA || error == SOAP_EMPTY) {
      return {WmsErrorKind::kMalformed, operation, "the answer is not valid SOAP: " + FaultText()};
    }
    return {WmsErrorKind::kMalformed, operation, FaultText()};
  }

  /// What gSOAP buffered of a 429 answer's body: gSOAP stops reading at the header, but a short
  /// body is in its buffer already (after the header, or alone when it came in a packet of its
  /// own), and it says which limit. The last Content-Length bytes of the buffer are the body.
  std::string RateLimitBody() const {
    const soap* ctx = proxy_.soap;
    const std::string_view buffered(ctx->buf, ctx->buflen);
    if (content_length_ && *content_length_ > 0 && *content_length_ <= buffered.size())
      return std::string(buffered.substr(buffered.size() - *content_length_));
    return "";
  }

  void Reset() {
    soap_destroy(proxy_.soap);
    soap_end(proxy_.soap);
  }

  WmsEndpoint endpoint_;
  WmsClientOptions options_;
  ServiceSoapProxy proxy_;
  int (*next_parse_header_)(soap*, const char*, const char*) = nullptr;
  std::optional<std::chrono::seconds> retry_after_;  // the last answer's Retry-After
  std::optional<std::size_t> content_length_;        // and its Content-Length
  int (*next_send_)(soap*, const char*, std::size_t) = nullptr;
  std::size_t (*next_recv_)(soap*, char*, std::size_t) = nullptr;
  std::string sent_;
  std::string received_;
};

SoapWmsClient::SoapWmsClient(WmsEndpoint endpoint, WmsClientOptions options)
    : impl_(std::make_unique<Impl>(std::move(endpoint), std::move(options))) {}

SoapWmsClient::~SoapWmsClient() = default;

wms::WriteResult SoapWmsClient::ProcessArticle(const wms::ArticleDefinition& article) {
  wms::WriteResult result;
  _wsi__ProcessArticle request;
  _wsi__ProcessArticleResponse response;
  impl_->Invoke(
      "ProcessArticle",
      [&] {
        impl_->Credentials(request);
        request.art = ToSoap(impl_->ctx(), article);
        return impl_->proxy().ProcessArticle(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const wsi__FileResultClass* r = response.ProcessArticleResult;
        result =
            impl_->CheckWrite("ProcessArticle", r, r && r->ArticleDefId ? *r->ArticleDefId : 0);
      });
  return result;
}

wms::WriteResult SoapWmsClient::ProcessOrder(const wms::CustomerOrder& order) {
  wms::WriteResult result;
  _wsi__ProcessOrder request;
  _wsi__ProcessOrderResponse response;
  impl_->Invoke(
      "ProcessOrder",
      [&] {
        impl_->Credentials(request);
        request.co = ToSoap(impl_->ctx(), order);
        return impl_->proxy().ProcessOrder(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const wsi__FileResultClass* r = response.ProcessOrderResult;
        result = impl_->CheckWrite("ProcessOrder", r, r ? r->OrderId : 0);
      });
  return result;
}

wms::WriteResult SoapWmsClient::ProcessInOrder(const wms::InOrder& order) {
  wms::WriteResult result;
  _wsi__ProcessInOrder request;
  _wsi__ProcessInOrderResponse response;
  impl_->Invoke(
      "ProcessInOrder",
      [&] {
        impl_->Credentials(request);
        request.co = ToSoap(impl_->ctx(), order);
        return impl_->proxy().ProcessInOrder(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const wsi__FileResultClass* r = response.ProcessInOrderResult;
        result = impl_->CheckWrite("ProcessInOrder", r, r ? r->InOrderId : 0);
      });
  return result;
}

std::vector<wms::ShippedOrder> SoapWmsClient::GetOrders(const wms::OrderQuery& query) {
  std::vector<wms::ShippedOrder> orders;
  _wsi__GetOrdersByQuery request;
  _wsi__GetOrdersByQueryResponse response;
  impl_->Invoke(
      "GetOrdersByQuery",
      [&] {
        impl_->Credentials(request);
        request.query = ToSoap(impl_->ctx(), query);
        return impl_->proxy().GetOrdersByQuery(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const wsi__GetOrdersResult* r = response.GetOrdersByQueryResult;
        if (r && r->Orders) {
          for (const wsi__Order* o : r->Orders->Order) {
            if (o != nullptr)
              orders.push_back(FromSoap(*o));
          }
        }
      });
  return orders;
}

std::vector<wms::ReceivedInOrder> SoapWmsClient::GetInOrders(const wms::InOrderQuery& query) {
  std::vector<wms::ReceivedInOrder> orders;
  _wsi__GetInOrdersByQuery request;
  _wsi__GetInOrdersByQueryResponse response;
  impl_->Invoke(
      "GetInOrdersByQuery",
      [&] {
        impl_->Credentials(request);
        request.query = ToSoap(impl_->ctx(), query);
        return impl_->proxy().GetInOrdersByQuery(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const wsi__GetInOrdersResult* r = response.GetInOrdersByQueryResult;
        if (r && r->InOrders) {
          for (const wsi__ReceivedInOrder* o : r->InOrders->ReceivedInOrder) {
            if (o != nullptr)
              orders.push_back(FromSoap(*o));
          }
        }
      });
  return orders;
}

void SoapWmsClient::SetOrderLinesReported(const wms::ReportedDocument& order) {
  _wsi__UpdateOrderLines request;
  _wsi__UpdateOrderLinesResponse response;
  impl_->Invoke(
      "UpdateOrderLines",
      [&] {
        impl_->Credentials(request);
        request.UpdateOrderLines = ToSoapOrderLinesReported(impl_->ctx(), order);
        return impl_->proxy().UpdateOrderLines(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const wsi__UpdateOrderLinesResult* r = response.UpdateOrderLinesResult;
        impl_->CheckUpdate("UpdateOrderLines", r ? &r->Success : nullptr, r ? r->Message : nullptr);
      });
}

void SoapWmsClient::SetInOrderLinesReported(const wms::ReportedDocument& in_order) {
  _wsi__UpdateInOrderLines request;
  _wsi__UpdateInOrderLinesResponse response;
  impl_->Invoke(
      "UpdateInOrderLines",
      [&] {
        impl_->Credentials(request);
        request.UpdateInOrderLines = ToSoapInOrderLinesReported(impl_->ctx(), in_order);
        return impl_->proxy().UpdateInOrderLines(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const wsi__UpdateInOrderLinesResult* r = response.UpdateInOrderLinesResult;
        impl_->CheckUpdate("UpdateInOrderLines", r ? &r->Success : nullptr,
                           r ? r->Message : nullptr);
      });
}

std::vector<wms::ArticleStock> SoapWmsClient::GetInventory(const wms::InventoryQuery& query) {
  std::vector<wms::ArticleStock> stock;
  _wsi__GetInventoryByQuery request;
  _wsi__GetInventoryByQueryResponse response;
  impl_->Invoke(
      "GetInventoryByQuery",
      [&] {
        impl_->Credentials(request);
        request.GetInventoryQuery = ToSoapInventoryQuery(impl_->ctx(), query);
        return impl_->proxy().GetInventoryByQuery(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const wsi__InventoryResult* r = response.GetInventoryByQueryResult;
        if (r && r->InventoryLines) {
          for (const wsi__InventoryLine* l : r->InventoryLines->InventoryLine) {
            if (l != nullptr)
              stock.push_back(FromSoap(*l));
          }
        }
      });
  return stock;
}

std::vector<wms::ArticleStock> SoapWmsClient::GetInventoryPerWarehouse(
    const wms::InventoryQuery& query) {
  std::vector<wms::ArticleStock> stock;
  _wsi__GetInventoryPerWarehouse request;
  _wsi__GetInventoryPerWarehouseResponse response;
  impl_->Invoke(
      "GetInventoryPerWarehouse",
      [&] {
        impl_->Credentials(request);
        request.InventoryPerWarehouseQuery = ToSoapPerWarehouseQuery(impl_->ctx(), query);
        return impl_->proxy().GetInventoryPerWarehouse(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const wsi__GetInventoryPerWarehouseResult* r = response.GetInventoryPerWarehouseResult;
        if (r == nullptr) {
          throw wms::WmsError(wms::WmsErrorKind::kMalformed, "GetInventoryPerWarehouse",
                              "the answer carried no result");
        }
        if (!r->Success) {
          std::string message = "refused";
          bool logon = false;
          if (r->GetInventoryPerWarehouseErrors) {
            for (const auto* e : r->GetInventoryPerWarehouseErrors->GetInventoryPerWarehouseError) {
              if (e && e->Message)
                message = *e->Message;
              logon = logon ||
                      (e && e->ErrorType == wsi__GetInventoryPerWarehouseErrorTypes__LogonError);
            }
          }
          throw wms::WmsError(logon ? wms::WmsErrorKind::kLogon : Impl::RefusalKind(message),
                              "GetInventoryPerWarehouse", impl_->Clean(message));
        }
        if (r->PerWarehouseArticleLines) {
          for (const auto* l : r->PerWarehouseArticleLines->PerWarehouseArticleLine) {
            if (l != nullptr)
              stock.push_back(FromSoap(*l));
          }
        }
      });
  return stock;
}

std::vector<wms::InventoryChange> SoapWmsClient::GetInventoryChanges(
    const wms::InventoryChangesQuery& query) {
  std::vector<wms::InventoryChange> changes;
  _wsi__GetInventoryChanges request;
  _wsi__GetInventoryChangesResponse response;
  impl_->Invoke(
      "GetInventoryChanges",
      [&] {
        impl_->Credentials(request);
        request.query = ToSoap(impl_->ctx(), query);
        return impl_->proxy().GetInventoryChanges(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const wsi__InventoryChangesResult* r = response.GetInventoryChangesResult;
        if (r && r->InventoryChangeLines) {
          for (const auto* l : r->InventoryChangeLines->InventoryChangeLine) {
            if (l != nullptr)
              changes.push_back(FromSoap(*l));
          }
        }
      });
  return changes;
}

void SoapWmsClient::SetInventoryChangeReported(int article_system_id, int inventory_id) {
  _wsi__SetInventoryChangesToReported request;
  _wsi__SetInventoryChangesToReportedResponse response;
  impl_->Invoke(
      "SetInventoryChangesToReported",
      [&] {
        impl_->Credentials(request);
        request.Operation = soap_new_wsi__SetInventoryChangesToReportedOperation(impl_->ctx());
        request.Operation->ArticleSystemId = article_system_id;
        request.Operation->InventoryId = inventory_id;
        return impl_->proxy().SetInventoryChangesToReported(impl_->url(), nullptr, &request,
                                                            response);
      },
      [&] {
        const auto* r = response.SetInventoryChangesToReportedResult;
        if (r == nullptr || !r->Success) {
          std::string message = "refused";
          bool logon = false;
          if (r && r->Errors) {
            for (const auto* e : r->Errors->SetInventoryChangesToReportedResultError) {
              if (e && e->Message)
                message = *e->Message;
              logon = logon || (e && e->ErrorType ==
                                         wsi__SetInventoryChangesToReportedErrorType__LogonError);
            }
          }
          throw wms::WmsError(logon ? wms::WmsErrorKind::kLogon : Impl::RefusalKind(message),
                              "SetInventoryChangesToReported", impl_->Clean(message));
        }
      });
}

std::vector<wms::TransporterContract> SoapWmsClient::GetTransporterContracts() {
  std::vector<wms::TransporterContract> contracts;
  _wsi__GetTransporterContracts request;
  _wsi__GetTransporterContractsResponse response;
  impl_->Invoke(
      "GetTransporterContracts",
      [&] {
        impl_->Credentials(request);
        return impl_->proxy().GetTransporterContracts(impl_->url(), nullptr, &request, response);
      },
      [&] {
        if (response.GetTransporterContractsResult) {
          contracts = FromSoap(*response.GetTransporterContractsResult);
        }
      });
  return contracts;
}

std::vector<wms::StatusCode> SoapWmsClient::GetOrderStatuses() {
  std::vector<wms::StatusCode> codes;
  _wsi__GetOrderStatuses request;
  _wsi__GetOrderStatusesResponse response;
  impl_->Invoke(
      "GetOrderStatuses",
      [&] {
        impl_->Credentials(request);
        return impl_->proxy().GetOrderStatuses(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const auto* r = response.GetOrderStatusesResult;
        if (r && r->OrderStatuses) {
          for (const auto* s : r->OrderStatuses->OrderStatus) {
            if (s)
              codes.push_back({s->OrderStatusId, s->OrderStatusName ? *s->OrderStatusName : ""});
          }
        }
      });
  return codes;
}

std::vector<wms::StatusCode> SoapWmsClient::GetInOrderStatuses() {
  std::vector<wms::StatusCode> codes;
  _wsi__GetInOrderStatuses request;
  _wsi__GetInOrderStatusesResponse response;
  impl_->Invoke(
      "GetInOrderStatuses",
      [&] {
        impl_->Credentials(request);
        return impl_->proxy().GetInOrderStatuses(impl_->url(), nullptr, &request, response);
      },
      [&] {
        const auto* r = response.GetInOrderStatusesResult;
        if (r && r->InOrderStatuses) {
          for (const auto* s : r->InOrderStatuses->InOrderStatus) {
            if (s) {
              codes.push_back(
                  {s->InOrderStatusId, s->InOrderStatusName ? *s->InOrderStatusName : ""});
            }
          }
        }
      });
  return codes;
}

wms::SystemStatus SoapWmsClient::GetSystemStatus() {
  wms::SystemStatus status;
  _wsi__GetSystemStatus request;
  _wsi__GetSystemStatusResponse response;
  impl_->Invoke(
      "GetSystemStatus",
      [&] { return impl_->proxy().GetSystemStatus(impl_->url(), nullptr, &request, response); },
      [&] {
        if (const wsi__SystemStatus* s = response.GetSystemStatusResult) {
          status.is_running = s->IsRunning;
          status.text = s->SystemStatusText ? *s->SystemStatusText : "";
          status.build_time = s->BuildTime;
        }
      });
  return status;
}

void SoapWmsClient::VerifyLogon() {
  wms::InventoryQuery one;
  one.max_count = 1;  // the answer's size does not matter; keep it small on a large tenant
  GetInventoryPerWarehouse(one);
}

std::string SoapWmsClient::ArticleRequest(const wms::ArticleDefinition& article) {
  _wsi__ProcessArticle request;
  __wsi__ProcessArticle wrapper;
  wrapper.wsi__ProcessArticle = &request;
  return impl_->Envelope(
      wrapper,
      [&](soap* s) {
        impl_->Credentials(s, request);
        request.art = ToSoap(s, article);
      },
      &soap_serialize___wsi__ProcessArticle, &soap_put___wsi__ProcessArticle,
      "-wsi:ProcessArticle");
}

std::string SoapWmsClient::OrderRequest(const wms::CustomerOrder& order) {
  _wsi__ProcessOrder request;
  __wsi__ProcessOrder wrapper;
  wrapper.wsi__ProcessOrder = &request;
  return impl_->Envelope(
      wrapper,
      [&](soap* s) {
        impl_->Credentials(s, request);
        request.co = ToSoap(s, order);
      },
      &soap_serialize___wsi__ProcessOrder, &soap_put___wsi__ProcessOrder, "-wsi:ProcessOrder");
}

std::string SoapWmsClient::InOrderRequest(const wms::InOrder& order) {
  _wsi__ProcessInOrder request;
  __wsi__ProcessInOrder wrapper;
  wrapper.wsi__ProcessInOrder = &request;
  return impl_->Envelope(
      wrapper,
      [&](soap* s) {
        impl_->Credentials(s, request);
        request.co = ToSoap(s, order);
      },
      &soap_serialize___wsi__ProcessInOrder, &soap_put___wsi__ProcessInOrder,
      "-wsi:ProcessInOrder");
}

}  // namespace wmsbridge::ongoing
