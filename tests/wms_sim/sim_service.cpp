#include "tests/wms_sim/sim_service.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <new>
#include <stdexcept>

#include "stages/wms/decimal.h"
#include "tests/wms_sim/sim_raw_http.h"
#include "tests/wms_sim/sim_store.h"
#include "tests/wms_sim/sim_time.h"

namespace wmsbridge::sim {

using wms::Decimal;

namespace {

// A request the simulator refuses as a whole (a filter it cannot read): a Client fault.
class BadRequest : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// --- Small conversions between gSOAP's pointers and plain values ------------------------------

std::string Text(const std::string* value) {
  return value ? *value : std::string();
}

std::optional<std::string> Optional(const std::string* value) {
  return value ? std::optional<std::string>(*value) : std::nullopt;
}

// Objects made with soap_new_* / soap_malloc belong to the context and die with it.
std::string* NewText(struct soap* context, const std::string& value) {
  std::string* text = soap_new_std__string(context);
  if (!text) {
    throw std::bad_alloc();
  }
  *text = value;
  return text;
}

std::string* NewTextOrNull(struct soap* context, const std::string& value) {
  return value.empty() ? nullptr : NewText(context, value);
}

template <class T>
T* NewValue(struct soap* context, T value) {
  T* slot = static_cast<T*>(soap_malloc(context, sizeof(T)));
  if (!slot) {
    throw std::bad_alloc();
  }
  *slot = value;
  return slot;
}

// Normalised exact text of a stored quantity ("2.500" -> "2.5"; "" -> "0").
std::string Quantity(const std::string& stored) {
  return Decimal::ParseOrZero(stored).ToString();
}

std::string NonNegative(Decimal value) {
  return (value.IsNegative() ? Decimal() : value).ToString();
}

int ToInt(Decimal value) {
  return static_cast<int>(value.IntegerPart());
}

// A required dateTime: the stamp on the wire, or .NET's "no value".
std::string WireTime(const std::string& stamp, TimeForm form) {
  return stamp.empty() ? std::string(kNoDateTime) : StampToWire(stamp, form);
}

// A nillable dateTime: the stamp on the wire, or nil.
std::string* WireTimeOrNil(struct soap* context, const std::string& stamp, TimeForm form) {
  return stamp.empty() ? nullptr : NewText(context, StampToWire(stamp, form));
}

// A date the client sent us, given back as it came.
std::string ClientTime(const std::string& received) {
  return received.empty() ? std::string(kNoDateTime) : received;
}

std::optional<std::string> FilterTime(const std::string* wire, const char* field) {
  if (!wire || wire->empty()) {
    return std::nullopt;  // nil: no filter
  }
  auto stamp = WireToStamp(*wire);
  if (!stamp) {
    throw BadRequest(std::string(field) + ": '" + *wire + "' is not an xsd:dateTime");
  }
  return stamp;
}

std::optional<int> OptionalInt(const int* value) {
  return value ? std::optional<int>(*value) : std::nullopt;
}

std::vector<std::string> Strings(const wsi__ArrayOfString* array) {
  return array ? array->string : std::vector<std::string>();
}

std::vector<int> Ints(const wsi__ArrayOfInt* array) {
  return array ? array->int_ : std::vector<int>();
}

LineIdentification ToLineIdentification(wsi__OrderLineIdentificationType type) {
  switch (type) {
    case wsi__OrderLineIdentificationType__ExternalOrderLineCode:
      return LineIdentification::kExternalOrderLineCode;
    case wsi__OrderLineIdentificationType__ArticleNumber:
      return LineIdentification::kArticleNumber;
    default:
      return LineIdentification::kOther;
  }
}

std::string BuildTime() {
  // __DATE__ is "Nov 27 2026" (day padded with a space), __TIME__ "01:44:41".
  Poco::DateTime built;
  int zone = 0;
  if (Poco::DateTimeParser::tryParse("%b %e %Y %H:%M:%S", std::string(__DATE__) + " " + __TIME__,
                                     built, zone)) {
    return Poco::DateTimeFormatter::format(built, "%Y-%m-%dT%H:%M:%S");
  }
  return kNoDateTime;
}

// --- Records to gSOAP objects -------------------------------------------------------------------

wsi__FileResultClass* ToSoap(struct soap* context, const ProcessResult& result) {
  auto* file_result = soap_new_wsi__FileResultClass(context);
  file_result->Success = result.success;
  file_result->Message = NewTextOrNull(context, result.message);
  file_result->ErrorMessage = NewTextOrNull(context, result.error_message);
  file_result->GoodsOwnerOrderNumber = NewTextOrNull(context, result.order_number);
  file_result->OrderId = result.order_id;
  file_result->InOrderId = result.in_order_id;
  file_result->ArticleDefId =
      result.article_def_id ? NewValue(context, *result.article_def_id) : nullptr;
  return file_result;
}

wsi__ArticleClass* ToSoap(struct soap* context, const Article& record, TimeForm form) {
  auto* article = soap_new_wsi__ArticleClass(context);
  article->SystemId = record.system_id != 0 ? NewValue(context, record.system_id) : nullptr;
  article->ArticleNumber = NewText(context, record.article_number);
  article->Name = NewTextOrNull(context, record.name);
  article->BarCode = NewTextOrNull(context, record.barcode);
  article->IsStockArticle = record.is_stock_article;
  article->ArticleKind =
      record.is_stock_article ? wsi__ArticleKindEnum__Stock : wsi__ArticleKindEnum__NonStock;
  article->Weight = NewTextOrNull(context, record.weight);
  article->Volume = NewTextOrNull(context, record.volume);
  article->ProcessArticleTime = WireTimeOrNil(context, record.updated, form);
  return article;
}

// The article of an order or in-order line: the register's record when there is one.
wsi__ArticleClass* LineArticle(struct soap* context,
                               const std::map<std::string, Article>& register_,
                               const std::string& number, const std::string& name, TimeForm form) {
  const auto found = register_.find(number);
  Article article = found != register_.end() ? found->second : Article{};
  article.article_number = number;
  if (!name.empty()) {
    article.name = name;
  }
  return ToSoap(context, article, form);
}

wsi__Order* ToSoap(struct soap* context, const Order& record,
                   const std::map<std::string, Article>& articles,
                   const std::vector<Transporter>& transporters, TimeForm form) {
  auto* order = soap_new_wsi__Order(context);
  order->Success = true;
  order->ExternalSystemId = 0;

  auto* info = soap_new_wsi__OrderInfoType(context);
  info->OrderId = record.order_id;
  info->GoodsOwnerOrderNumber = NewText(context, record.order_number);
  info->ReferenceNumber = NewTextOrNull(context, record.reference);
  info->DeliveryDate = ClientTime(record.delivery_date);
  info->PickUpDate = info->DeliveryDate;
  info->CreatedDate = WireTime(record.created, form);
  info->ShippedTime = WireTime(record.shipped_time, form);
  info->ArrivalDate = kNoDateTime;
  info->ArrivalDateFrom = kNoDateTime;
  info->PrintedTime = WireTime(record.picking_started, form);
  info->WayBill = NewTextOrNull(context, record.waybill);
  info->OrderStatusNumber = static_cast<int>(record.status);
  info->OrderStatusText = NewText(context, StatusText(record.status));
  info->OrderServicePointCode = NewTextOrNull(context, record.service_point_code);
  order->OrderInfo = info;

  Decimal ordered_total;
  Decimal picked_total;
  order->PickedOrderLines = soap_new_wsi__ArrayOfPickedOrderLine(context);
  for (const OrderLine& record_line : record.lines) {
    if (record_line.is_text_line) {
      continue;  // text lines are never picked
    }
    const Decimal ordered = Decimal::ParseOrZero(record_line.ordered_qty);
    const Decimal picked = Decimal::ParseOrZero(record_line.picked_qty);
    ordered_total += ordered;
    picked_total += picked;
    auto* line = soap_new_wsi__PickedOrderLine(context);
    line->Article =
        LineArticle(context, articles, record_line.article_number, record_line.article_name, form);
    line->OrderLineSystemId = record_line.line_id;
    line->StartPickingTime = WireTimeOrNil(context, record.picking_started, form);
    line->LastPickingTime =
        picked.IsZero() ? nullptr : WireTimeOrNil(context, record.updated, form);
    line->OrderLineComment = NewTextOrNull(context, record_line.comment);
    line->OrderedNumberOfItems = ordered.ToString();
    line->PickedNumberOfItems = picked.ToString();
    line->ExternalOrderLineCode = NewTextOrNull(context, record_line.external_line_code);
    line->IsParentLine = false;
    line->DoPick = line->Article->IsStockArticle;
    line->AllocatedNumberOfItems = "0";
    line->IsPickedWithErrors = false;
    line->ReturnedNumberOfItems = "0";
    line->PackedNumberOfItems = picked.ToString();
    line->ReportedNumberOfItems = NewTextOrNull(context, record_line.reported_qty);
    order->PickedOrderLines->PickedOrderLine.push_back(line);
  }
  info->OrderedNumberOfItems = ordered_total.ToString();
  info->PickedNumberOfItems = picked_total.ToString();

  if (!record.transporter_code.empty()) {
    auto* transporter = soap_new_wsi__TransporterClass(context);
    transporter->Code = NewText(context, record.transporter_code);
    transporter->ServiceCode = NewTextOrNull(context, record.transporter_service_code);
    for (const Transporter& known : transporters) {
      if (known.code == record.transporter_code &&
          known.service_code == record.transporter_service_code) {
        transporter->Name = NewText(context, known.name);
      }
    }
    transporter->Id = 0;
    order->Transporter = transporter;
  }

  order->OrderPalletItems = soap_new_wsi__ArrayOfOrderPalletItemInfo(context);
  for (const Parcel& parcel : record.parcels) {
    auto* item = soap_new_wsi__OrderPalletItemInfo(context);
    item->Id = parcel.id;
    item->LabelId = NewText(context, parcel.label_id);
    item->NumberOfItems = "0";  // the simulator does not know what went into which parcel
    item->IsReturnType = false;
    item->IsTaPalletItem = parcel.is_carrier;
    if (parcel.is_carrier) {  // the warehouse's own packages have no carrier tracking
      item->Tracking = soap_new_wsi__PalletItemTrackingInfo(context);
      item->Tracking->TrackingUrl = NewTextOrNull(context, parcel.tracking_url);
    }
    order->OrderPalletItems->OrderPalletItemInfo.push_back(item);
  }

  order->Tracking = soap_new_wsi__ArrayOfOrderTrackingInfo(context);
  if (!record.waybill.empty()) {
    auto* tracking = soap_new_wsi__OrderTrackingInfo(context);
    tracking->Waybill = NewText(context, record.waybill);
    tracking->TrackingUrl = NewTextOrNull(context, record.waybill_url);
    tracking->Created =
        WireTime(record.shipped_time.empty() ? record.updated : record.shipped_time, form);
    tracking->IsReturn = false;
    order->Tracking->OrderTrackingInfo.push_back(tracking);
  }
  return order;
}

wsi__ReceivedInOrder* ToSoap(struct soap* context, const InOrder& record,
                             const std::map<std::string, Article>& articles, TimeForm form) {
  auto* in_order = soap_new_wsi__ReceivedInOrder(context);
  auto* info = soap_new_wsi__ReceivedInOrderInfoClass(context);
  info->InOrderId = record.in_order_id;
  info->GoodsOwnerOrderNumber = NewText(context, record.order_number);
  info->ReferenceNumber = NewTextOrNull(context, record.reference);
  info->InDate = NewTextOrNull(context, record.in_date);
  info->OrderDate = NewTextOrNull(context, record.order_date);
  info->ReceivedDate = WireTimeOrNil(context, record.received_time, form);
  info->LastReceivedTime = WireTimeOrNil(context, record.received_time, form);
  info->Created = WireTimeOrNil(context, record.created, form);
  info->InOrderIsReturnType = false;
  info->InOrderStatusNumber = static_cast<int>(record.status);
  info->InOrderStatusText = NewText(context, StatusText(record.status));
  in_order->InOrderInfo = info;

  Decimal advised_total;
  Decimal received_total;
  in_order->ReceivedInOrderLines = soap_new_wsi__ArrayOfReceivedInOrderLine(context);
  for (const InOrderLine& record_line : record.lines) {
    const Decimal advised = Decimal::ParseOrZero(record_line.advised_qty);
    const Decimal received = Decimal::ParseOrZero(record_line.received_qty);
    advised_total += advised;
    received_total += received;
    auto* line = soap_new_wsi__ReceivedInOrderLine(context);
    line->Article =
        LineArticle(context, articles, record_line.article_number, record_line.article_name, form);
    line->ExternalOrderLineCode = NewTextOrNull(context, record_line.external_line_code);
    line->InDate = WireTimeOrNil(context, received.IsZero() ? "" : record.received_time, form);
    line->AdvisedNumberOfItems = advised.ToString();
    line->ReceivedNumberOfItems = received.ToString();
    line->CreatedNumberOfItems = advised.ToString();
    line->InOrderLineId = record_line.line_id;
    line->ReportedNumberOfItems = NewTextOrNull(context, record_line.reported_qty);
    in_order->ReceivedInOrderLines->ReceivedInOrderLine.push_back(line);
  }
  info->AdvisedNumberOfItems = advised_total.ToString();
  info->ReceivedNumberOfItems = received_total.ToString();
  return in_order;
}

template <class Lines>
std::map<std::string, Article> ArticlesOf(SimStore& store, int goods_owner_id,
                                          const Lines& documents) {
  std::vector<std::string> numbers;
  for (const auto& document : documents) {
    for (const auto& line : document.lines) {
      if (!line.article_number.empty()) {
        numbers.push_back(line.article_number);
      }
    }
  }
  std::map<std::string, Article> articles;
  for (Article& article : store.FindArticles(goods_owner_id, numbers)) {
    articles.emplace(article.article_number, std::move(article));
  }
  return articles;
}

}  // namespace

// --- Connection handling --------------------------------------------------------------------

SimService::SimService(struct soap* context, SimStore& store, std::stop_token stop)
    : ServiceSoapService(context), store_(store), stop_(std::move(stop)), strict_xml_(context) {}

SimService::~SimService() = default;

int SimService::serve() {
  soap->keep_alive = soap->max_keep_alive + 1;
  do {
    if (soap->keep_alive > 0 && soap->max_keep_alive > 0) {
      --soap->keep_alive;
    }
    request_ = RequestState{};
    request_.started = std::chrono::steady_clock::now();
    if (soap_begin_serve(soap)) {
      if (soap->error >= SOAP_STOP) {
        continue;
      }
      if (soap->error == SOAP_EOF || soap->error == SOAP_TCP_ERROR ||
          !soap_valid_socket(soap->socket)) {
        // The client closed, or the idle time-out passed. (With no socket, gSOAP would write
        // a fault to stdout, as a CGI program does.)
        return soap->error;
      }
      request_.outcome =
          "fault: unreadable request (gSOAP error " + std::to_string(soap->error) + ")";
      RefuseWithXmlProblem();
      LogRequest();
      return soap_send_fault(soap);  // say what was wrong rather than hang up silently
    }
    const int status = dispatch();
    if (request_.fault) {
      return AnswerWithFault();
    }
    if (request_.too_many_requests) {
      return AnswerTooManyRequests();
    }
    if (status != SOAP_OK && soap->error != SOAP_OK && soap->error < SOAP_STOP) {
      if (request_.outcome.empty()) {
        request_.outcome =
            soap->error == SOAP_NO_METHOD
                ? "fault: unknown operation"
                : "fault: unreadable request (gSOAP error " + std::to_string(soap->error) + ")";
      }
      RefuseWithXmlProblem();
      LogRequest();
      return soap_valid_socket(soap->socket) ? soap_send_fault(soap) : soap->error;
    }
    LogRequest();
    soap_destroy(soap);
    soap_end(soap);
  } while (soap->keep_alive);
  return SOAP_OK;
}

int SimService::BeginOperation(Operation operation) {
  request_.operation = operation;
  store_.CountCall(operation);
  const FaultDecision decision = store_.DecideFault(operation);
  if (decision.latency_ms > 0) {
    request_.outcome = "latency " + std::to_string(decision.latency_ms) + " ms; ";
    SleepFor(decision.latency_ms);
  }
  if (!decision.fired) {
    return SOAP_OK;
  }
  if (decision.fired->kind == FaultKind::kRefusal) {  // --after means nothing to a refusal
    const std::string text = store_.CurrentPhrases().SimulatedRefusal();
    request_.outcome += "injected refusal: ";
    if (operation == Operation::kProcessArticle || operation == Operation::kProcessOrder ||
        operation == Operation::kProcessInOrder) {
      request_.refusal = text;  // the operation answers Success=false with it
      return SOAP_OK;
    }
    return soap_sender_fault(soap, soap_strdup(soap, text.c_str()), nullptr);
  }
  if (decision.fired->after) {
    // Let the operation run and store its change, but swallow its answer: the fault is sent
    // instead once dispatch() is done. keep_alive > 0 stops gSOAP from closing the socket.
    request_.fault = decision.fired;
    captured_.clear();
    original_send_ = soap->fsend;
    soap->user = this;
    soap->fsend = &SimService::CaptureSend;
    request_.saved_keep_alive = soap->keep_alive;
    soap->keep_alive = 1;
    return SOAP_OK;
  }
  if (decision.fired->kind == FaultKind::kSoapFault) {
    request_.outcome += "injected soap-fault";
    return soap_receiver_fault(
        soap, soap_strdup(soap, store_.CurrentPhrases().SimulatedFault().c_str()), nullptr);
  }
  request_.fault = decision.fired;
  return SOAP_STOP;  // the request has been read; serve() answers with the fault
}

int SimService::CheckRateLimits(Operation operation) {
  const SimStore::LimitDecision decision = store_.AdmitCall(operation, soap->host);
  request_.limit_call_id = decision.call_id;
  if (!decision.hit) {
    return SOAP_OK;
  }
  const std::string text = store_.CurrentPhrases().RateLimited(*decision.hit);
  request_.outcome += "rate-limited (" + DescribeRateLimit(decision.hit->limit) + ", retry after " +
                      std::to_string(decision.hit->retry_after_seconds) + " s): ";
  switch (store_.CurrentRateLimitAnswer()) {
    case RateLimitAnswer::kHttp429:
      request_.too_many_requests = std::pair{text, decision.hit->retry_after_seconds};
      return SOAP_STOP;  // the request has been read; serve() answers
    case RateLimitAnswer::kRefusal:
      if (operation == Operation::kProcessArticle || operation == Operation::kProcessOrder ||
          operation == Operation::kProcessInOrder) {
        request_.refusal = text;  // the operation answers Success=false with it
        return SOAP_OK;
      }
      break;  // the other operations have no refusal of their own: a fault
    case RateLimitAnswer::kFault:
      break;
  }
  request_.outcome += "fault";
  return soap_sender_fault(soap, soap_strdup(soap, text.c_str()), nullptr);
}

void SimService::CallFailed() {
  try {
    store_.MarkCallFailed(request_.limit_call_id);
  } catch (const std::exception& error) {
    Poco::Logger::get("wms-sim").error("cannot log a failed call: %s", std::string(error.what()));
  }
}

int SimService::AnswerTooManyRequests() {
  const auto& [text, retry_after] = *request_.too_many_requests;
  SendRaw(HttpResponse(429, "Too Many Requests", "text/xml; charset=utf-8",
                       SoapFaultEnvelope(text, true),
                       "Retry-After: " + std::to_string(retry_after) + "\r\n"));
  request_.outcome += "HTTP 429";
  LogRequest();
  CloseConnection();
  return SOAP_OK;
}

bool SimService::SendRaw(std::string_view data) {
  // On HTTPS the bytes must travel inside the TLS session (gSOAP's send does that), never
  // straight on the socket.
  return soap->ssl != nullptr ? soap->fsend(soap, data.data(), data.size()) == SOAP_OK
                              : SendAll(soap->socket, data);
}

int SimService::CaptureSend(struct soap* context, const char* data, std::size_t length) {
  static_cast<SimService*>(context->user)->captured_.append(data, length);
  return SOAP_OK;
}

int SimService::AnswerWithFault() {
  const FiredFault fault = *request_.fault;
  if (fault.after) {
    soap->fsend = original_send_;
    soap->user = nullptr;
  }
  const std::string operation =
      request_.operation ? OperationName(*request_.operation) : std::string("Unknown");
  const auto send_raw = [this](std::string_view data) { return SendRaw(data); };
  constexpr std::string_view kXml = "text/xml; charset=utf-8";
  switch (fault.kind) {
    case FaultKind::kHttp500:
      send_raw(
          HttpResponse(500, "Internal Server Error", "text/html; charset=utf-8", Http500Page()));
      break;
    case FaultKind::kMalformed:
      send_raw(HttpResponse(200, "OK", kXml, MalformedBody()));
      break;
    case FaultKind::kTruncated: {
      std::string body = TruncatedEnvelope(operation);
      const std::size_t header_end = captured_.find("\r\n\r\n");
      if (fault.after && header_end != std::string::npos) {
        body = CutInHalf(std::string_view(captured_).substr(header_end + 4));
      }
      send_raw(HttpResponse(200, "OK", kXml, body));
      break;
    }
    case FaultKind::kSoapFault:  // only "after" gets here; otherwise gSOAP sent the fault
      send_raw(HttpResponse(500, "Internal Server Error", kXml,
                            SoapFaultEnvelope(store_.CurrentPhrases().SimulatedFault())));
      break;
    case FaultKind::kTimeout:
      SleepFor(fault.ms);
      break;
    case FaultKind::kDrop:
    case FaultKind::kLatency:
    case FaultKind::kRefusal:  // answered by the operation (BeginOperation)
      break;
  }
  const std::string previous = request_.outcome;
  request_.outcome = "injected " + FaultKindName(fault.kind) +
                     (fault.after ? " after the operation ran (" + previous + ")" : "");
  LogRequest();
  CloseConnection();
  return SOAP_OK;
}

void SimService::RefuseWithXmlProblem() {
  // .NET reads the request before any operation: characters XML 1.0 cannot carry fail it
  // whole, whatever else gSOAP may have tripped over.
  if (const auto problem = strict_xml_.Problem()) {
    const std::string text = UnreadableRequestFault(*problem);
    request_.outcome = "fault: " + text;
    soap_sender_fault(soap, soap_strdup(soap, text.c_str()), nullptr);
  }
}

void SimService::CloseConnection() {
  soap->keep_alive = 0;
  soap_closesock(soap);
}

void SimService::LogRequest() {
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - request_.started);
  const std::string name =
      request_.operation ? OperationName(*request_.operation) : std::string("(no operation)");
  Poco::Logger::get("wms-sim").information("%s %s (%s ms)", name, request_.outcome,
                                           std::to_string(elapsed.count()));
}

void SimService::SleepFor(int ms) {
  std::mutex mutex;
  std::condition_variable_any wake;
  std::unique_lock lock(mutex);
  wake.wait_for(lock, stop_, std::chrono::milliseconds(ms), [] { return false; });
}

template <class Body>
int SimService::Handle(Operation operation, const Credentials& credentials, Body&& body) {
  // Ongoing answers a refused logon of most operations with a fault (the Client's).
  return Handle(operation, credentials, std::forward<Body>(body), [this](const std::string& text) {
    return soap_sender_fault(soap, soap_strdup(soap, text.c_str()), nullptr);
  });
}

template <class Body, class RefuseLogon>
int SimService::Handle(Operation operation, const Credentials& credentials, Body&& body,
                       RefuseLogon&& refuse_logon) {
  try {
    if (const int status = BeginOperation(operation); status != SOAP_OK) {
      return status;
    }
    if (const int status = CheckRateLimits(operation); status != SOAP_OK) {
      return status;
    }
    GoodsOwner owner;
    if (operation != Operation::kGetSystemStatus) {
      auto found = store_.CheckLogon(Text(credentials.goods_owner_code),
                                     Text(credentials.user_name), Text(credentials.password));
      if (!found) {
        request_.outcome += "logon refused";
        CallFailed();
        return refuse_logon(store_.CurrentPhrases().LogonFailed());
      }
      owner = *found;
    }
    const std::string outcome = body(owner);
    request_.outcome += outcome;
    if (outcome.rfind("rejected", 0) == 0) {
      CallFailed();  // Success=false
    }
    return SOAP_OK;
  } catch (const BadRequest& error) {
    request_.outcome += std::string("fault: ") + error.what();
    CallFailed();
    return soap_sender_fault(soap, soap_strdup(soap, error.what()), nullptr);
  } catch (const Poco::Exception& error) {
    request_.outcome += "fault: internal error: " + error.displayText();
  } catch (const std::exception& error) {
    request_.outcome += std::string("fault: internal error: ") + error.what();
  }
  CallFailed();
  return soap_receiver_fault(
      soap, soap_strdup(soap, store_.CurrentPhrases().InternalError().c_str()), nullptr);
}

// --- Operations ---------------------------------------------------------------------------------

namespace {
std::string Describe(const ProcessResult& result) {
  return result.success ? "ok: " + result.message : "rejected: " + result.error_message;
}
}  // namespace

int SimService::ProcessArticle(_wsi__ProcessArticle* request,
                               _wsi__ProcessArticleResponse& response) {
  return Handle(Operation::kProcessArticle,
                {request->GoodsOwnerCode, request->UserName, request->Password},
                [&](const GoodsOwner& owner) {
                  ProcessResult result;
                  if (!request_.refusal.empty()) {
                    result.error_message = request_.refusal;
                  } else if (!request->art) {
                    result.error_message = "art (ArticleDefinition) is required";
                  } else {
                    const wsi__ArticleDefinition& art = *request->art;
                    ArticleInput input;
                    input.identify_by_system_id =
                        art.ArticleIdentification == wsi__ArticleIdentificationType__SystemId;
                    input.system_id = OptionalInt(art.ArticleSystemId);
                    input.article_number = Optional(art.ArticleNumber);
                    input.name = Optional(art.ArticleName);
                    input.barcode = Optional(art.BarCode);
                    input.supplier_article_number = Optional(art.SupplierArticleNumber);
                    input.statistics_number = Optional(art.StatisticsNumber);
                    input.unit_code = Optional(art.ArticleUnitCode);
                    input.weight = Optional(art.Weight);
                    input.volume = Optional(art.Volume);
                    if (art.IsStockArticle) {
                      input.is_stock_article = *art.IsStockArticle;
                    }
                    if (art.IsActive) {
                      input.is_active = *art.IsActive;
                    }
                    result = store_.ProcessArticle(owner.id, input);
                  }
                  response.ProcessArticleResult = ToSoap(soap, result);
                  return Describe(result) +
                         (result.article_def_id
                              ? " (ArticleDefId " + std::to_string(*result.article_def_id) + ")"
                              : "");
                });
}

int SimService::ProcessOrder(_wsi__ProcessOrder* request, _wsi__ProcessOrderResponse& response) {
  return Handle(
      Operation::kProcessOrder, {request->GoodsOwnerCode, request->UserName, request->Password},
      [&](const GoodsOwner& owner) {
        ProcessResult result;
        if (!request_.refusal.empty()) {
          result.error_message = request_.refusal;
        } else if (!request->co || !request->co->OrderInfo) {
          result.error_message = "co/OrderInfo is required";
        } else {
          const wsi__CustomerOrder& co = *request->co;
          const wsi__OrderInfoClass& info = *co.OrderInfo;
          OrderInput input;
          switch (info.OrderOperation) {
            case wsi__OrderOperation__Create:
              input.operation = OrderOperation::kCreate;
              break;
            case wsi__OrderOperation__Update:
              input.operation = OrderOperation::kUpdate;
              break;
            case wsi__OrderOperation__Remove:
              input.operation = OrderOperation::kRemove;
              break;
            default:
              input.operation = OrderOperation::kCreateOrUpdate;
          }
          input.order_number = Text(info.GoodsOwnerOrderNumber);
          input.reference = Optional(info.ReferenceNumber);
          input.remark = Optional(info.OrderRemark);
          input.delivery_instruction = Optional(info.DeliveryInstruction);
          input.delivery_date = info.DeliveryDate;
          input.service_point_code = Optional(info.OrderServicePointCode);
          if (info.OrderType) {
            input.order_type_code = Optional(info.OrderType->OrderTypeCode);
          }
          if (const wsi__OutboundWarehouse* w = info.OutboundWarehouse) {
            WarehouseRef ref;
            switch (w->WarehouseIdentification) {
              case wsi__WarehouseIdentificationType__WarehouseName:
                ref.identification = WarehouseIdentification::kName;
                break;
              case wsi__WarehouseIdentificationType__WarehouseId:
                ref.identification = WarehouseIdentification::kId;
                break;
              default:
                ref.identification = WarehouseIdentification::kCode;
            }
            ref.code = Text(w->WarehouseCode);
            ref.name = Text(w->WarehouseName);
            ref.id = OptionalInt(w->WarehouseId);
            input.warehouse = ref;
          }
          if (co.TransporterContract) {
            input.transporter =
                TransporterRef{Text(co.TransporterContract->TransporterCode),
                               Text(co.TransporterContract->TransporterServiceCode)};
          }
          if (co.Customer) {
            const wsi__Customer& customer = *co.Customer;
            input.consignee =
                ConsigneeInput{customer.ExternalCustomerCode ? Text(customer.ExternalCustomerCode)
                                                             : Text(customer.CustomerNumber),
                               Text(customer.Name),
                               Text(customer.Address),
                               Text(customer.Address2),
                               Text(customer.PostCode),
                               Text(customer.City),
                               Text(customer.CountryCode),
                               Text(customer.Email),
                               Text(customer.TelePhone),
                               Text(customer.MobilePhone),
                               customer.NotifyBySMS};
          }
          if (co.CustomerOrderLines) {
            for (const wsi__CustomerOrderLine* line : co.CustomerOrderLines->CustomerOrderLine) {
              if (!line) {
                continue;
              }
              OrderLineInput entry;
              entry.identification = ToLineIdentification(line->OrderLineIdentification);
              entry.external_line_code = Text(line->ExternalOrderLineCode);
              entry.article_number = Text(line->ArticleNumber);
              entry.article_name = Text(line->ArticleName);
              entry.qty = line->NumberOfItems;
              entry.comment = Text(line->OrderLineComment);
              entry.currency_code = Text(line->CurrencyCode);
              input.lines.push_back(std::move(entry));
            }
          }
          if (co.CustomerOrderTextLines) {
            for (const wsi__CustomerOrderTextLine* line :
                 co.CustomerOrderTextLines->CustomerOrderTextLine) {
              if (!line) {
                continue;
              }
              OrderLineInput entry;
              entry.is_text_line = true;
              entry.identification = LineIdentification::kExternalOrderLineCode;
              entry.external_line_code = Text(line->ExternalOrderLineCode);
              entry.comment = Text(line->OrderLineComment);
              entry.qty = Text(line->NumberOfItems);
              input.lines.push_back(std::move(entry));
            }
          }
          result = store_.ProcessOrder(owner.id, input);
        }
        response.ProcessOrderResult = ToSoap(soap, result);
        return Describe(result) + " (OrderId " + std::to_string(result.order_id) + ")";
      });
}

int SimService::ProcessInOrder(_wsi__ProcessInOrder* request,
                               _wsi__ProcessInOrderResponse& response) {
  return Handle(
      Operation::kProcessInOrder, {request->GoodsOwnerCode, request->UserName, request->Password},
      [&](const GoodsOwner& owner) {
        ProcessResult result;
        if (!request_.refusal.empty()) {
          result.error_message = request_.refusal;
        } else if (!request->co || !request->co->InOrderInfo) {
          result.error_message = "co/InOrderInfo is required";
        } else {
          const wsi__InOrder& co = *request->co;
          const wsi__InOrderInfoClass& info = *co.InOrderInfo;
          InOrderInput input;
          switch (info.InOrderOperation) {
            case wsi__InOrderOperation__Create:
              input.operation = InOrderOperation::kCreate;
              break;
            case wsi__InOrderOperation__Remove:
              input.operation = InOrderOperation::kRemove;
              break;
            default:
              input.operation = InOrderOperation::kCreateOrUpdate;
          }
          input.order_number = Text(info.GoodsOwnerOrderNumber);
          input.reference = Optional(info.ReferenceNumber);
          input.remark = Optional(info.OrderRemark);
          input.in_date = Optional(info.InDate);
          input.order_date = Optional(info.OrderDate);
          if (info.Warehouse) {
            input.warehouse_code = Optional(info.Warehouse->WarehouseCode);
          }
          if (co.InOrderSupplier) {
            input.supplier_number = Optional(co.InOrderSupplier->SupplierNumber);
            input.supplier_name = Optional(co.InOrderSupplier->SupplierName);
          }
          if (co.InOrderLines) {
            for (const wsi__InOrderLine* line : co.InOrderLines->InOrderLine) {
              if (!line) {
                continue;
              }
              InOrderLineInput entry;
              entry.identification = ToLineIdentification(line->OrderLineIdentification);
              entry.external_line_code = Text(line->ExternalOrderLineCode);
              entry.article_number = Text(line->ArticleNumber);
              entry.article_name = Text(line->ArticleName);
              entry.qty = line->NumberOfItems;
              entry.comment = Text(line->OrderLineComment);
              input.lines.push_back(std::move(entry));
            }
          }
          result = store_.ProcessInOrder(owner.id, input);
        }
        response.ProcessInOrderResult = ToSoap(soap, result);
        return Describe(result) + " (InOrderId " + std::to_string(result.in_order_id) + ")";
      });
}

int SimService::GetOrdersByQuery(_wsi__GetOrdersByQuery* request,
                                 _wsi__GetOrdersByQueryResponse& response) {
  return Handle(
      Operation::kGetOrdersByQuery, {request->GoodsOwnerCode, request->UserName, request->Password},
      [&](const GoodsOwner& owner) {
        OrderQuery query;
        if (const wsi__OrderFilters* filters = request->query) {
          query.order_numbers = Strings(filters->OrderNumbersToGet);
          query.order_ids = Ints(filters->OrderIdsToGet);
          query.status_from = OptionalInt(filters->OrderStatusFrom);
          query.status_to = OptionalInt(filters->OrderStatusTo);
          query.updated_from = FilterTime(filters->LastUpdatedFrom, "LastUpdatedFrom");
          query.updated_to = FilterTime(filters->LastUpdatedTo, "LastUpdatedTo");
          query.order_id_from = OptionalInt(filters->OrderIdFrom);
          query.max_count = OptionalInt(filters->MaxOrdersToGet);
          query.only_to_report = filters->OrderSpecialFilters &&
                                 filters->OrderSpecialFilters->OnlyOrdersWithOrderLinesToReport &&
                                 *filters->OrderSpecialFilters->OnlyOrdersWithOrderLinesToReport;
        }
        const std::vector<Order> orders = store_.QueryOrders(owner.id, query);
        const auto articles = ArticlesOf(store_, owner.id, orders);
        const auto transporters = store_.Transporters();
        const TimeForm form = store_.CurrentTimeForm();
        auto* result = soap_new_wsi__GetOrdersResult(soap);
        result->Orders = soap_new_wsi__ArrayOfOrder(soap);
        for (const Order& order : orders) {
          auto* soap_order = ToSoap(soap, order, articles, transporters, form);
          result->Orders->Order.push_back(soap_order);
        }
        response.GetOrdersByQueryResult = result;
        return "ok: " + std::to_string(orders.size()) + " orders";
      });
}

int SimService::GetInOrdersByQuery(_wsi__GetInOrdersByQuery* request,
                                   _wsi__GetInOrdersByQueryResponse& response) {
  return Handle(
      Operation::kGetInOrdersByQuery,
      {request->GoodsOwnerCode, request->UserName, request->Password},
      [&](const GoodsOwner& owner) {
        InOrderQuery query;
        if (const wsi__InOrderFilters* filters = request->query) {
          query.order_numbers = Strings(filters->InOrderNumbersToGet);
          query.in_order_ids = Ints(filters->InOrderIdsToGet);
          query.status_from = OptionalInt(filters->InOrderStatusFrom);
          query.status_to = OptionalInt(filters->InOrderStatusTo);
          query.updated_from = FilterTime(filters->LastUpdatedFrom, "LastUpdatedFrom");
          query.updated_to = FilterTime(filters->LastUpdatedTo, "LastUpdatedTo");
          query.in_order_id_from = OptionalInt(filters->InOrderIdFrom);
          query.max_count = OptionalInt(filters->MaxInOrdersToGet);
          query.only_to_report =
              filters->InOrderSpecialFilters &&
              filters->InOrderSpecialFilters->OnlyWithInOrderLinesWithDiffingReceviedToReported;
        }
        const std::vector<InOrder> in_orders = store_.QueryInOrders(owner.id, query);
        const auto articles = ArticlesOf(store_, owner.id, in_orders);
        const TimeForm form = store_.CurrentTimeForm();
        auto* result = soap_new_wsi__GetInOrdersResult(soap);
        result->InOrders = soap_new_wsi__ArrayOfReceivedInOrder(soap);
        for (const InOrder& in_order : in_orders) {
          auto* soap_in_order = ToSoap(soap, in_order, articles, form);
          result->InOrders->ReceivedInOrder.push_back(soap_in_order);
        }
        response.GetInOrdersByQueryResult = result;
        return "ok: " + std::to_string(in_orders.size()) + " in-orders";
      });
}

int SimService::UpdateOrderLines(_wsi__UpdateOrderLines* request,
                                 _wsi__UpdateOrderLinesResponse& response) {
  return Handle(
      Operation::kUpdateOrderLines, {request->GoodsOwnerCode, request->UserName, request->Password},
      [&](const GoodsOwner& owner) {
        const wsi__UpdateOrderLines* update = request->UpdateOrderLines;
        if (update == nullptr || update->UpdateOrderIdentification == nullptr) {
          throw BadRequest("UpdateOrderLines/UpdateOrderIdentification is required");
        }
        ReportedLinesInput input;
        const auto& id = *update->UpdateOrderIdentification;
        if (id.OrderIdentificationType == wsi__UpdateOrderIdentificationType__SystemId) {
          input.document_id = id.OrderId;
        } else if (id.OrderIdentificationType ==
                   wsi__UpdateOrderIdentificationType__GoodsOwnerOrderNumber) {
          input.document_number = Text(id.GoodsOwnerOrderNumber);
        } else {
          throw BadRequest("the simulator identifies orders by SystemId or GoodsOwnerOrderNumber");
        }
        if (update->OrderLines) {
          for (const wsi__UpdateOrderLine* line : update->OrderLines->UpdateOrderLine) {
            if (line == nullptr || line->UpdateOrderLineIdentification == nullptr) {
              throw BadRequest("UpdateOrderLineIdentification is required");
            }
            if (line->UpdateReportedNumberOfItems == nullptr)
              continue;  // nothing of this line to change
            ReportedLineInput entry;
            const auto& line_id = *line->UpdateOrderLineIdentification;
            if (line_id.OrderLineIdentificationType ==
                wsi__UpdateOrderLineIdentificationType__OrderLineId) {
              entry.line_id = line_id.OrderLineId ? *line_id.OrderLineId : 0;
            } else {
              entry.external_line_code = Text(line_id.ExternalOrderLineCode);
            }
            if (const std::string* qty = line->UpdateReportedNumberOfItems->ReportedNumberOfItems)
              entry.reported = *qty;
            input.lines.push_back(std::move(entry));
          }
        }
        const ProcessResult result = store_.UpdateOrderLines(owner.id, input);
        auto* answer = soap_new_wsi__UpdateOrderLinesResult(soap);
        answer->Success = result.success;
        answer->Message = NewText(soap, result.success ? result.message : result.error_message);
        if (result.success) {
          answer->OrderId = soap_new_int(soap);
          *answer->OrderId = result.order_id;
        }
        response.UpdateOrderLinesResult = answer;
        return Describe(result);
      });
}

int SimService::UpdateInOrderLines(_wsi__UpdateInOrderLines* request,
                                   _wsi__UpdateInOrderLinesResponse& response) {
  return Handle(
      Operation::kUpdateInOrderLines,
      {request->GoodsOwnerCode, request->UserName, request->Password},
      [&](const GoodsOwner& owner) {
        const wsi__UpdateInOrderLines* update = request->UpdateInOrderLines;
        if (update == nullptr || update->UpdateInOrderIdentification == nullptr) {
          throw BadRequest("UpdateInOrderLines/UpdateInOrderIdentification is required");
        }
        ReportedLinesInput input;
        const auto& id = *update->UpdateInOrderIdentification;
        if (id.InOrderIdentificationType == wsi__UpdateInOrderIdentificationType__SystemId) {
          input.document_id = id.InOrderId;
        } else {
          input.document_number = Text(id.GoodsOwnerOrderNumber);
        }
        if (update->InOrderLines) {
          for (const wsi__UpdateInOrderLine* line : update->InOrderLines->UpdateInOrderLine) {
            if (line == nullptr || line->UpdateInOrderLineIdentification == nullptr) {
              throw BadRequest("UpdateInOrderLineIdentification is required");
            }
            if (line->UpdateReportedNumberOfItems == nullptr)
              continue;
            ReportedLineInput entry;
            const auto& line_id = *line->UpdateInOrderLineIdentification;
            if (line_id.InOrderLineIdentificationType ==
                wsi__UpdateInOrderLineIdentificationType__InOrderLineId) {
              entry.line_id = line_id.InOrderLineId ? *line_id.InOrderLineId : 0;
            } else {
              entry.external_line_code = Text(line_id.ExternalOrderLineCode);
            }
            if (const std::string* qty = line->UpdateReportedNumberOfItems->ReportedNumberOfItems)
              entry.reported = *qty;
            input.lines.push_back(std::move(entry));
          }
        }
        const ProcessResult result = store_.UpdateInOrderLines(owner.id, input);
        auto* answer = soap_new_wsi__UpdateInOrderLinesResult(soap);
        answer->Success = result.success;
        answer->Message = NewText(soap, result.success ? result.message : result.error_message);
        if (result.success) {
          answer->InOrderId = soap_new_int(soap);
          *answer->InOrderId = result.in_order_id;
        }
        response.UpdateInOrderLinesResult = answer;
        return Describe(result);
      });
}

int SimService::GetInventoryByQuery(_wsi__GetInventoryByQuery* request,
                                    _wsi__GetInventoryByQueryResponse& response) {
  return Handle(Operation::kGetInventoryByQuery,
                {request->GoodsOwnerCode, request->UserName, request->Password},
                [&](const GoodsOwner& owner) {
                  StockQuery query;
                  if (const wsi__GetInventoryQuery* filters = request->GetInventoryQuery) {
                    query.article_numbers = Strings(filters->ArticleNumbersToGet);
                    query.system_id_from = OptionalInt(filters->ArticleSystemIdFrom);
                    query.max_count = OptionalInt(filters->MaxArticlesToGet);
                    query.changed_from =
                        FilterTime(filters->StockInfoChangedFrom, "StockInfoChangedFrom");
                  }
                  const std::vector<ArticleStock> stock = store_.QueryStock(owner.id, query);
                  const TimeForm form = store_.CurrentTimeForm();
                  auto* result = soap_new_wsi__InventoryResult(soap);
                  result->GoodsOwnerId = owner.id;
                  result->InventoryLines = soap_new_wsi__ArrayOfInventoryLine(soap);
                  for (const ArticleStock& entry : stock) {
                    const Decimal on_hand = Decimal::ParseOrZero(entry.on_hand);
                    const Decimal booked = Decimal::ParseOrZero(entry.booked);
                    auto* line = soap_new_wsi__InventoryLine(soap);
                    line->Article = ToSoap(soap, entry.article, form);
                    line->NumberOfItems = ToInt(on_hand);
                    line->NumberOfBookedItems = ToInt(booked);
                    line->NumberOfItemsDecimal = on_hand.ToString();
                    line->NumberOfBookedItemsDecimal = booked.ToString();
                    line->NumberOfLockedItems = "0";
                    line->LastInDate = WireTimeOrNil(soap, entry.last_in_time, form);
                    line->ToReceiveNumberOfItems = Quantity(entry.to_receive);
                    line->LockedForSaleNumberOfItems = "0";
                    line->PickedToBeCollectedNumberOfItems = "0";
                    line->ReceivedToBeFinishedNumberOfItems = "0";
                    line->TotalStockValuationPrice = "0";
                    line->SellableNumberOfItems = NonNegative(on_hand - booked);
                    line->PickedToBeReportedNumberOfItems = "0";
                    line->ReturnedToBeReportedNumberOfItems = "0";
                    line->ReceivedToBeReportedNumberOfItems = "0";
                    result->InventoryLines->InventoryLine.push_back(line);
                  }
                  response.GetInventoryByQueryResult = result;
                  return "ok: " + std::to_string(stock.size()) + " articles";
                });
}

int SimService::GetInventoryPerWarehouse(_wsi__GetInventoryPerWarehouse* request,
                                         _wsi__GetInventoryPerWarehouseResponse& response) {
  return Handle(
      Operation::kGetInventoryPerWarehouse,
      {request->GoodsOwnerCode, request->UserName, request->Password},
      [&](const GoodsOwner& owner) {
        StockQuery query;
        if (const wsi__GetInventoryPerWarehouseQuery* filters =
                request->InventoryPerWarehouseQuery) {
          query.article_numbers = Strings(filters->ArticleNumbersToGet);
          query.system_id_from = OptionalInt(filters->ArticleSystemIdFrom);
          query.max_count = OptionalInt(filters->MaxArticlesToGet);
          query.warehouse_ids = Ints(filters->GetInventoryForWarehouseIds);
        }
        const std::vector<ArticleStock> stock = store_.QueryStock(owner.id, query);
        const TimeForm form = store_.CurrentTimeForm();
        auto* result = soap_new_wsi__GetInventoryPerWarehouseResult(soap);
        result->Success = true;
        result->PerWarehouseArticleLines = soap_new_wsi__ArrayOfPerWarehouseArticleLine(soap);
        for (const ArticleStock& entry : stock) {
          auto* line = soap_new_wsi__PerWarehouseArticleLine(soap);
          line->Article = ToSoap(soap, entry.article, form);
          line->NumberOfLockedItems = "0";
          line->NumberOfItems = Quantity(entry.on_hand);
          Decimal booked;
          line->PerWarehouseStockLines = soap_new_wsi__ArrayOfPerWarehouseStockLine(soap);
          for (const WarehouseStock& place : entry.warehouses) {
            const Decimal qty = Decimal::ParseOrZero(place.qty);
            const Decimal place_booked = Decimal::ParseOrZero(place.booked_qty);
            booked += place_booked;
            auto* stock_line = soap_new_wsi__PerWarehouseStockLine(soap);
            stock_line->WarehouseId = place.warehouse_id;
            stock_line->WarehouseCode = NewTextOrNull(soap, place.warehouse_code);
            stock_line->NumberOfLockedItems = "0";
            stock_line->NumberOfItems = qty.ToString();
            stock_line->NumberOfBookedItems = place_booked.ToString();
            stock_line->AvailableForSaleNumberOfItems = NonNegative(qty - place_booked);
            stock_line->SellableNumberOfItems = NonNegative(qty - place_booked);
            line->PerWarehouseStockLines->PerWarehouseStockLine.push_back(stock_line);
          }
          line->NumberOfBookedItems = booked.ToString();
          result->PerWarehouseArticleLines->PerWarehouseArticleLine.push_back(line);
        }
        response.GetInventoryPerWarehouseResult = result;
        return "ok: " + std::to_string(stock.size()) + " articles";
      },
      [&](const std::string& text) {
        // This result type has an error list with ErrorType LogonError (the
        // contract's one structured way of saying "wrong credentials").
        auto* result = soap_new_wsi__GetInventoryPerWarehouseResult(soap);
        result->Success = false;
        result->GetInventoryPerWarehouseErrors =
            soap_new_wsi__ArrayOfGetInventoryPerWarehouseError(soap);
        auto* error = soap_new_wsi__GetInventoryPerWarehouseError(soap);
        error->ErrorType = wsi__GetInventoryPerWarehouseErrorTypes__LogonError;
        error->Message = NewText(soap, text);
        result->GetInventoryPerWarehouseErrors->GetInventoryPerWarehouseError.push_back(error);
        response.GetInventoryPerWarehouseResult = result;
        return SOAP_OK;
      });
}

int SimService::GetInventoryChanges(_wsi__GetInventoryChanges* request,
                                    _wsi__GetInventoryChangesResponse& response) {
  return Handle(Operation::kGetInventoryChanges,
                {request->GoodsOwnerCode, request->UserName, request->Password},
                [&](const GoodsOwner& owner) {
                  InventoryChangesQuery query;
                  if (const wsi__InventoryChangesQuery* filters = request->query) {
                    query.from = FilterTime(filters->FromDate, "FromDate");
                    query.to = FilterTime(filters->ToDate, "ToDate");
                    if (!query.to) {
                      query.to = FilterTime(filters->ToTime, "ToTime");
                    }
                    query.only_unreported = filters->UnReported && *filters->UnReported;
                    query.warehouse_id = OptionalInt(filters->WarehouseId);
                    query.inventory_id = OptionalInt(filters->InventoryId);
                    query.article_id_from = OptionalInt(filters->ArticleDefIdFrom);
                    query.max_count = OptionalInt(filters->MaxArticlesToGet);
                  }
                  const std::vector<ArticleChanges> changes =
                      store_.QueryInventoryChanges(owner.id, query);
                  const TimeForm form = store_.CurrentTimeForm();
                  auto* result = soap_new_wsi__InventoryChangesResult(soap);
                  result->GoodsOwnerId = owner.id;
                  result->InventoryChangeLines = soap_new_wsi__ArrayOfInventoryChangeLine(soap);
                  for (const ArticleChanges& entry : changes) {
                    auto* line = soap_new_wsi__InventoryChangeLine(soap);
                    line->Article = ToSoap(soap, entry.article, form);
                    line->InventoryChangesNumberOfItems = Quantity(entry.total_change);
                    line->InventoryTransactions = soap_new_wsi__ArrayOfInventoryTransaction(soap);
                    for (const InventoryTransaction& record : entry.transactions) {
                      auto* transaction = soap_new_wsi__InventoryTransaction(soap);
                      transaction->InventoryChangesNumberOfItems = Quantity(record.qty_change);
                      transaction->InventoryTime = WireTime(record.time, form);
                      transaction->InventoryId = record.inventory_id;
                      transaction->Comment = NewTextOrNull(soap, record.comment);
                      transaction->LocationIsLocked = false;
                      transaction->ByInventoryCountTask = false;
                      transaction->WarehouseCode = NewTextOrNull(soap, record.warehouse_code);
                      transaction->WarehouseId = record.warehouse_id;
                      transaction->LocationIsLockedForSale = false;
                      line->InventoryTransactions->InventoryTransaction.push_back(transaction);
                    }
                    result->InventoryChangeLines->InventoryChangeLine.push_back(line);
                  }
                  response.GetInventoryChangesResult = result;
                  return "ok: " + std::to_string(changes.size()) + " articles";
                });
}

int SimService::SetInventoryChangesToReported(
    _wsi__SetInventoryChangesToReported* request,
    _wsi__SetInventoryChangesToReportedResponse& response) {
  return Handle(Operation::kSetInventoryChangesToReported,
                {request->GoodsOwnerCode, request->UserName, request->Password},
                [&](const GoodsOwner& owner) {
                  auto* result = soap_new_wsi__SetInventoryChangesToReportedResult(soap);
                  response.SetInventoryChangesToReportedResult = result;
                  if (!request->Operation) {
                    throw BadRequest("Operation is required");
                  }
                  const int article = request->Operation->ArticleSystemId;
                  const int inventory = request->Operation->InventoryId;
                  result->Success = store_.SetInventoryChangeReported(owner.id, article, inventory);
                  if (result->Success) {
                    return "ok: inventory change " + std::to_string(inventory) + " reported";
                  }
                  auto* error = soap_new_wsi__SetInventoryChangesToReportedResultError(soap);
                  error->ErrorType = wsi__SetInventoryChangesToReportedErrorType__InventoryNotFound;
                  error->Message = NewText(soap, "Inventory change " + std::to_string(inventory) +
                                                     " of article " + std::to_string(article) +
                                                     " does not exist");
                  result->Errors =
                      soap_new_wsi__ArrayOfSetInventoryChangesToReportedResultError(soap);
                  result->Errors->SetInventoryChangesToReportedResultError.push_back(error);
                  return "rejected: " + *error->Message;
                });
}

int SimService::GetTransporterContracts(_wsi__GetTransporterContracts* request,
                                        _wsi__GetTransporterContractsResponse& response) {
  return Handle(
      Operation::kGetTransporterContracts,
      {request->GoodsOwnerCode, request->UserName, request->Password}, [&](const GoodsOwner&) {
        auto* result = soap_new_wsi__GetTransporterContractsResult(soap);
        result->TransporterContracts = soap_new_wsi__ArrayOfTransporterContract(soap);
        wsi__TransporterContract* contract = nullptr;
        for (const Transporter& transporter : store_.Transporters()) {
          if (!contract || *contract->TransporterCode != transporter.code) {
            contract = soap_new_wsi__TransporterContract(soap);
            contract->TransporterCode = NewText(soap, transporter.code);
            contract->TransporterName = NewText(soap, transporter.code);
            contract->TransporterServiceCode = NewText(soap, transporter.service_code);
            contract->TransporterServices = soap_new_wsi__ArrayOfTransporterService(soap);
            result->TransporterContracts->TransporterContract.push_back(contract);
          }
          auto* service = soap_new_wsi__TransporterService(soap);
          service->TransporterServiceCode = NewText(soap, transporter.service_code);
          service->TransporterServiceName = NewText(soap, transporter.name);
          contract->TransporterServices->TransporterService.push_back(service);
        }
        response.GetTransporterContractsResult = result;
        return "ok: " + std::to_string(result->TransporterContracts->TransporterContract.size()) +
               " transporters";
      });
}

int SimService::GetOrderStatuses(_wsi__GetOrderStatuses* request,
                                 _wsi__GetOrderStatusesResponse& response) {
  return Handle(Operation::kGetOrderStatuses,
                {request->GoodsOwnerCode, request->UserName, request->Password},
                [&](const GoodsOwner&) {
                  auto* result = soap_new_wsi__GetOrderStatusesResult(soap);
                  result->OrderStatuses = soap_new_wsi__ArrayOfOrderStatus(soap);
                  for (OrderStatus status : AllOrderStatuses()) {
                    auto* entry = soap_new_wsi__OrderStatus(soap);
                    entry->OrderStatusId = static_cast<int>(status);
                    entry->OrderStatusName = NewText(soap, StatusText(status));
                    result->OrderStatuses->OrderStatus.push_back(entry);
                  }
                  response.GetOrderStatusesResult = result;
                  return std::string("ok");
                });
}

int SimService::GetInOrderStatuses(_wsi__GetInOrderStatuses* request,
                                   _wsi__GetInOrderStatusesResponse& response) {
  return Handle(Operation::kGetInOrderStatuses,
                {request->GoodsOwnerCode, request->UserName, request->Password},
                [&](const GoodsOwner&) {
                  auto* result = soap_new_wsi__GetInOrderStatusesResult(soap);
                  result->InOrderStatuses = soap_new_wsi__ArrayOfInOrderStatus(soap);
                  for (InOrderStatus status : AllInOrderStatuses()) {
                    auto* entry = soap_new_wsi__InOrderStatus(soap);
                    entry->InOrderStatusId = static_cast<int>(status);
                    entry->InOrderStatusName = NewText(soap, StatusText(status));
                    result->InOrderStatuses->InOrderStatus.push_back(entry);
                  }
                  response.GetInOrderStatusesResult = result;
                  return std::string("ok");
                });
}

int SimService::GetSystemStatus(_wsi__GetSystemStatus*, _wsi__GetSystemStatusResponse& response) {
  return Handle(Operation::kGetSystemStatus, {nullptr, nullptr, nullptr}, [&](const GoodsOwner&) {
    auto* status = soap_new_wsi__SystemStatus(soap);
    status->IsRunning = true;
    status->SystemStatusText = NewText(soap, "wms-sim");
    static const std::string build_time = BuildTime();
    status->BuildTime = build_time;
    response.GetSystemStatusResult = status;
    return std::string("ok");
  });
}

}  // namespace wmsbridge::sim
