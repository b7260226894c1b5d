#!/usr/bin/env bash
# Benchmarks print figures; they assert nothing. Called by `jobs/setup.sh bench`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
exec "$build/tests/bench/bench_article_export" "${@:2}"
