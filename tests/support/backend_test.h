#pragma once
// One test body, two Boost.Test cases: NAME/sqlite and NAME/postgresql. Each backend is a test
// case of its own, so a run with WMSBRIDGE_SKIP_PG=1 reports the PostgreSQL cases as skipped
// (Boost.Test's precondition) instead of passing them, and a single backend can be picked with
// --run_test='*/sqlite'.
//
// Why not BOOST_DATA_TEST_CASE over a dataset of backends (issue 10 asked for it): in Boost
// 1.74 a data test case names its samples `_0`, `_1` (test_case_gen::genTestCaseName), so a
// filter would read --run_test='*/_0' and a report would not say which backend failed; and
// its decorators go to the generated suite as a whole, so a precondition skips both backends
// or neither, while Boost.Test 1.74 has no way for a running case to mark itself skipped. The
// two named cases per body below give what the data test case was wanted for: one backend
// selectable by name, each reported on its own, PostgreSQL reported skipped, not passed.
//
//   ERP_BACKEND_TEST(a_rule_holds_R7) {
//     SimProcess sim;
//     db.Exec("...");            // `db` is the backend (const test::ErpBackend&)
//   }

#include <boost/test/unit_test.hpp>

#include "tests/support/erp_backend.h"

namespace wmsbridge::test {

/// Precondition of every PostgreSQL case: false (skipped, with the reason) only when
/// WMSBRIDGE_SKIP_PG=1 is set explicitly.
boost::test_tools::assertion_result PostgresWanted(boost::unit_test::test_unit_id);

}  // namespace wmsbridge::test

#define ERP_BACKEND_TEST(name)                                                               \
  static void name##_body(const ::wmsbridge::test::ErpBackend& db);                          \
  BOOST_AUTO_TEST_SUITE(name)                                                                \
  BOOST_AUTO_TEST_CASE(sqlite) {                                                             \
    name##_body(*::wmsbridge::test::MakeSqliteBackend());                                    \
  }                                                                                          \
  BOOST_AUTO_TEST_CASE(postgresql,                                                           \
                       *boost::unit_test::precondition(::wmsbridge::test::PostgresWanted)) { \
    name##_body(*::wmsbridge::test::MakePostgresBackend());                                  \
  }                                                                                          \
  BOOST_AUTO_TEST_SUITE_END()                                                                \
  static void name##_body([[maybe_unused]] const ::wmsbridge::test::ErpBackend& db)
