#!/usr/bin/env bash
# Benchmarks print figures; they assert nothing. Called by `jobs/setup.sh bench`.
#   jobs/bench.sh BUILD [ARTICLES] [ORDERS]   (defaults 100000 and 20000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
echo "== article export"
"$build/tests/bench/bench_article_export" "${2:-100000}" 2>/dev/null
echo "== customer-order export"
"$build/tests/bench/bench_order_export" "${3:-20000}" 2>/dev/null
