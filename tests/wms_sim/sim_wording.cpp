#include "tests/wms_sim/sim_wording.h"

namespace wmsbridge::sim {
namespace {

std::string Noun(DocumentNoun noun, bool english) {
  if (english)
    return noun == DocumentNoun::kOrder ? "Order" : "In-order";
  return noun == DocumentNoun::kOrder ? "Order" : "Inleverans";
}

}  // namespace

std::string WordingName(Wording wording) {
  return wording == Wording::kStandard ? "standard" : "alternative";
}

std::optional<Wording> WordingFromName(std::string_view name) {
  if (name == "standard")
    return Wording::kStandard;
  if (name == "alternative")
    return Wording::kAlternative;
  return std::nullopt;
}

std::string Phrases::LogonFailed() const {
  return english() ? "Logon failed: wrong goods owner code, user name or password"
                   : "Åtkomst nekad för godsägaren";
}

std::string Phrases::SimulatedFault() const {
  return english() ? "Simulated fault" : "Tillfälligt fel i tjänsten";
}

std::string Phrases::SimulatedRefusal() const {
  return english() ? "Simulated refusal: the data cannot be saved"
                   : "Uppgifterna kan inte sparas (simulerat)";
}

std::string Phrases::InternalError() const {
  return english() ? "wms-sim internal error (see the simulator's log)"
                   : "Internt fel i wms-sim (se simulatorns logg)";
}

std::string Phrases::AlreadyExists(DocumentNoun noun, const std::string& number) const {
  return english() ? Noun(noun, true) + " " + number + " already exists"
                   : "Ordernummer " + number + " är upptaget";
}

std::string Phrases::ExistsAndIsCancelled(DocumentNoun noun, const std::string& number) const {
  if (english()) {
    const std::string what = noun == DocumentNoun::kOrder ? "order" : "in-order";
    return Noun(noun, true) + " " + number + " already exists and is cancelled; renumber the " +
           "cancelled " + what + " before reusing the number";
  }
  return "Ordernummer " + number + " är upptaget (makulerad)";
}

std::string Phrases::CancelledCannotBeUpdated(DocumentNoun noun, const std::string& number) const {
  return english() ? Noun(noun, true) + " " + number + " is cancelled and cannot be updated"
                   : Noun(noun, false) + " " + number + " är makulerad";
}

std::string Phrases::DoesNotExist(DocumentNoun noun, const std::string& number) const {
  return english() ? Noun(noun, true) + " " + number + " does not exist"
                   : Noun(noun, false) + " " + number + " hittades inte";
}

std::string Phrases::LockedForUpdate(DocumentNoun noun, const std::string& number,
                                     const std::string& status) const {
  if (english()) {
    return Noun(noun, true) + " " + number +
           " cannot be updated: " + (noun == DocumentNoun::kOrder ? "picking" : "receiving") +
           " has started (" + status + ")";
  }
  return Noun(noun, false) + " " + number + " är låst för ändring (" + status + ")";
}

std::string Phrases::LockedForCancel(DocumentNoun noun, const std::string& number,
                                     const std::string& status) const {
  if (english()) {
    return Noun(noun, true) + " " + number +
           " cannot be cancelled: " + (noun == DocumentNoun::kOrder ? "picking" : "receiving") +
           " has started (" + status + ")";
  }
  return Noun(noun, false) + " " + number + " får inte makuleras (" + status + ")";
}

std::string Phrases::RateLimited(const RateLimitHit& hit) const {
  const RateLimit& l = hit.limit;
  const std::string method = OperationName(l.operation), calls = std::to_string(l.max_calls),
                    window = std::to_string(l.window_seconds),
                    wait = std::to_string(hit.retry_after_seconds);
  const bool failures = l.kind == RateLimitKind::kFailures;
  if (english()) {
    return "Rate limit exceeded: " + method + " allows at most " + calls +
           (failures ? " consecutive failed calls" : " calls") + " in " + window +
           " seconds; try again in " + wait + " seconds";
  }
  return "Anropsgränsen är nådd: " + method + " tillåter högst " + calls +
         (failures ? " misslyckade anrop i följd" : " anrop") + " på " + window +
         " sekunder; försök igen om " + wait + " sekunder";
}

}  // namespace wmsbridge::sim
