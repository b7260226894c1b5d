#include "tests/wms_sim/sim_server.h"

#include <Poco/Logger.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <mutex>
#include <stdexcept>
#include <thread>

#include "tests/wms_sim/sim_service.h"
#include "tests/wms_sim/sim_store.h"

namespace wmsbridge::sim {

struct SimServer::SoapContext {
  struct Free {
    void operator()(struct soap* context) const {
      soap_destroy(context);
      soap_end(context);
      soap_free(context);  // also closes the context's sockets
    }
  };
  std::unique_ptr<struct soap, Free> context;
};

namespace {

int BoundPort(SOAP_SOCKET socket) {
  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  if (getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    return 0;
  }
  if (address.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
  }
  return ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
}

// OpenSSL's queued errors as one line (empty when there are none); empties the queue.
std::string OpenSslErrors() {
  std::string text;
  while (const unsigned long code = ERR_get_error()) {
    char buffer[256] = {};
    ERR_error_string_n(code, buffer, sizeof(buffer));
    text += (text.empty() ? "" : "; ") + std::string(buffer);
  }
  return text;
}

// gSOAP's fault string and detail on one log line.
std::string FaultLine(struct soap* context) {
  std::string text;
  for (const char* part : {soap_fault_string(context), soap_fault_detail(context)}) {
    if (part != nullptr && *part != '\0') {
      text += (text.empty() ? "" : " ") + std::string(part);
    }
  }
  for (char& c : text) {
    c = c == '\n' ? ' ' : c;
  }
  return text;
}

// Makes `context` a TLS server context. gSOAP wants the key and the certificate in one file,
// so the context is made without them and they are loaded into OpenSSL's context directly.
// Clients are not asked for a certificate.
void SetUpTls(struct soap* context, const std::string& cert_file, const std::string& key_file) {
  static std::once_flag ssl_init_once;
  std::call_once(ssl_init_once, [] { soap_ssl_init(); });
  if (soap_ssl_server_context(context, SOAP_SSL_NO_AUTHENTICATION, nullptr, nullptr, nullptr,
                              nullptr, nullptr, nullptr, nullptr) != SOAP_OK ||
      context->ctx == nullptr) {
    char message[256] = {};
    soap_sprint_fault(context, message, sizeof(message));
    throw TlsSetupError(std::string("cannot set up TLS: ") + message);
  }
  ERR_clear_error();
  if (SSL_CTX_use_certificate_chain_file(context->ctx, cert_file.c_str()) != 1) {
    throw TlsSetupError("cannot load the TLS certificate " + cert_file + ": " + OpenSslErrors());
  }
  if (SSL_CTX_use_PrivateKey_file(context->ctx, key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
    throw TlsSetupError("cannot load the TLS key " + key_file + ": " + OpenSslErrors());
  }
  if (SSL_CTX_check_private_key(context->ctx) != 1) {
    throw TlsSetupError("the TLS key " + key_file + " does not belong to the certificate " +
                        cert_file);
  }
}

}  // namespace

SimServer::SimServer(SimStore& store, ServerOptions options)
    : store_(store), options_(std::move(options)) {}

SimServer::~SimServer() {
  Stop();
  ShutdownConnections();
  std::unique_lock lock(connections_mutex_);
  connections_changed_.wait(lock, [this] { return active_connections_ == 0; });
}

int SimServer::Bind() {
  // SOAP 1.1 in and out (the generated namespace table is 1.1 only); keep-alive honoured.
  master_ =
      std::make_unique<SoapContext>(SoapContext{std::unique_ptr<struct soap, SoapContext::Free>(
          soap_new1(SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING))});
  struct soap* context = master_->context.get();
  if (!context) {
    throw std::runtime_error("cannot allocate a gSOAP context");
  }
  context->bind_flags = SO_REUSEADDR;
  context->accept_timeout = -200000;  // 200 ms, so that Run() notices a stop request
  context->recv_timeout = options_.idle_timeout_seconds;
  context->send_timeout = 30;
  context->max_keep_alive = 10000;
  if (options_.tls_cert_file.empty() != options_.tls_key_file.empty()) {
    throw TlsSetupError("HTTPS needs both a certificate and a key");
  }
  if (tls()) {
    SetUpTls(context, options_.tls_cert_file, options_.tls_key_file);
  }
  if (!soap_valid_socket(soap_bind(context, options_.host.c_str(), options_.port, 128))) {
    char message[256] = {};
    soap_sprint_fault(context, message, sizeof(message));
    throw std::runtime_error("cannot bind " + options_.host + ":" + std::to_string(options_.port) +
                             ": " + message);
  }
  port_ = BoundPort(context->master);
  return port_;
}

void SimServer::Run(const std::atomic<bool>* external_stop) {
  if (!master_) {
    throw std::runtime_error("SimServer::Run before Bind");
  }
  struct soap* master = master_->context.get();
  Poco::Logger& log = Poco::Logger::get("wms-sim");
  while (!stop_.stop_requested() && !(external_stop && external_stop->load())) {
    {
      // Cap the threads: wait for a free slot before accepting the next connection.
      std::unique_lock lock(connections_mutex_);
      connections_changed_.wait_for(lock, std::chrono::milliseconds(200), [this] {
        return active_connections_ < options_.max_connections;
      });
      if (active_connections_ >= options_.max_connections) {
        continue;
      }
    }
    if (!soap_valid_socket(soap_accept(master))) {
      if (master->errnum == 0) {
        continue;  // accept time-out: look at the stop flags again
      }
      log.warning("accept failed (errno %d); retrying", master->errnum);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    auto connection = std::make_unique<SoapContext>(
        SoapContext{std::unique_ptr<struct soap, SoapContext::Free>(soap_copy(master))});
    if (!connection->context) {
      soap_force_closesock(master);
      continue;
    }
    // The socket now belongs to the copy alone: the listener must never close that number
    // later, when it may already name another file.
    master->socket = SOAP_INVALID_SOCKET;
    connection->context->master = SOAP_INVALID_SOCKET;  // the copy must never close the listener
    {
      std::lock_guard lock(connections_mutex_);
      ++active_connections_;
      open_sockets_.insert(connection->context->socket);
    }
    std::thread([this, moved = std::move(connection)]() mutable {
      ServeConnection(std::move(moved));
    }).detach();
  }
  ShutdownConnections();
  std::unique_lock lock(connections_mutex_);
  connections_changed_.wait(lock, [this] { return active_connections_ == 0; });
}

void SimServer::ServeConnection(std::unique_ptr<SoapContext> connection) {
  const int socket = connection->context->socket;
  try {
    if (tls() && soap_ssl_accept(connection->context.get()) != SOAP_OK) {
      // Expected when a test client refuses our certificate: say so, and drop the connection.
      Poco::Logger::get("wms-sim").information("TLS handshake failed: %s",
                                               FaultLine(connection->context.get()));
    } else {
      SimService service(connection->context.get(), store_, stop_.get_token());
      service.serve();
    }
  } catch (const std::exception& error) {
    Poco::Logger::get("wms-sim").error("connection thread failed: %s", std::string(error.what()));
  }
  {
    // Forget the socket before closing it, so that a shutdown never hits a reused number.
    std::lock_guard lock(connections_mutex_);
    open_sockets_.erase(socket);
  }
  soap_force_closesock(connection->context.get());
  connection.reset();
  std::lock_guard lock(connections_mutex_);
  --active_connections_;
  connections_changed_.notify_all();
}

void SimServer::Stop() {
  stop_.request_stop();
  connections_changed_.notify_all();
}

void SimServer::ShutdownConnections() {
  // Wakes threads blocked in recv() on idle keep-alive connections; injected sleeps end
  // through the stop token.
  stop_.request_stop();
  std::lock_guard lock(connections_mutex_);
  for (int socket : open_sockets_) {
    ::shutdown(socket, SHUT_RDWR);
  }
}

}  // namespace wmsbridge::sim
