#pragma once
// Secret files as an installation keeps them: the value and a newline, mode 0600 (the loader
// refuses a file that group or others can read).

#include <string>

namespace wmsbridge::test {

/// Writes `value` and a newline to `path` (replacing it) and makes it 0600. Throws
/// std::runtime_error if the file cannot be written.
void WriteSecretFile(const std::string& path, const std::string& value);

}  // namespace wmsbridge::test
