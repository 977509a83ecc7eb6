#!/usr/bin/env bash
# The closest stand-in for Citus this machine can run (source it after
# `. .ci/start-postgres.sh`): two more throwaway PostgreSQL 15 clusters on
# loopback as workers, and a coordinator database `crm_kpi_citus` on the first
# cluster. Sets CRM_KPI_TEST_CITUS (the coordinator's URL) and
# CRM_KPI_TEST_CITUS_WORKERS (the workers' URLs, comma-separated); the tests
# lay the tables out themselves (scripts/scaling/prepare-citus-standin.ts).
# The workers stop when the calling shell exits, and so does the first cluster.
if [ -z "${CRM_KPI_TEST_PG:-}" ]; then
  echo "No PostgreSQL cluster (CRM_KPI_TEST_PG is unset): the Citus stand-in is not started." >&2
  return 0 2>/dev/null || exit 0
fi
if [ ! -f /usr/share/postgresql/15/extension/postgres_fdw.control ]; then
  echo "postgres_fdw is missing (/usr/share/postgresql/15/extension): the Citus stand-in is not started." >&2
  return 0 2>/dev/null || exit 0
fi
CITUS_DATA=$(mktemp -d /tmp/crm-kpi-citus.XXXXXX)
chown postgres "$CITUS_DATA" 2>/dev/null || true
citus_workers=()
for worker in 1 2; do
  dir="$CITUS_DATA/worker$worker"
  as_postgres mkdir -p "$dir"
  as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  started=""
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 20000))
    if as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null; then
      started=1
      citus_workers+=("postgres://postgres@127.0.0.1:$port/postgres")
      break
    fi
  done
  if [ -z "$started" ]; then
    echo "Citus stand-in worker $worker did not start; its log:" >&2
    cat "$dir/server.log" >&2
    return 1 2>/dev/null || exit 1
  fi
done
stop_citus_standin() {
  for worker in 1 2; do
    as_postgres "$PG_BIN/pg_ctl" -D "$CITUS_DATA/worker$worker/data" -m immediate stop >/dev/null 2>&1
  done
  rm -rf "$CITUS_DATA"
}
# Chained: the first cluster's trap (stop_postgres) still runs.
previous_exit_trap=$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT\$//")
trap "stop_citus_standin; ${previous_exit_trap:-:}" EXIT
"$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -d "$CRM_KPI_TEST_PG" -c "CREATE DATABASE crm_kpi_citus" >/dev/null
CRM_KPI_TEST_CITUS="${CRM_KPI_TEST_PG%/*}/crm_kpi_citus"
CRM_KPI_TEST_CITUS_WORKERS=$(IFS=,; echo "${citus_workers[*]}")
export CRM_KPI_TEST_CITUS CRM_KPI_TEST_CITUS_WORKERS
echo "Citus stand-in: coordinator $CRM_KPI_TEST_CITUS, workers $CRM_KPI_TEST_CITUS_WORKERS" >&2
