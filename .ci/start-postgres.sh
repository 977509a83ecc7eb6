#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster on loopback for the tests (source it:
# `. .ci/start-postgres.sh`): data in a temp dir, run as the `postgres` user,
# trust authentication on 127.0.0.1 only. Sets CRM_KPI_TEST_PG and stops the
# cluster when the calling shell exits.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL 15 is not installed ($PG_BIN/initdb missing): the tests run on DuckDB and PGlite only." >&2
  return 0 2>/dev/null || exit 0
fi
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else sudo -u postgres "$@"; fi
}
PG_DATA=$(mktemp -d /tmp/crm-kpi-pg.XXXXXX)
chown postgres "$PG_DATA" 2>/dev/null || true
as_postgres "$PG_BIN/initdb" -D "$PG_DATA/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
# A random port, again if another process holds it.
for _ in 1 2 3 4 5; do
  PG_PORT=$((20000 + RANDOM % 20000))
  if as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA/data" -l "$PG_DATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DATA -c fsync=off" start >/dev/null; then
    export CRM_KPI_TEST_PG="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
    break
  fi
done
if [ -z "${CRM_KPI_TEST_PG:-}" ]; then
  echo "PostgreSQL 15 did not start; its log:" >&2
  cat "$PG_DATA/server.log" >&2
  return 1 2>/dev/null || exit 1
fi
stop_postgres() { as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PG_DATA"; }
trap stop_postgres EXIT
echo "PostgreSQL 15 on 127.0.0.1:$PG_PORT for the tests (CRM_KPI_TEST_PG)" >&2
