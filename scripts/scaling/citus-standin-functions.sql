-- The Citus stand-in's create_distributed_table and create_reference_table
-- (same names and arguments as Citus's), in the schema citus_standin, so that
-- citus-layout.sql runs unchanged on Citus and here.
--
-- A distributed table becomes a table PARTITION BY HASH (its distribution
-- column) with citus_standin.shard_count partitions; partition i is a
-- postgres_fdw foreign table on worker server i mod (number of workers)
-- (servers named worker_1, worker_2, …, made by prepare-citus-standin.ts).
-- Every distributed table has the same modulus and placement, so two tables
-- hashed on the same values are colocated partition by partition, as Citus
-- colocates shards. A reference table stays a plain table on the coordinator.
CREATE SCHEMA IF NOT EXISTS citus_standin;

-- What the layout made of each table (Citus keeps this in pg_dist_partition).
CREATE TABLE IF NOT EXISTS citus_standin.tables (
  relation text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('distributed', 'reference')),
  hashed_on text,
  colocated_with text
);

CREATE OR REPLACE FUNCTION citus_standin.create_distributed_table(
  table_name text,
  distribution_column text,
  colocate_with text DEFAULT 'default'
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  shards int := coalesce(nullif(current_setting('citus_standin.shard_count', true), ''), '4')::int;
  servers text[] := ARRAY(SELECT srvname::text FROM pg_foreign_server WHERE srvname ~ '^worker_[0-9]+$' ORDER BY srvname);
  local_copy text := table_name || '_local';
  shard text;
  has_rows boolean;
BEGIN
  IF cardinality(servers) = 0 THEN
    RAISE EXCEPTION 'no worker servers (worker_1, worker_2, …): run prepare-citus-standin.ts';
  END IF;
  IF colocate_with NOT IN ('default', 'none')
     AND NOT EXISTS (SELECT 1 FROM citus_standin.tables t WHERE t.relation = colocate_with AND t.kind = 'distributed') THEN
    RAISE EXCEPTION 'cannot colocate % with %: % is not distributed', table_name, colocate_with, colocate_with;
  END IF;
  -- Citus moves rows already there to the shards; the stand-in's shards exist on the workers only afterwards.
  EXECUTE format('SELECT EXISTS (SELECT FROM %I)', table_name) INTO has_rows;
  IF has_rows THEN
    RAISE EXCEPTION 'table % holds rows: lay the stand-in out before the first import', table_name;
  END IF;
  -- The table crm-kpi created gives the columns, defaults and NOT NULLs.
  EXECUTE format('ALTER TABLE %I RENAME TO %I', table_name, local_copy);
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY HASH (%I)',
    table_name, local_copy, distribution_column);
  FOR i IN 0 .. shards - 1 LOOP
    shard := format('%s_shard_%s', table_name, i);
    EXECUTE format(
      'CREATE FOREIGN TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS %s, REMAINDER %s) SERVER %I OPTIONS (table_name %L)',
      shard, table_name, shards, i, servers[1 + i % cardinality(servers)], shard);
  END LOOP;
  EXECUTE format('DROP TABLE %I', local_copy);
  INSERT INTO citus_standin.tables VALUES (table_name, 'distributed', distribution_column, colocate_with);
END $$;

CREATE OR REPLACE FUNCTION citus_standin.create_reference_table(table_name text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM table_name::regclass; -- fails on a name crm-kpi has no table for
  INSERT INTO citus_standin.tables VALUES (table_name, 'reference', NULL, NULL);
END $$;
