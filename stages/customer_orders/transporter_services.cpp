#include "stages/customer_orders/transporter_services.h"

namespace wmsbridge::customer_orders {

void TransporterServices::LoadOnce(wms::WmsClient& client) {
  if (loaded_)
    return;
  std::set<std::string> services;
  for (const auto& contract : client.GetTransporterContracts()) {
    for (const auto& service : contract.services)
      services.insert(contract.transporter_code + "/" + service.code);
  }
  Set(std::move(services));
}

void TransporterServices::Set(std::set<std::string> services) {
  services_ = std::move(services);
  loaded_ = true;
}

}  // namespace wmsbridge::customer_orders
