// Where the SQL files are found without sql_dir (jobs/sql_location.h, issue 14): next to the
// program as installed, wherever the installed tree was put, and the source tree's only for a
// program inside its own build folder.
#include <boost/test/unit_test.hpp>
#include <string>

#include "jobs/sql_location.h"

using namespace wmsbridge;

BOOST_AUTO_TEST_SUITE(sql_location)

BOOST_AUTO_TEST_CASE(an_installed_program_finds_the_sql_files_next_to_itself) {
  BOOST_TEST(jobs::DefaultSqlDirFor("/usr/bin/wmsbridge") == "/usr/share/wmsbridge/sql");
  BOOST_TEST(jobs::DefaultSqlDirFor("/opt/wmsbridge/bin/wmsbridge") ==
             "/opt/wmsbridge/share/wmsbridge/sql");
  // A package unpacked into a scratch root (dpkg -x) finds the scratch root's files.
  BOOST_TEST(jobs::DefaultSqlDirFor("/tmp/root/usr/bin/wmsbridge") ==
             "/tmp/root/usr/share/wmsbridge/sql");
  // A folder whose name only starts like the build folder's is not inside it.
  BOOST_TEST(jobs::DefaultSqlDirFor(std::string(WMSBRIDGE_BINARY_DIR) + "-other/bin/wmsbridge") ==
             std::string(WMSBRIDGE_BINARY_DIR) + "-other/share/wmsbridge/sql");
}

BOOST_AUTO_TEST_CASE(a_program_in_its_build_folder_uses_the_source_trees_sql_files) {
  BOOST_TEST(jobs::DefaultSqlDirFor(std::string(WMSBRIDGE_BINARY_DIR) + "/jobs/wmsbridge") ==
             std::string(WMSBRIDGE_SOURCE_DIR) + "/sql");
}

BOOST_AUTO_TEST_SUITE_END()
