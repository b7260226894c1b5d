#pragma once
// The transporter services Ongoing offers the goods owner ("CODE/SERVICE", from
// GetTransporterContracts), read at most once per run and only when an order names a delivery
// method. The order source reads them (a source may call the WMS, a transform may not); the
// transform checks each order's method against them (R5).

#include <set>
#include <string>

#include "stages/wms/wms_client.h"

namespace wmsbridge::customer_orders {

class TransporterServices {
 public:
  /// Reads the services from the WMS unless already read. Throws what the client throws.
  void LoadOnce(wms::WmsClient& client);
  /// Sets the services directly (unit tests, or a caller that read them otherwise).
  void Set(std::set<std::string> services);
  /// True when Ongoing offers `service` ("CODE/SERVICE"). Does not throw.
  bool Has(const std::string& service) const { return services_.count(service) > 0; }

 private:
  bool loaded_ = false;
  std::set<std::string> services_;
};

}  // namespace wmsbridge::customer_orders
