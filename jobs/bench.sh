#!/usr/bin/env bash
# Benchmarks print figures; they assert nothing. Called by `jobs/setup.sh bench`.
#   jobs/bench.sh BUILD [ARTICLES] [ORDERS] [STOCK] [FLOOR_ARTICLES] [FLOOR_ORDERS] [DELIVERIES]
#   (defaults 100000, 20000, 100000, 2000, 500 and 2000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
echo "== article export"
"$build/tests/bench/bench_article_export" "${2:-100000}" 2>/dev/null
echo "== customer-order export"
"$build/tests/bench/bench_order_export" "${3:-20000}" 2>/dev/null
# wms-sim processes started by a benchmark say where they listen; only the figures are wanted.
figures() { grep -v -e '^initialized ' -e '^wms-sim listening' || true; }
echo "== the floor: wmsbridge / bare gSOAP loop, null server and wms-sim at 0, 1 and 20 ms"
"$build/tests/bench/bench_floor" "${5:-2000}" "${6:-500}" 200 2>/dev/null | figures
echo "== deliveries with nothing new"
"$build/tests/bench/bench_delivery_readback" "${7:-2000}" 2>/dev/null | figures
echo "== from ship to the ERP: webhooks on (measured) and off (the schedule's wait)"
"$build/tests/bench/bench_webhook_latency" 200 2>/dev/null | figures
echo "== stock job, 2 warehouses (memory must stay flat as the count grows)"
"$build/tests/bench/bench_stock" 10000 2>/dev/null
"$build/tests/bench/bench_stock" "${4:-100000}" 2>/dev/null
echo "== runners and connections: 20 connections, 1, 2 and 4 run-due processes, PostgreSQL"
if [ -n "${WMSBRIDGE_TEST_PG:-}" ]; then
  "$build/tests/bench/bench_runners" 20 20 1 2>/dev/null
else
  echo "(skipped: set WMSBRIDGE_TEST_PG to a PostgreSQL connection string)"
fi
