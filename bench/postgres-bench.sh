#!/usr/bin/env bash
# The bench on PostgreSQL (issue 11, part 5): a throwaway PostgreSQL 15 cluster
# (.ci/start-postgres.sh: loopback, fsync=off) given settings for an analytic
# load on this 2-core, 24 GiB machine, then `npm run bench -- --postgres URL …`.
#   bash bench/postgres-bench.sh --scales 10 --check --postgres-only
# JIT is off already: the engine turns it off per session (postgres-engine.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/start-postgres.sh
psql_() { psql "$CRM_KPI_TEST_PG" -qAt -v ON_ERROR_STOP=1 -c "$1"; }
psql_ "ALTER SYSTEM SET shared_buffers = '4GB'"
psql_ "ALTER SYSTEM SET work_mem = '256MB'"
psql_ "ALTER SYSTEM SET maintenance_work_mem = '1GB'"
psql_ "ALTER SYSTEM SET temp_buffers = '256MB'"
psql_ "ALTER SYSTEM SET effective_cache_size = '16GB'"
psql_ "ALTER SYSTEM SET max_parallel_workers_per_gather = 2"
psql_ "ALTER SYSTEM SET max_wal_size = '8GB'"
psql_ "ALTER SYSTEM SET random_page_cost = 1.1"
# shared_buffers takes a restart (pg_ctl reuses the start options: loopback, port, fsync=off).
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA/data" -l "$PG_DATA/server.log" -w restart >/dev/null
echo "settings: $(psql_ "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('shared_buffers','work_mem','maintenance_work_mem','temp_buffers','effective_cache_size',
  'max_parallel_workers_per_gather','max_wal_size','random_page_cost','fsync','jit')")" >&2
npx tsx bench/run-bench.ts --postgres "$CRM_KPI_TEST_PG" "$@"
