#!/usr/bin/env bash
# Runs the whole suite: starts a private PostgreSQL (port 55432, trust auth, stopped on exit)
# so the ODBC tests run against psqlODBC as well as SQLite, checks that generated/ is what
# wsdl/ makes, then runs CTest. Called by `jobs/setup.sh test`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}

# generated/ must be exactly what the recorded command makes from wsdl/.
regen=$(mktemp -d)
"$root/generated/regenerate.sh" "$regen"
if ! diff -r -q -x regenerate.sh -x CMakeLists.txt "$root/generated" "$regen"; then
  echo "run_tests: generated/ differs from what generated/regenerate.sh makes from wsdl/" >&2
  exit 1
fi
rm -rf "$regen"

source "$root/jobs/postgres.sh"
pg_start
trap pg_stop EXIT
export WMSBRIDGE_TEST_PG="Driver=PostgreSQL Unicode;Server=127.0.0.1;Port=${PGPORT};Database=wmsbridge_test;Uid=postgres;Pwd=;"

cd "$build"
ctest --output-on-failure -j2 --timeout 900

# The sanitizer run (docs/testing.md): the whole suite again, every program (tests, wmsbridge,
# wms-sim) built with AddressSanitizer and UndefinedBehaviorSanitizer (the asan-ubsan preset,
# in build-asan/). About 16-18 minutes on the CI machine (an 11-minute build, then the suite);
# WMSBRIDGE_SANITIZERS=0 leaves it out of a quick local run.
if [ "${WMSBRIDGE_SANITIZERS:-1}" != "0" ]; then
  asan_build=${WMSBRIDGE_ASAN_BUILD_DIR:-$root/build-asan}
  echo "run_tests: sanitizer run (asan-ubsan) in $asan_build"
  cmake -S "$root" -B "$asan_build" --preset asan-ubsan >/dev/null
  cmake --build "$asan_build" -j2
  (cd "$asan_build" && ctest --output-on-failure -j2 --timeout 1800)
fi

# The mutation check (docs/testing.md): every listed breakage of a rule must make a test fail.
# Every mutant's snippet is checked; running them is bounded by WMSBRIDGE_MUTANT_BUDGET_S
# (default 600 s, 0 = all) so the whole test command stays well inside CI's 90 minutes. The
# order rotates daily, so successive runs cover every mutant. WMSBRIDGE_MUTANTS=0 leaves the
# check out of a quick local run.
if [ "${WMSBRIDGE_MUTANTS:-1}" != "0" ]; then
  bash "$root/tests/mutants/run.sh" "$build" --budget-s "${WMSBRIDGE_MUTANT_BUDGET_S:-600}"
fi
