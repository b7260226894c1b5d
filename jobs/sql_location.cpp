#include "jobs/sql_location.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace wmsbridge::jobs {

std::string DefaultSqlDirFor(const std::string& program) {
  namespace fs = std::filesystem;
  const fs::path exe = fs::path(program).lexically_normal();
  const fs::path build = fs::path(WMSBRIDGE_BUILD_DIR).lexically_normal();
  // A program inside its own build folder has never been installed: the source tree's sql/.
  const auto [build_end, exe_rest] =
      std::mismatch(build.begin(), build.end(), exe.begin(), exe.end());
  if (build_end == build.end())
    return WMSBRIDGE_SOURCE_SQL_DIR;
  return (exe.parent_path() / WMSBRIDGE_SQL_DIR_FROM_BIN).lexically_normal().string();
}

std::string DefaultSqlDir() {
  std::error_code error;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::string(WMSBRIDGE_INSTALLED_SQL_DIR) : DefaultSqlDirFor(exe.string());
}

}  // namespace wmsbridge::jobs
