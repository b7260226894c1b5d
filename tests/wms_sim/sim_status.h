#pragma once
// Status codes the simulator uses. Order statuses are Ongoing's standard list (warehouses may
// rename or renumber them); the in-order codes are the simulator's own choice because
// Ongoing's in-order codes are tenant specific.

#include <optional>
#include <string>
#include <vector>

namespace wmsbridge::sim {

enum class OrderStatus : int {
  kError = 150,
  kOpen = 200,
  kReleased = 300,
  kAllocated = 320,
  kPicked = 400,
  kSent = 450,
  kCollected = 500,
  kReturned = 800,
  kCancelled = 1000,
};

enum class InOrderStatus : int {
  kNotified = 100,
  kOpen = 200,
  kPartiallyReceived = 300,
  kReceived = 400,
  kCancelled = 1000,
};

/// Every order status in ascending order (the answer of GetOrderStatuses).
const std::vector<OrderStatus>& AllOrderStatuses();
/// Every in-order status in ascending order (the answer of GetInOrderStatuses).
const std::vector<InOrderStatus>& AllInOrderStatuses();

/// English name, e.g. "Sent". Never throws.
std::string StatusText(OrderStatus status);
/// English name, e.g. "Partially received". Never throws.
std::string StatusText(InOrderStatus status);

/// The status with that number, or nullopt when the simulator does not know it.
std::optional<OrderStatus> OrderStatusFromNumber(int number);
/// The in-order status with that number, or nullopt.
std::optional<InOrderStatus> InOrderStatusFromNumber(int number);

/// Picking has started from 300 Released on; cancelled orders are not "picking".
inline bool PickingHasStarted(OrderStatus status) {
  return static_cast<int>(status) >= static_cast<int>(OrderStatus::kReleased) &&
         status != OrderStatus::kCancelled;
}
/// Receiving has started from 300 Partially received on.
inline bool ReceivingHasStarted(InOrderStatus status) {
  return static_cast<int>(status) >= static_cast<int>(InOrderStatus::kPartiallyReceived) &&
         status != InOrderStatus::kCancelled;
}

}  // namespace wmsbridge::sim
