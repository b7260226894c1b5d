#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (run as root):
#   bash jobs/setup.sh demo    install what is missing, build, run the main job on the embedded
#                              default (SQLite ERP through the SQLite ODBC driver, wms-sim on loopback)
#   bash jobs/setup.sh test    install what is missing, build, start PostgreSQL, run every test
#   bash jobs/setup.sh build   install what is missing and build only
#   bash jobs/setup.sh bench   install, build, run the benchmarks (prints figures)
# Safe to run again: it installs only missing packages and rebuilds incrementally.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WMSBRIDGE_BUILD_DIR:-$root/build}
mode=${1:-build}

packages=(build-essential cmake pkg-config git python3
  gsoap libgsoap-dev libssl-dev zlib1g-dev
  libpoco-dev libpugixml-dev libboost-test-dev libicu-dev
  unixodbc unixodbc-dev odbcinst libsqliteodbc sqlite3
  odbc-postgresql postgresql openssl
  dpkg-dev file)  # dpkg-dev, file: dpkg-shlibdeps for the .deb (cpack; tests/package)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# psqlODBC as Debian registers it logs every connection's traffic to /tmp (CommLog=1): statements
# and data of the ERP, and its logging code reads uninitialised memory when a connection closes
# (seen under valgrind, and as rare crashes). wmsbridge needs neither: switch it off.
quiet_psqlodbc() {
  if grep -q '^CommLog=1' /etc/odbcinst.ini 2>/dev/null; then
    sed -i 's/^CommLog=1$/CommLog=0/' /etc/odbcinst.ini
    echo "setup: psqlODBC communication log switched off (CommLog=0 in /etc/odbcinst.ini)"
  fi
}

build_all() {
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j2
}

case "$mode" in
  build) install_missing; quiet_psqlodbc; build_all ;;
  demo)  install_missing; quiet_psqlodbc; build_all; exec bash "$root/jobs/demo.sh" "$build" ;;
  test)  install_missing; quiet_psqlodbc; build_all; exec bash "$root/jobs/run_tests.sh" "$build" ;;
  bench) install_missing; quiet_psqlodbc; build_all; exec bash "$root/jobs/bench.sh" "$build" ;;
  *) echo "usage: jobs/setup.sh demo|test|build|bench" >&2; exit 64 ;;
esac
