#pragma once
// Where the SQL files (sql/: queries, per-dialect folders, migrations) are when the configuration
// does not say (`sql_dir`): next to the program as installed (../share/wmsbridge/sql from its
// bin/ folder, so /usr/share/wmsbridge/sql for /usr/bin/wmsbridge, and the same inside a
// scratch root a package was unpacked into), or the source tree's sql/ for a program that runs
// from the build folder it was built in.

#include <string>

namespace wmsbridge::jobs {

/// The default sql_dir of this program; never throws (falls back to the installed path).
std::string DefaultSqlDir();

/// The same for a program at `program` (an absolute path); for tests.
std::string DefaultSqlDirFor(const std::string& program);

}  // namespace wmsbridge::jobs
