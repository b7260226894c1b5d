#include "tests/wms_sim/sim_faults.h"

#include <Poco/String.h>

#include <array>
#include <utility>

namespace wmsbridge::sim {

namespace {

constexpr std::array<std::pair<FaultKind, const char*>, 8> kKindNames = {{
    {FaultKind::kLatency, "latency"},
    {FaultKind::kHttp500, "http500"},
    {FaultKind::kSoapFault, "soap-fault"},
    {FaultKind::kDrop, "drop"},
    {FaultKind::kMalformed, "malformed"},
    {FaultKind::kTruncated, "truncated"},
    {FaultKind::kTimeout, "timeout"},
    {FaultKind::kRefusal, "refusal"},
}};

// SplitMix64: a tiny, well-mixed hash so that draw n depends only on (seed, n).
std::uint64_t Mix(std::uint64_t value) {
  value += 0x9E3779B97F4A7C15ULL;
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
  return value ^ (value >> 31);
}

double Draw(std::uint64_t seed, std::int64_t match_number) {
  const std::uint64_t bits = Mix(Mix(seed) ^ static_cast<std::uint64_t>(match_number));
  return static_cast<double>(bits >> 11) / static_cast<double>(1ULL << 53);
}

}  // namespace

std::string FaultKindName(FaultKind kind) {
  for (const auto& [candidate, name] : kKindNames) {
    if (candidate == kind) {
      return name;
    }
  }
  return "unknown";
}

std::optional<FaultKind> FaultKindFromName(std::string_view name) {
  for (const auto& [kind, candidate] : kKindNames) {
    if (Poco::icompare(std::string(candidate), std::string(name)) == 0) {
      return kind;
    }
  }
  return std::nullopt;
}

int DefaultFaultMs(FaultKind kind) {
  switch (kind) {
    case FaultKind::kLatency:
      return 1000;
    case FaultKind::kTimeout:
      return 30000;
    default:
      return 0;
  }
}

bool FaultFiresOn(const FaultSpec& spec, std::int64_t match_number) {
  if (spec.every && *spec.every > 0 && match_number % *spec.every != 0) {
    return false;
  }
  if (spec.probability && Draw(spec.seed, match_number) >= *spec.probability) {
    return false;
  }
  return true;
}

std::string DescribeFault(const FaultSpec& spec) {
  std::string text = FaultKindName(spec.kind);
  text += " op=" + (spec.operation ? OperationName(*spec.operation) : std::string("*"));
  if (spec.times) {
    text += " times=" + std::to_string(*spec.times);
  }
  if (spec.every) {
    text += " every=" + std::to_string(*spec.every);
  }
  if (spec.probability) {
    text +=
        " probability=" + std::to_string(*spec.probability) + " seed=" + std::to_string(spec.seed);
  }
  if (spec.kind == FaultKind::kLatency || spec.kind == FaultKind::kTimeout) {
    text += " ms=" + std::to_string(spec.ms > 0 ? spec.ms : DefaultFaultMs(spec.kind));
  }
  if (spec.after) {
    text += " after";
  }
  return text;
}

}  // namespace wmsbridge::sim
