#include "tests/bench/null_wms_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "soapServiceSoapService.h"

namespace wmsbridge::bench {
namespace {

std::uint64_t Fnv1a(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// What the connection threads share with the server.
struct Shared {
  std::atomic<int> latency_ms{0};
  std::atomic<std::int64_t> calls{0};
  std::atomic<std::int64_t> write_calls{0};
  std::atomic<std::int64_t> write_bytes{0};
  std::atomic<std::uint64_t> hash_sum{0};
  std::atomic<int> next_id{1};
};

// The transporter services the tests' simulator is set up with (tests/support/sim_process.cpp),
// so that documents that name one are sent rather than refused by wmsbridge itself.
constexpr std::pair<const char*, const char*> kTransporters[] = {
    {"DHL", "PARCEL"}, {"POSTNORD", "MYPACK"}, {"POSTNORD", "HOME"}};

// One accepted connection. Every operation of the WSDL has one trivial handler: a write
// succeeds with a new id, a read finds nothing.
class NullService final : public ServiceSoapService {
 public:
  NullService(struct soap* context, Shared& shared)
      : ServiceSoapService(context), shared_(shared), next_recv_(context->frecv) {
    context->user = this;
    context->frecv = &NullService::TeeRecv;
  }
  NullService(const NullService&) = delete;
  NullService& operator=(const NullService&) = delete;

  /// As the generated serve(), but frees each request's objects once it is answered.
  int serve() override {
    soap->keep_alive = soap->max_keep_alive + 1;
    do {
      if (soap->keep_alive > 0 && soap->max_keep_alive > 0)
        --soap->keep_alive;
      received_.clear();
      if (soap_begin_serve(soap)) {
        if (soap->error >= SOAP_STOP)
          continue;
        return soap->error;  // the client closed, or the idle time-out passed
      }
      if (dispatch() != SOAP_OK && soap->error != SOAP_OK && soap->error < SOAP_STOP)
        return soap_valid_socket(soap->socket) ? soap_send_fault(soap) : soap->error;
      soap_destroy(soap);
      soap_end(soap);
    } while (soap->keep_alive);
    return SOAP_OK;
  }

  int ProcessArticle(_wsi__ProcessArticle*, _wsi__ProcessArticleResponse& response) override {
    Begin(true);
    wsi__FileResultClass* result = Success();
    result->ArticleDefId = soap_new_int(soap);
    *result->ArticleDefId = NextId();
    response.ProcessArticleResult = result;
    return SOAP_OK;
  }
  int ProcessOrder(_wsi__ProcessOrder*, _wsi__ProcessOrderResponse& response) override {
    Begin(true);
    response.ProcessOrderResult = Success();
    response.ProcessOrderResult->OrderId = NextId();
    return SOAP_OK;
  }
  int ProcessInOrder(_wsi__ProcessInOrder*, _wsi__ProcessInOrderResponse& response) override {
    Begin(true);
    response.ProcessInOrderResult = Success();
    response.ProcessInOrderResult->InOrderId = NextId();
    return SOAP_OK;
  }
  int GetOrdersByQuery(_wsi__GetOrdersByQuery*, _wsi__GetOrdersByQueryResponse& response) override {
    Begin(false);
    response.GetOrdersByQueryResult = soap_new_wsi__GetOrdersResult(soap);
    response.GetOrdersByQueryResult->Orders = soap_new_wsi__ArrayOfOrder(soap);
    return SOAP_OK;
  }
  int GetInOrdersByQuery(_wsi__GetInOrdersByQuery*,
                         _wsi__GetInOrdersByQueryResponse& response) override {
    Begin(false);
    response.GetInOrdersByQueryResult = soap_new_wsi__GetInOrdersResult(soap);
    response.GetInOrdersByQueryResult->InOrders = soap_new_wsi__ArrayOfReceivedInOrder(soap);
    return SOAP_OK;
  }
  int UpdateOrderLines(_wsi__UpdateOrderLines*, _wsi__UpdateOrderLinesResponse& response) override {
    Begin(true);  // report-back marks: a write like the others
    response.UpdateOrderLinesResult = soap_new_wsi__UpdateOrderLinesResult(soap);
    response.UpdateOrderLinesResult->Success = true;
    return SOAP_OK;
  }
  int UpdateInOrderLines(_wsi__UpdateInOrderLines*,
                         _wsi__UpdateInOrderLinesResponse& response) override {
    Begin(true);
    response.UpdateInOrderLinesResult = soap_new_wsi__UpdateInOrderLinesResult(soap);
    response.UpdateInOrderLinesResult->Success = true;
    return SOAP_OK;
  }
  int GetInventoryByQuery(_wsi__GetInventoryByQuery*,
                          _wsi__GetInventoryByQueryResponse& response) override {
    Begin(false);
    response.GetInventoryByQueryResult = soap_new_wsi__InventoryResult(soap);
    response.GetInventoryByQueryResult->InventoryLines = soap_new_wsi__ArrayOfInventoryLine(soap);
    return SOAP_OK;
  }
  int GetInventoryPerWarehouse(_wsi__GetInventoryPerWarehouse*,
                               _wsi__GetInventoryPerWarehouseResponse& response) override {
    Begin(false);  // also the logon check every job makes first: it must say Success
    auto* result = soap_new_wsi__GetInventoryPerWarehouseResult(soap);
    result->Success = true;
    result->PerWarehouseArticleLines = soap_new_wsi__ArrayOfPerWarehouseArticleLine(soap);
    response.GetInventoryPerWarehouseResult = result;
    return SOAP_OK;
  }
  int GetInventoryChanges(_wsi__GetInventoryChanges*,
                          _wsi__GetInventoryChangesResponse& response) override {
    Begin(false);
    response.GetInventoryChangesResult = soap_new_wsi__InventoryChangesResult(soap);
    response.GetInventoryChangesResult->InventoryChangeLines =
        soap_new_wsi__ArrayOfInventoryChangeLine(soap);
    return SOAP_OK;
  }
  int SetInventoryChangesToReported(
      _wsi__SetInventoryChangesToReported*,
      _wsi__SetInventoryChangesToReportedResponse& response) override {
    Begin(false);
    response.SetInventoryChangesToReportedResult =
        soap_new_wsi__SetInventoryChangesToReportedResult(soap);
    response.SetInventoryChangesToReportedResult->Success = true;
    return SOAP_OK;
  }
  int GetTransporterContracts(_wsi__GetTransporterContracts*,
                              _wsi__GetTransporterContractsResponse& response) override {
    Begin(false);
    auto* result = soap_new_wsi__GetTransporterContractsResult(soap);
    result->TransporterContracts = soap_new_wsi__ArrayOfTransporterContract(soap);
    for (const auto& [code, service_code] : kTransporters) {
      auto* contract = soap_new_wsi__TransporterContract(soap);
      contract->TransporterCode = Text(code);
      contract->TransporterName = Text(code);
      contract->TransporterServiceCode = Text(service_code);
      contract->TransporterServices = soap_new_wsi__ArrayOfTransporterService(soap);
      auto* service = soap_new_wsi__TransporterService(soap);
      service->TransporterServiceCode = Text(service_code);
      service->TransporterServiceName = Text(service_code);
      contract->TransporterServices->TransporterService.push_back(service);
      result->TransporterContracts->TransporterContract.push_back(contract);
    }
    response.GetTransporterContractsResult = result;
    return SOAP_OK;
  }
  int GetOrderStatuses(_wsi__GetOrderStatuses*, _wsi__GetOrderStatusesResponse& response) override {
    Begin(false);
    response.GetOrderStatusesResult = soap_new_wsi__GetOrderStatusesResult(soap);
    response.GetOrderStatusesResult->OrderStatuses = soap_new_wsi__ArrayOfOrderStatus(soap);
    return SOAP_OK;
  }
  int GetInOrderStatuses(_wsi__GetInOrderStatuses*,
                         _wsi__GetInOrderStatusesResponse& response) override {
    Begin(false);
    response.GetInOrderStatusesResult = soap_new_wsi__GetInOrderStatusesResult(soap);
    response.GetInOrderStatusesResult->InOrderStatuses = soap_new_wsi__ArrayOfInOrderStatus(soap);
    return SOAP_OK;
  }
  int GetSystemStatus(_wsi__GetSystemStatus*, _wsi__GetSystemStatusResponse& response) override {
    Begin(false);
    auto* status = soap_new_wsi__SystemStatus(soap);
    status->IsRunning = true;
    status->SystemStatusText = Text("wms-null");
    status->BuildTime = "2026-01-01T00:00:00";
    response.GetSystemStatusResult = status;
    return SOAP_OK;
  }

 private:
  // Every byte read passes here: the request (header and body) since the last answer.
  static std::size_t TeeRecv(struct soap* context, char* data, std::size_t size) {
    auto* self = static_cast<NullService*>(context->user);
    const std::size_t got = self->next_recv_(context, data, size);
    self->received_.append(data, got);
    return got;
  }

  // Called once the request is read: count it, hash a write's body, then wait the latency.
  void Begin(bool write) {
    std::string_view body(received_);
    if (const auto end = body.find("\r\n\r\n"); end != std::string_view::npos)
      body.remove_prefix(end + 4);
    ++shared_.calls;
    if (write) {
      ++shared_.write_calls;
      shared_.write_bytes += static_cast<std::int64_t>(body.size());
      shared_.hash_sum += Fnv1a(body);
    }
    if (const int ms = shared_.latency_ms.load(); ms > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  }

  wsi__FileResultClass* Success() {
    auto* result = soap_new_wsi__FileResultClass(soap);
    result->Success = true;
    return result;
  }
  int NextId() { return shared_.next_id++; }
  std::string* Text(const char* value) {
    std::string* text = soap_new_std__string(soap);
    *text = value;
    return text;
  }

  Shared& shared_;
  std::size_t (*next_recv_)(struct soap*, char*, std::size_t);
  std::string received_;
};

struct FreeSoap {
  void operator()(struct soap* context) const {
    soap_destroy(context);
    soap_end(context);
    soap_free(context);
  }
};
using SoapPtr = std::unique_ptr<struct soap, FreeSoap>;

int BoundPort(SOAP_SOCKET socket) {
  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  if (getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) != 0)
    return 0;
  if (address.ss_family == AF_INET6)
    return ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
  return ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
}

}  // namespace

class NullWmsServer::Impl {
 public:
  explicit Impl(NullServerOptions options) : options_(std::move(options)) {
    shared_.latency_ms = options_.latency_ms;
    master_.reset(soap_new1(SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING));
    if (!master_)
      throw std::runtime_error("cannot allocate a gSOAP context");
    struct soap* context = master_.get();
    context->bind_flags = SO_REUSEADDR;
    context->accept_timeout = -200000;  // 200 ms, so that the loop notices a stop
    context->recv_timeout = 300;        // an idle keep-alive connection is closed after 5 min
    context->send_timeout = 30;
    context->max_keep_alive = 1000000;  // one connection serves a whole benchmark run
    if (!soap_valid_socket(soap_bind(context, options_.host.c_str(), options_.port, 128)))
      throw std::runtime_error("wms-null cannot bind " + options_.host + ":" +
                               std::to_string(options_.port));
    port_ = BoundPort(context->master);
    accepting_ = std::thread([this] { Accept(); });
  }

  ~Impl() {
    stop_ = true;
    if (accepting_.joinable())
      accepting_.join();
    std::unique_lock lock(mutex_);
    for (const int socket : open_sockets_)
      ::shutdown(socket, SHUT_RDWR);  // wakes threads blocked on idle connections
    changed_.wait(lock, [this] { return active_ == 0; });
  }

  int port() const { return port_; }
  const std::string& host() const { return options_.host; }
  Shared& shared() { return shared_; }

 private:
  void Accept() {
    struct soap* master = master_.get();
    while (!stop_) {
      if (!soap_valid_socket(soap_accept(master))) {
        if (master->errnum != 0)
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
        continue;  // time-out (or a failed accept): look at the stop flag again
      }
      SoapPtr connection(soap_copy(master));
      master->socket = SOAP_INVALID_SOCKET;  // the socket belongs to the copy now
      if (!connection)
        continue;
      connection->master = SOAP_INVALID_SOCKET;
      {
        std::lock_guard lock(mutex_);
        ++active_;
        open_sockets_.insert(connection->socket);
      }
      std::thread([this, moved = std::move(connection)]() mutable {
        const int socket = moved->socket;
        {
          NullService service(moved.get(), shared_);
          service.serve();
        }
        {
          std::lock_guard lock(mutex_);
          open_sockets_.erase(socket);
        }
        soap_force_closesock(moved.get());
        moved.reset();
        std::lock_guard lock(mutex_);
        --active_;
        changed_.notify_all();
      }).detach();
    }
  }

  NullServerOptions options_;
  Shared shared_;
  SoapPtr master_;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread accepting_;
  std::mutex mutex_;
  std::condition_variable changed_;
  int active_ = 0;
  std::set<int> open_sockets_;
};

NullWmsServer::NullWmsServer(NullServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

NullWmsServer::~NullWmsServer() = default;

int NullWmsServer::port() const {
  return impl_->port();
}

std::string NullWmsServer::url() const {
  return "http://" + impl_->host() + ":" + std::to_string(impl_->port()) + "/";
}

void NullWmsServer::SetLatencyMs(int latency_ms) {
  impl_->shared().latency_ms = latency_ms;
}

NullServerCounts NullWmsServer::Counts() const {
  const Shared& s = impl_->shared();
  return {s.calls.load(), s.write_calls.load(), s.write_bytes.load(), s.hash_sum.load()};
}

void NullWmsServer::ResetCounts() {
  Shared& s = impl_->shared();
  s.calls = 0;
  s.write_calls = 0;
  s.write_bytes = 0;
  s.hash_sum = 0;
}

}  // namespace wmsbridge::bench
