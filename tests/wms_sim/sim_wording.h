#pragma once
// The words of the simulated Ongoing's refusals and faults. The real service's wording is not
// part of its contract (reference notes §7.10): wmsbridge must decide by structure (Success,
// error types, the document's state), never by these words. The simulator can therefore speak
// in two ways, and the tests run the refusal and logon scenarios in both.

#include <optional>
#include <string>
#include <string_view>

#include "tests/wms_sim/sim_rate_limits.h"
#include "tests/wms_sim/sim_status.h"

namespace wmsbridge::sim {

enum class Wording {
  kStandard,     // English, as the simulator always spoke ("Order 1 already exists")
  kAlternative,  // Swedish, with none of the standard words ("Ordernummer 1 är upptaget")
};

/// "standard" or "alternative".
std::string WordingName(Wording wording);
/// The wording with that name, or nullopt.
std::optional<Wording> WordingFromName(std::string_view name);

/// What kind of document a refusal is about.
enum class DocumentNoun { kOrder, kInOrder };

/// The texts, one function per case. None of them throws (but std::bad_alloc).
class Phrases {
 public:
  explicit Phrases(Wording wording) : wording_(wording) {}

  std::string LogonFailed() const;
  std::string SimulatedFault() const;
  /// An injected refusal of a document (fault kind `refusal`).
  std::string SimulatedRefusal() const;
  std::string InternalError() const;
  std::string AlreadyExists(DocumentNoun noun, const std::string& number) const;
  std::string ExistsAndIsCancelled(DocumentNoun noun, const std::string& number) const;
  std::string CancelledCannotBeUpdated(DocumentNoun noun, const std::string& number) const;
  std::string DoesNotExist(DocumentNoun noun, const std::string& number) const;
  /// Picking (orders) or receiving (in-orders) has started: no update, no cancel.
  std::string LockedForUpdate(DocumentNoun noun, const std::string& number,
                              const std::string& status) const;
  std::string LockedForCancel(DocumentNoun noun, const std::string& number,
                              const std::string& status) const;
  /// A call over a rate limit: the method, the limit and the wait. The standard words name the
  /// rate limit (as the reference notes expect of Ongoing); the alternative ones do not.
  std::string RateLimited(const RateLimitHit& hit) const;

 private:
  bool english() const { return wording_ == Wording::kStandard; }
  Wording wording_;
};

}  // namespace wmsbridge::sim
