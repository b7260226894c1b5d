#!/usr/bin/env bash
# The Debian package (issue 14): built with CPack from this build folder, unpacked into a scratch
# root with dpkg -x (no root needed, nothing installed on the machine). Every file is at its FHS
# path, the package declares its dependencies, and the unpacked program runs: --help, then the
# documented example configuration from the scratch root's /etc/wmsbridge with sql_dir left
# out, so the program must find the packaged SQL files next to itself; --version, and `check`
# against the packaged simulator.
# Usage: test_package.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/wmsbridge-package.XXXXXX")  # never inside the build folder
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) ||
  { cat "$scratch/cpack.log" >&2; fail "cpack did not build the package"; }
deb=$(ls "$scratch"/out/wmsbridge_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no wmsbridge_*.deb in $scratch/out"

# Dependencies: the shared libraries (dpkg-shlibdeps) and the ones declared by hand.
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libpoco adduser tzdata unixodbc libgsoap; do
  grep -q "$needed" <<<"$depends" || fail "Depends lacks $needed: $depends"
done
control=$(dpkg-deb --ctrl-tarfile "$deb" | tar -t)  # whole: grep -q would cut the pipe
grep -q postinst <<<"$control" || fail "no postinst in the package"

root=$scratch/root
dpkg -x "$deb" "$root"
for path in usr/bin/wmsbridge usr/bin/wms-sim \
    usr/share/wmsbridge/sql/queries usr/share/wmsbridge/sql/demo/erp_sample_data.sql \
    etc/wmsbridge/wmsbridge.ini.example \
    lib/systemd/system/wmsbridge.service lib/systemd/system/wmsbridge-run-due.service \
    lib/systemd/system/wmsbridge-run-due.timer \
    usr/share/doc/wmsbridge/configuration.md usr/share/doc/wmsbridge/installation.md \
    usr/share/doc/wmsbridge/examples/wmsbridge.ini usr/share/doc/wmsbridge/examples/wmsbridge.cron; do
  [ -e "$root/$path" ] || fail "/$path is not in the package"
done
grep -q '^ExecStart=/usr/bin/wmsbridge .* run-due$' "$root/lib/systemd/system/wmsbridge-run-due.service" ||
  fail "the run-due unit does not run wmsbridge run-due"
grep -q '^OnCalendar=minutely$' "$root/lib/systemd/system/wmsbridge-run-due.timer" ||
  fail "the timer does not fire every minute"
cmp -s "$root/etc/wmsbridge/wmsbridge.ini.example" "$(dirname "$0")/../../docs/examples/wmsbridge.ini" ||
  fail "/etc/wmsbridge/wmsbridge.ini.example is not the documented example"

"$root/usr/bin/wmsbridge" --help >"$scratch/help.txt" 2>&1 || fail "wmsbridge --help failed"
grep -q -- '--config' "$scratch/help.txt" || fail "wmsbridge --help does not describe --config"
"$root/usr/bin/wms-sim" --help >/dev/null 2>&1 || fail "wms-sim --help failed"
version=$("$root/usr/bin/wmsbridge" --version) || fail "wmsbridge --version failed"
[[ "$version" =~ ^wmsbridge\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "wmsbridge --version printed '$version'"

# The example configuration, its machine paths moved into the scratch root, sql_dir removed.
etc=$root/etc/wmsbridge
mkdir -p "$scratch/log"
sed -e '/^sql_dir/d' -e "s#/etc/wmsbridge/#$etc/#g" -e "s#/var/log/wmsbridge/#$scratch/log/#g" \
    -e "s#/var/lib/erp/erp.db#$scratch/erp.db#" \
    "$etc/wmsbridge.ini.example" >"$etc/wmsbridge.ini"
(umask 077 && printf 'Pw-of-the-3PL\n' >"$etc/demo.password" && printf 'md5-keys\n' >"$etc/demo.md5keys")
"$root/usr/bin/wmsbridge" --config "$etc/wmsbridge.ini" db init-demo >"$scratch/init.txt" 2>&1 ||
  { cat "$scratch/init.txt" >&2; fail "db init-demo with the example configuration failed"; }

# `wmsbridge check` from the installed paths, against the packaged wms-sim playing the 3PL on
# loopback (plain http to this machine is allowed): every check of the demo passes.
cat >"$scratch/sim.ini" <<INI
[goods_owner]
code = DEMO
id = 42
user = wmsbridge
password_file = $etc/demo.password
[transporters]
POSTNORD.MYPACK = PostNord MyPack Collect
POSTNORD.HOME = PostNord Hemleverans
DHL.PARCEL = DHL Parcel Connect
[currencies]
list = SEK,EUR
[warehouses]
1 = MAIN
2 = UME1
INI
"$root/usr/bin/wms-sim" init --state "$scratch/sim.db" --config "$scratch/sim.ini" >/dev/null ||
  fail "wms-sim init failed"
"$root/usr/bin/wms-sim" serve --state "$scratch/sim.db" --port 0 --port-file "$scratch/sim.port" \
  >"$scratch/sim.log" 2>&1 &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null || true; wait $sim_pid 2>/dev/null || true; rm -rf "$scratch"' EXIT
for _ in $(seq 1 200); do [ -s "$scratch/sim.port" ] && break; sleep 0.05; done
[ -s "$scratch/sim.port" ] || { cat "$scratch/sim.log" >&2; fail "wms-sim did not start"; }
sed -i "s#^wms_service_url = .*#wms_service_url = http://127.0.0.1:$(cat "$scratch/sim.port")/service.asmx#" \
  "$etc/wmsbridge.ini"
set +e
"$root/usr/bin/wmsbridge" --config "$etc/wmsbridge.ini" check >"$scratch/check.txt" 2>&1
code=$?
set -e
[ "$code" = 0 ] || { cat "$scratch/check.txt" >&2; fail "wmsbridge check exited $code"; }
grep -q "demo: ok    WMS logon: accepted" "$scratch/check.txt" ||
  { cat "$scratch/check.txt" >&2; fail "wmsbridge check did not check the logon"; }

# Without the packaged SQL files the program names the folder it looked in: the scratch root's.
mv "$root/usr/share/wmsbridge/sql" "$root/usr/share/wmsbridge/sql.away"
set +e
"$root/usr/bin/wmsbridge" --config "$etc/wmsbridge.ini" db migrate >"$scratch/nosql.txt" 2>&1
code=$?
set -e
[ "$code" = 78 ] || { cat "$scratch/nosql.txt" >&2; fail "exit $code without the SQL files, not 78"; }
grep -q "wmsbridge.sql_dir: $root/usr/share/wmsbridge/sql holds no queries/ folder" "$scratch/nosql.txt" ||
  { cat "$scratch/nosql.txt" >&2; fail "the default SQL folder is not the packaged one"; }
echo "package: $(basename "$deb") unpacked and run from a scratch root"
