/** Messages of the database area (Opening databases: validation, read-only opens, locks and waiting, clean failures, writers that wait for each other); the other locales have exactly these keys (parity.test.ts). */
export const databaseEn = {
  "database.error.unreadable": "Cannot read {file}: {detail}.",
  "database.error.unreadable.fix": "Check the path and its permissions.",
  "database.error.notFound": "The database {file} does not exist.",
  "database.error.notFound.fix":
    "Check the --db path (or CRM_KPI_DB) for a typo, or create the database first: crm-kpi import <dir> --db {file}.",
  "database.error.badExtension":
    "crm-kpi creates a new database only under a name ending in .duckdb or .db, and {file} does not.",
  "database.error.badExtension.fix":
    "Name the database file, e.g. --db crm-kpi.duckdb; the data files to import go in the folder argument: crm-kpi import <dir> --db crm-kpi.duckdb.",
  "database.error.isDirectory": "{file} is a folder, not a database file.",
  "database.error.isDirectory.fix": "Name a file inside it, e.g. --db {file}/crm-kpi.duckdb.",
  "database.error.notDuckDB": "{file} is not a DuckDB database file (it may be a data file, such as a CSV).",
  "database.error.notDuckDB.fix":
    "Pass a .duckdb file to --db; data files to import go in the folder argument: crm-kpi import <dir> --db crm-kpi.duckdb.",
  "database.error.readOnlyFile": "The database {file} is read-only, and this command writes to it.",
  "database.error.readOnlyFile.fix":
    "Give yourself write permission (chmod u+w {file}), or run a command that only reads, such as report.",
  "database.error.foreign":
    "{file} is a DuckDB database, but not a crm-kpi one (it has {tables} tables of its own).",
  "database.error.foreign.fix":
    "crm-kpi keeps its data in a file of its own: pass a new path, e.g. --db crm-kpi.duckdb.",
  "database.error.empty": "The database {file} holds no crm-kpi data yet.",
  "database.error.empty.fix": "Import data first: crm-kpi import <dir> --db {file}.",
  "database.error.locked":
    "The database {file} is in use by another process (pid {pid}); waited {seconds} s.",
  "database.error.locked.fix":
    "Let that process finish (an import or a write) and try again, or wait longer with --wait <seconds>. Commands that only read run side by side, but not while another process writes.",
  "database.error.lockedNoPid": "The database {file} is in use by another process; waited {seconds} s.",
  "database.error.lockedNoPid.fix":
    "Let that process finish and try again, or wait longer with --wait <seconds>.",
  "database.error.badWait": 'The value "{value}" of --wait is not a number of seconds (0 or more).',
  "database.error.badWait.fix": "Pass a number of seconds, e.g. --wait 30 (0 fails at once).",
  "database.option.wait":
    "seconds to wait while another process holds the database (default: $CRM_KPI_WAIT or 5)",
  "database.demo.notEmpty":
    "The database {file} already holds data ({rows} rows); demo writes only into a new or empty database, so that its rows never mix with yours.",
  "database.demo.notEmpty.fix":
    "Run the demo on a new file, e.g. crm-kpi demo --db demo.duckdb, or delete {file} to start over.",
  "database.error.postgresUnreachable": "Cannot connect to the PostgreSQL database {file}: {detail}.",
  "database.error.postgresUnreachable.fix":
    "Check the URL (postgres://user@host:port/database) and that the server runs and lets you in; the password goes in the URL or in PGPASSWORD.",
  "database.error.foreignPostgres":
    "The PostgreSQL database {file} is not a crm-kpi one (its schema has {tables} tables of its own).",
  "error.database_busy":
    "Another crm-kpi command or server is writing to this PostgreSQL database (an import or another write); waited {seconds} s.",
  "error.database_busy.fix":
    "Try again when that write has finished, or wait longer with --wait <seconds> (or CRM_KPI_WAIT). Reports and other reads go on meanwhile, and see the data as it was before the write.",
  "database.error.foreignPostgres.fix":
    "Give crm-kpi a database of its own (createdb crm_kpi) and pass its URL, e.g. --db postgres://user@host/crm_kpi.",
} as const;
