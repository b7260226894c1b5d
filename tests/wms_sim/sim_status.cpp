#include "tests/wms_sim/sim_status.h"

namespace wmsbridge::sim {

const std::vector<OrderStatus>& AllOrderStatuses() {
  static const std::vector<OrderStatus> all = {
      OrderStatus::kError,     OrderStatus::kOpen,     OrderStatus::kReleased,
      OrderStatus::kAllocated, OrderStatus::kPicked,   OrderStatus::kSent,
      OrderStatus::kCollected, OrderStatus::kReturned, OrderStatus::kCancelled};
  return all;
}

const std::vector<InOrderStatus>& AllInOrderStatuses() {
  static const std::vector<InOrderStatus> all = {
      InOrderStatus::kNotified, InOrderStatus::kOpen, InOrderStatus::kPartiallyReceived,
      InOrderStatus::kReceived, InOrderStatus::kCancelled};
  return all;
}

std::string StatusText(OrderStatus status) {
  switch (status) {
    case OrderStatus::kError:
      return "Error";
    case OrderStatus::kOpen:
      return "Open";
    case OrderStatus::kReleased:
      return "Released";
    case OrderStatus::kAllocated:
      return "Allocated";
    case OrderStatus::kPicked:
      return "Picked";
    case OrderStatus::kSent:
      return "Sent";
    case OrderStatus::kCollected:
      return "Collected";
    case OrderStatus::kReturned:
      return "Returned";
    case OrderStatus::kCancelled:
      return "Cancelled";
  }
  return "Unknown";
}

std::string StatusText(InOrderStatus status) {
  switch (status) {
    case InOrderStatus::kNotified:
      return "Notified";
    case InOrderStatus::kOpen:
      return "Open";
    case InOrderStatus::kPartiallyReceived:
      return "Partially received";
    case InOrderStatus::kReceived:
      return "Received";
    case InOrderStatus::kCancelled:
      return "Cancelled";
  }
  return "Unknown";
}

std::optional<OrderStatus> OrderStatusFromNumber(int number) {
  for (OrderStatus status : AllOrderStatuses()) {
    if (static_cast<int>(status) == number) {
      return status;
    }
  }
  return std::nullopt;
}

std::optional<InOrderStatus> InOrderStatusFromNumber(int number) {
  for (InOrderStatus status : AllInOrderStatuses()) {
    if (static_cast<int>(status) == number) {
      return status;
    }
  }
  return std::nullopt;
}

}  // namespace wmsbridge::sim
