-- How crm-kpi's tables are laid out on Citus (docs/scaling.md explains each choice).
-- Run on the coordinator once crm-kpi has created its tables (the first
-- `crm-kpi import --db postgres://…` does that). On Citus these are Citus's
-- own functions, which also move rows already imported to the shards; on the
-- stand-in (prepare-citus-standin.ts) functions of the same names and
-- arguments in the schema `citus_standin` play their part, on empty tables.

-- Everything about one customer lives on one node: customers and every table
-- that always names its customer, hashed on customer_id, shard by shard together.
SELECT create_distributed_table('customers', 'customer_id');
SELECT create_distributed_table('orders', 'customer_id', colocate_with => 'customers');
SELECT create_distributed_table('subscriptions', 'customer_id', colocate_with => 'customers');
SELECT create_distributed_table('tickets', 'customer_id', colocate_with => 'customers');
SELECT create_distributed_table('survey_responses', 'customer_id', colocate_with => 'customers');

-- Deals and leads often have no customer yet (43 % of the reference deals, 70 %
-- of its leads), and Citus refuses NULL in a distribution column: they are
-- hashed on their own ids, a deal's stage history with its deal.
SELECT create_distributed_table('deals', 'deal_id', colocate_with => 'none');
SELECT create_distributed_table('deal_stages', 'deal_id', colocate_with => 'deals');
SELECT create_distributed_table('leads', 'lead_id', colocate_with => 'none');
-- Email events name an address, not a customer.
SELECT create_distributed_table('email_events', 'email', colocate_with => 'none');

-- Small tables every node joins against: a copy on every node.
SELECT create_reference_table('reps');
SELECT create_reference_table('pipeline_stages');
SELECT create_reference_table('fx_rates');
SELECT create_reference_table('campaigns');
SELECT create_reference_table('spend');
SELECT create_reference_table('quotas');
SELECT create_reference_table('dataset_settings');
-- crm-kpi's own bookkeeping (schema_version, goals, quality_*, api_tokens) stays
-- on the coordinator as plain tables: it is tiny and never joined with facts.
