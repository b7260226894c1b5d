#pragma once
// The gSOAP side of the simulator: one SimService serves one accepted connection (keep-alive
// included) and turns each WSDL operation into a SimStore call. It also applies the injected
// faults and logs one line per request. Requests are read with XML 1.0's character rules, as
// Ongoing's .NET service reads them (sim_strict_xml.h). Only sim_server.cpp includes this header,
// so gSOAP types stay out of everything else.

#include <chrono>
#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>

#include "soapServiceSoapService.h"
#include "tests/wms_sim/sim_faults.h"
#include "tests/wms_sim/sim_operation.h"
#include "tests/wms_sim/sim_records.h"
#include "tests/wms_sim/sim_strict_xml.h"

namespace wmsbridge::sim {

class SimStore;

class SimService : public ServiceSoapService {
 public:
  /// Serves on `context` (an accepted connection; not owned). `stop` cuts injected sleeps short
  /// when the server shuts down.
  SimService(struct soap* context, SimStore& store, std::stop_token stop);
  /// Leaves the context to its owner. Never throws.
  ~SimService() override;
  SimService(const SimService&) = delete;
  SimService& operator=(const SimService&) = delete;

  /// Serves requests on the connection until the client closes it, the idle time-out passes,
  /// or a fault ends it. Returns a gSOAP error code (SOAP_OK on a normal end). Never throws.
  int serve() override;

  /// The 15 operations of the WSDL; each answers SOAP_OK or a SOAP fault code. Never throw.
  int ProcessArticle(_wsi__ProcessArticle* request,
                     _wsi__ProcessArticleResponse& response) override;
  int ProcessOrder(_wsi__ProcessOrder* request, _wsi__ProcessOrderResponse& response) override;
  int ProcessInOrder(_wsi__ProcessInOrder* request,
                     _wsi__ProcessInOrderResponse& response) override;
  int GetOrdersByQuery(_wsi__GetOrdersByQuery* request,
                       _wsi__GetOrdersByQueryResponse& response) override;
  int GetInOrdersByQuery(_wsi__GetInOrdersByQuery* request,
                         _wsi__GetInOrdersByQueryResponse& response) override;
  int UpdateOrderLines(_wsi__UpdateOrderLines* request,
                       _wsi__UpdateOrderLinesResponse& response) override;
  int UpdateInOrderLines(_wsi__UpdateInOrderLines* request,
                         _wsi__UpdateInOrderLinesResponse& response) override;
  int GetInventoryByQuery(_wsi__GetInventoryByQuery* request,
                          _wsi__GetInventoryByQueryResponse& response) override;
  int GetInventoryPerWarehouse(_wsi__GetInventoryPerWarehouse* request,
                               _wsi__GetInventoryPerWarehouseResponse& response) override;
  int GetInventoryChanges(_wsi__GetInventoryChanges* request,
                          _wsi__GetInventoryChangesResponse& response) override;
  int SetInventoryChangesToReported(_wsi__SetInventoryChangesToReported* request,
                                    _wsi__SetInventoryChangesToReportedResponse& response) override;
  int GetTransporterContracts(_wsi__GetTransporterContracts* request,
                              _wsi__GetTransporterContractsResponse& response) override;
  int GetOrderStatuses(_wsi__GetOrderStatuses* request,
                       _wsi__GetOrderStatusesResponse& response) override;
  int GetInOrderStatuses(_wsi__GetInOrderStatuses* request,
                         _wsi__GetInOrderStatusesResponse& response) override;
  int GetSystemStatus(_wsi__GetSystemStatus* request,
                      _wsi__GetSystemStatusResponse& response) override;

 private:
  struct Credentials {
    const std::string* goods_owner_code;
    const std::string* user_name;
    const std::string* password;
  };

  // What happened to the request being served; logged once it is answered.
  struct RequestState {
    std::optional<Operation> operation;
    std::string outcome;
    std::optional<FiredFault> fault;
    // Over a rate limit and answered with HTTP 429: the fault text and the Retry-After.
    std::optional<std::pair<std::string, int>> too_many_requests;
    std::string refusal;  // over a limit or injected: answered as a Process* refusal with this
    std::int64_t limit_call_id = 0;  // the call as the rate limits' history logged it
    std::chrono::steady_clock::time_point started;
    int saved_keep_alive = 0;
  };

  template <class Body>
  int Handle(Operation operation, const Credentials& credentials, Body&& body);
  // The same, for an operation whose answer carries a structured logon error (ErrorType
  // LogonError): `refuse_logon(text)` fills that answer instead of a fault.
  template <class Body, class RefuseLogon>
  int Handle(Operation operation, const Credentials& credentials, Body&& body,
             RefuseLogon&& refuse_logon);
  int BeginOperation(Operation operation);
  // Whether the call is over a rate limit: SOAP_OK to go on (also for a refusal answered by
  // the operation itself), else the fault or SOAP_STOP (serve() answers HTTP 429).
  int CheckRateLimits(Operation operation);
  // The call failed (a fault or Success=false): the consecutive-failure limit counts it.
  void CallFailed();
  int AnswerWithFault();
  int AnswerTooManyRequests();
  bool SendRaw(std::string_view data);
  // When the request breaks XML 1.0's character rules: makes .NET's Client fault the answer.
  void RefuseWithXmlProblem();
  void CloseConnection();
  void LogRequest();
  void SleepFor(int ms);
  static int CaptureSend(struct soap* context, const char* data, std::size_t length);

  SimStore& store_;
  std::stop_token stop_;
  StrictXmlReader strict_xml_;  // requests are read with XML 1.0's rules, as .NET reads them
  RequestState request_;
  std::string captured_;  // the real answer while an "after" fault swallows it
  int (*original_send_)(struct soap*, const char*, std::size_t) = nullptr;
};

}  // namespace wmsbridge::sim
