#!/usr/bin/env bash
# The main job on the embedded default, as `jobs/setup.sh demo` runs it:
#   - a demo ERP database in SQLite (var/demo/erp.db), reached through the SQLite ODBC driver,
#     with the reference schema and Swedish sample data;
#   - wms-sim, the Ongoing simulator, on a free loopback port (state in var/demo/sim.db);
#   - `wmsbridge run articles` twice: the first run sends every active article, the second
#     finds nothing changed and sends nothing; then `wmsbridge run customer-orders` (the demo
#     data holds an order the job refuses on purpose, so it ends with exit 65, shown, not fatal);
#     then the simulated warehouse ships an order and `wmsbridge run deliveries` brings the
#     delivered quantities and the tracking link back; then the stock job (R25) twice: the
#     warehouse's stock into the ERP, then after the warehouse counts a few articles differently,
#     the differences adjusted and the reconciliation report (HTML, CSV) written and its paths
#     printed; then `wmsbridge status`.
# State persists between demo runs; delete var/demo to start again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
demo=${WMSBRIDGE_DEMO_DIR:-$root/var/demo}
sim="$build/tests/wms_sim/wms-sim"
wmsbridge="$build/jobs/wmsbridge"
mkdir -p "$demo"
umask 077

# The demo's WMS password: random, in a file only root can read, shared by both sides.
if [ ! -s "$demo/wms.password" ]; then
  head -c 18 /dev/urandom | base64 > "$demo/wms.password"
fi
chmod 600 "$demo/wms.password"

cat > "$demo/sim.ini" <<INI
[goods_owner]
code = DEMO
id = 42
user = wmsbridge
password_file = $demo/wms.password
[transporters]
POSTNORD.MYPACK = PostNord MyPack Collect
POSTNORD.HOME = PostNord Hemleverans
DHL.PARCEL = DHL Parcel Connect
[currencies]
list = SEK,EUR,NOK
[warehouses]
1 = MAIN
2 = NORTH
INI
[ -f "$demo/sim.db" ] || "$sim" init --state "$demo/sim.db" --config "$demo/sim.ini"

rm -f "$demo/sim.port"
"$sim" serve --state "$demo/sim.db" --port 0 --port-file "$demo/sim.port" > "$demo/sim.log" 2>&1 &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null || true; wait $sim_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do [ -s "$demo/sim.port" ] && break; sleep 0.05; done
[ -s "$demo/sim.port" ] || { echo "demo: wms-sim did not start (see $demo/sim.log)" >&2; exit 1; }
port=$(cat "$demo/sim.port")
echo "demo: wms-sim listening on http://127.0.0.1:$port/service.asmx"

cat > "$demo/wmsbridge.ini" <<INI
[wmsbridge]
log_file = $demo/wmsbridge.log
[connection.demo]
goods_owner_code = DEMO
goods_owner_id = 42
login_name = wmsbridge
password_file = $demo/wms.password
wms_service_url = http://127.0.0.1:$port/service.asmx
erp_odbc = Driver=SQLite3;Database=$demo/erp.db
export.articles = true
export.customer_orders = true
warehouses = MAIN,NORTH
start_date = 2026-11-01
currencies = SEK,EUR,NOK
INI

if [ ! -f "$demo/erp.db" ]; then
  "$wmsbridge" --config "$demo/wmsbridge.ini" db init-demo
else
  "$wmsbridge" --config "$demo/wmsbridge.ini" db migrate
fi

echo "demo: first article export"
"$wmsbridge" --config "$demo/wmsbridge.ini" run articles
echo "demo: second article export (nothing changed, so nothing is sent)"
"$wmsbridge" --config "$demo/wmsbridge.ini" run articles
echo "demo: customer-order export (order 100508 is refused on purpose: its delivery method has no carrier codes)"
"$wmsbridge" --config "$demo/wmsbridge.ini" run customer-orders || true
echo "demo: the warehouse ships order 100501 (wms-sim plays the 3PL); the delivery comes back"
"$sim" ship --state "$demo/sim.db" --order 100501 \
  --parcel "00370000001=https://tracking.example/00370000001" >/dev/null || true
"$wmsbridge" --config "$demo/wmsbridge.ini" run deliveries
sqlite3 -header -column "$demo/erp.db" \
  "SELECT o.order_no, o.status, t.tracking_no, t.tracking_url FROM customer_order o
   JOIN shipment_tracking t ON t.order_id = o.order_id" 2>/dev/null || true
echo "demo: stock (R25): the warehouse holds stock; the stock job brings it into the ERP"
for entry in TR-1001=40 TR-1002=12 TR-1003=25 TR-1004=8; do
  "$sim" stock set --state "$demo/sim.db" --article "${entry%%=*}" --warehouse MAIN \
    --qty "${entry#*=}" >/dev/null
done
"$wmsbridge" --config "$demo/wmsbridge.ini" run stock || true
echo "demo: stock-taking: the warehouse counts TR-1002 and TR-1003 differently; the stock job adjusts"
"$sim" stock set --state "$demo/sim.db" --article TR-1002 --warehouse MAIN --qty 9 >/dev/null
"$sim" stock set --state "$demo/sim.db" --article TR-1003 --warehouse MAIN --qty 26 >/dev/null
"$wmsbridge" --config "$demo/wmsbridge.ini" run stock || true
echo "demo: stock reconciliation report: $demo/stock-demo.html and $demo/stock-demo.csv"
echo "demo: what the simulator counted"
"$sim" calls --state "$demo/sim.db"
echo "demo: latest runs"
"$wmsbridge" --config "$demo/wmsbridge.ini" status --runs 5
