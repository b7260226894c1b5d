#include "stages/erp/text_value.h"

#include <algorithm>

namespace wmsbridge::erp {

std::string WholeText(std::string pieces) {
  pieces.erase(std::remove(pieces.begin(), pieces.end(), '\0'), pieces.end());
  return pieces;
}

}  // namespace wmsbridge::erp
