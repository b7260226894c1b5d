# Sourced by the test and benchmark scripts: a throw-away PostgreSQL cluster owned by the
# postgres user, listening on loopback only, trust authentication (test data, no secrets).
PGPORT=${WMSBRIDGE_PG_PORT:-55432}
PGDIR=${WMSBRIDGE_PG_DIR:-/tmp/wmsbridge-pg-$PGPORT}
pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }
pg_start() {
  local bin; bin=$(pg_bin)
  if [ -f "$PGDIR/postmaster.pid" ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$PGDIR" stop -m fast >/dev/null 2>&1 || true
  fi
  rm -rf "$PGDIR"
  mkdir -p "$PGDIR" && chown postgres:postgres "$PGDIR"
  runuser -u postgres -- "$bin/initdb" -D "$PGDIR" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$PGDIR" -w -l "$PGDIR/server.log" \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres wmsbridge_test
  echo "postgres: test cluster on 127.0.0.1:$PGPORT"
}
pg_stop() {
  runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$PGDIR" stop -m fast >/dev/null 2>&1 || true
}
