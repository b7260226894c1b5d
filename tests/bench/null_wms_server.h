#pragma once
// The null server (issue 15 point 5): a gSOAP server built from the same stubs as wms-sim that
// answers every write at once with Success=true and a made-up id and every read with an empty
// result, and keeps nothing between requests. What is left of a call's cost against it is the
// client's and the protocol's own: the floor the benchmarks compare wmsbridge with.
//
// It also hashes the body of every write it is sent, so that a benchmark can show two clients
// sent the very same payloads (NullServerCounts::write_hash_sum). This header is free of
// gSOAP types.

#include <cstdint>
#include <memory>
#include <string>

namespace wmsbridge::bench {

struct NullServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;        // 0: a free port
  int latency_ms = 0;  // slept in every call before it answers
};

/// What the server was sent since it started (or since ResetCounts).
struct NullServerCounts {
  std::int64_t calls = 0;
  std::int64_t write_calls = 0;  // Process*, Update*Lines (report-back marks)
  std::int64_t write_bytes = 0;  // the writes' SOAP bodies, HTTP headers left out
  // The sum (mod 2^64) of each write's body's 64-bit FNV-1a hash: equal sums mean, short of a
  // collision, the same bodies were sent, in any order.
  std::uint64_t write_hash_sum = 0;
};

class NullWmsServer {
 public:
  /// Binds host:port and starts serving on threads of its own (one per connection).
  /// Throws std::runtime_error when it cannot bind.
  explicit NullWmsServer(NullServerOptions options);
  /// Stops accepting, closes the open connections and waits for their threads. Never throws.
  ~NullWmsServer();
  NullWmsServer(const NullWmsServer&) = delete;
  NullWmsServer& operator=(const NullWmsServer&) = delete;

  /// The bound port.
  int port() const;
  /// http://HOST:PORT/ for a client.
  std::string url() const;
  /// The latency of the calls that start from now on. Never throws.
  void SetLatencyMs(int latency_ms);
  /// A snapshot of the counters. Never throws.
  NullServerCounts Counts() const;
  /// Zeroes the counters. Never throws.
  void ResetCounts();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wmsbridge::bench
