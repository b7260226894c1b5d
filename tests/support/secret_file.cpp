#include "tests/support/secret_file.h"

#include <sys/stat.h>

#include <fstream>
#include <stdexcept>

namespace wmsbridge::test {

void WriteSecretFile(const std::string& path, const std::string& value) {
  {
    std::ofstream out(path, std::ios::trunc);
    out << value << "\n";
    if (!out)
      throw std::runtime_error("cannot write " + path);
  }
  if (::chmod(path.c_str(), 0600) != 0)
    throw std::runtime_error("cannot chmod 0600 " + path);
}

}  // namespace wmsbridge::test
