#!/usr/bin/env bash
# The mutation check (issue 9): breaks the product's rules one at a time (tests/mutants/mutants.py
# lists them), rebuilds, runs the tests that guard each rule, and fails if any breakage survives.
#   bash tests/mutants/run.sh [BUILD_DIR] [--only NAME ...] [--list]
# Needs a configured, built BUILD_DIR (default build/). Each mutant is applied to the work tree
# and reverted afterwards, also on Ctrl-C; the targets are rebuilt clean at the end. SQL mutants
# need no rebuild (queries are read at run time). Cases run on SQLite only (*/sqlite), except
# where a mutant names its cases; PostgreSQL is exercised by the main suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then build=$(cd "$1" && pwd); shift; fi
exec python3 "$root/tests/mutants/mutants.py" --root "$root" --build "$build" "$@"
