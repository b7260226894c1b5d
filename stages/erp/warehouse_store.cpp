#include "stages/erp/warehouse_store.h"

#include <algorithm>

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

std::vector<std::string> WarehouseStore::Missing(const std::vector<std::string>& codes) {
  std::vector<std::string> known;
  db_.session() << db_.Query("select_warehouse_codes"), into(known), now;
  std::vector<std::string> missing;
  for (const std::string& code : codes) {
    if (std::find(known.begin(), known.end(), code) == known.end())
      missing.push_back(code);
  }
  return missing;
}

}  // namespace wmsbridge::erp
