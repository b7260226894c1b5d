#pragma once
// The simulator's HTTP front: binds a loopback port and serves every accepted connection on a
// thread of its own (a keep-alive client must never block the others), with an idle time-out
// and a cap on threads. No gSOAP type appears here, so tests may run a server in-process.
// With a certificate and key it serves HTTPS: the TLS handshake runs on the connection's
// thread, so a client that stalls or refuses the certificate never blocks the accept loop.

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <stop_token>
#include <string>

namespace wmsbridge::sim {

class SimStore;

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;                  // 0: any free port
  int max_connections = 64;      // connection threads; further clients wait in the backlog
  int idle_timeout_seconds = 5;  // a keep-alive connection idle this long is closed
  // Both set: HTTPS with this PEM certificate (chain) and PEM private key. Both empty: HTTP.
  std::string tls_cert_file;
  std::string tls_key_file;
};

/// The certificate or key cannot be loaded, or does not fit together (a set-up error, not a
/// busy port).
class TlsSetupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SimServer {
 public:
  /// Prepares a server on `store`, which must outlive it. Does not bind yet.
  SimServer(SimStore& store, ServerOptions options);
  /// Stops and waits for the connection threads.
  ~SimServer();
  SimServer(const SimServer&) = delete;
  SimServer& operator=(const SimServer&) = delete;

  /// Loads the TLS certificate and key (if any), binds the listening socket and returns the
  /// actual port. Throws TlsSetupError if TLS cannot be set up, std::runtime_error if the
  /// address cannot be bound.
  int Bind();

  /// Accepts and serves connections until Stop() is called or *external_stop becomes true
  /// (a flag a signal handler may set). Then closes open connections and waits for their
  /// threads. Call Bind() first. Throws std::runtime_error if accepting fails for good.
  void Run(const std::atomic<bool>* external_stop = nullptr);

  /// Asks Run() to return; callable from any thread (not from a signal handler).
  void Stop();

  /// The bound port (0 before Bind()).
  int port() const { return port_; }
  /// True when connections speak HTTPS.
  bool tls() const { return !options_.tls_cert_file.empty(); }

 private:
  struct SoapContext;  // RAII owner of the listening gSOAP context, defined in the .cpp
  void ServeConnection(std::unique_ptr<SoapContext> connection);
  void ShutdownConnections();

  SimStore& store_;
  const ServerOptions options_;
  std::unique_ptr<SoapContext> master_;
  int port_ = 0;
  std::stop_source stop_;
  std::mutex connections_mutex_;
  std::condition_variable connections_changed_;
  std::set<int> open_sockets_;
  int active_connections_ = 0;
};

}  // namespace wmsbridge::sim
