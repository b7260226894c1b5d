#pragma once
// Injected faults: what the simulated Ongoing does wrong, on which calls. The specs live in the
// state DB so that `wms-sim fault` changes a running server; the firing rule is pure and
// deterministic (call counts and a seeded hash, never the clock).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/wms_sim/sim_operation.h"

namespace wmsbridge::sim {

enum class FaultKind {
  kLatency,    // sleep ms, then answer normally
  kHttp500,    // HTTP 500 with a short non-SOAP body
  kSoapFault,  // SOAP Server fault "Simulated fault"
  kDrop,       // close the connection without answering
  kMalformed,  // HTTP 200 whose body is not XML
  kTruncated,  // HTTP 200 with the envelope cut in the middle
  kTimeout,    // read the request, sleep ms (default 30 s), close without answering
  kRefusal,    // a Process* call answers Success=false, as Ongoing refuses a document for its
               // data (other operations: a SOAP Client fault with the same words)
};

/// "latency", "http500", "soap-fault", "drop", "malformed", "truncated", "timeout", "refusal".
std::string FaultKindName(FaultKind kind);
/// The kind with that name, or nullopt.
std::optional<FaultKind> FaultKindFromName(std::string_view name);
/// Duration used when a spec gives no ms: latency 1000, timeout 30000, others 0.
int DefaultFaultMs(FaultKind kind);

struct FaultSpec {
  FaultKind kind = FaultKind::kHttp500;
  std::optional<Operation> operation;  // nullopt: every operation
  std::optional<int> times;            // fire at most this often, then the fault is spent
  std::optional<int> every;            // fire on every N-th matching call only
  std::optional<double> probability;   // fire when the seeded draw is below this
  std::uint64_t seed = 1;
  int ms = 0;          // 0: DefaultFaultMs(kind)
  bool after = false;  // let the operation run (and store its change), then fail the answer
};

/// A stored fault and how often it matched and fired so far.
struct FaultState {
  int id = 0;
  FaultSpec spec;
  std::int64_t matched = 0;
  std::int64_t fired = 0;
};

struct FiredFault {
  int fault_id = 0;
  FaultKind kind = FaultKind::kHttp500;
  int ms = 0;
  bool after = false;
};

/// What to do with one request: sleep latency_ms first, then fail as `fired` says (if set).
struct FaultDecision {
  int latency_ms = 0;
  std::optional<FiredFault> fired;
};

/// Whether `spec` fires on its match_number-th matching call (1-based), `times` aside.
/// Deterministic: the same spec and number always give the same answer.
bool FaultFiresOn(const FaultSpec& spec, std::int64_t match_number);

/// One line for people: "http500 op=ProcessOrder times=2 every=3 after".
std::string DescribeFault(const FaultSpec& spec);

}  // namespace wmsbridge::sim
