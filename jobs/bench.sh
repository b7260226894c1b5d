#!/usr/bin/env bash
# Benchmarks print figures; they assert nothing. Called by `jobs/setup.sh bench`.
#   jobs/bench.sh BUILD [ARTICLES] [ORDERS] [STOCK]   (defaults 100000, 20000 and 100000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
echo "== article export"
"$build/tests/bench/bench_article_export" "${2:-100000}" 2>/dev/null
echo "== customer-order export"
"$build/tests/bench/bench_order_export" "${3:-20000}" 2>/dev/null
echo "== stock job, 2 warehouses (memory must stay flat as the count grows)"
"$build/tests/bench/bench_stock" 10000 2>/dev/null
"$build/tests/bench/bench_stock" "${4:-100000}" 2>/dev/null
echo "== runners and connections: 20 connections, 1, 2 and 4 run-due processes, PostgreSQL"
if [ -n "${WMSBRIDGE_TEST_PG:-}" ]; then
  "$build/tests/bench/bench_runners" 20 20 1 2>/dev/null
else
  echo "(skipped: set WMSBRIDGE_TEST_PG to a PostgreSQL connection string)"
fi
