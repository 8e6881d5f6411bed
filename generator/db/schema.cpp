#include "db/schema.hpp"

#include "core/text_split.hpp"
#include "schema/file_specs.hpp"

namespace ss {

namespace {

const char* sql_type(FieldKind kind) {
    switch (kind) {
    case FieldKind::integer: return "INTEGER";
    case FieldKind::decimal:
    case FieldKind::amount: return "REAL";
    default: return "TEXT";
    }
}

std::string table_ddl(const FileSpec& spec) {
    std::string ddl = "CREATE TABLE " + spec.table + " (\n";
    for (const auto& c : spec.columns)
        ddl += "  " + c.name + " " + sql_type(c.kind) + (c.nullable && c.kind != FieldKind::breakdown ? "" : " NOT NULL") + ",\n";
    ddl += "  PRIMARY KEY (" + join(spec.key, ", ") + ")";
    for (const auto& ref : spec.references)
        ddl += ",\n  FOREIGN KEY (" + ref.column + ") REFERENCES " + ref.table + " (" +
               file_spec(ref.table).key.front() + ")";
    // Text keys: clustering rows by key makes upserts and key lookups one B-tree walk.
    return ddl + "\n) WITHOUT ROWID;\n";
}

// Indexes for the KPI queries of kpis.md. Each query runs once per quarter for all scopes, so
// it reads a quarter's slice of a table rather than one municipality's rows: costs, progress and
// waiting lists are keyed quarter first (see file_specs.cpp) and need no index of their own.
// Trajectories have no date index (dropped in schema 3): even "started in Q" is read faster by
// scanning the table in key order (0.1 s on the national demo) than by an index whose every
// entry costs a random look-up in the clustered table (1.6 s for "active in Q").
const char* indexes = R"sql(
CREATE INDEX measures_by_scope ON measures (municipality_code, kind, start_date, end_date);
CREATE INDEX measures_by_institution ON measures (institution_id, start_date);
CREATE INDEX measures_by_child ON measures (child_id, kind, start_date);
CREATE INDEX case_workers_by_institution ON case_workers (institution_id);
CREATE INDEX municipalities_by_region ON municipalities (region_code);
)sql";

// Schema 4. Re-entry (JH08) follows a child's earlier trajectories, and the cost per ended
// trajectory (JH09, TR04) sums all cost records of a trajectory: both look records up by a key
// the primary keys do not start with. The cost index covers actual_eur, so a trajectory's sum
// reads the index alone (2.3 -> 0.9 s for the transparency table's two years, national demo).
const char* lookup_indexes = R"sql(
CREATE INDEX trajectories_by_child ON trajectories (child_id, start_date, end_date);
CREATE INDEX costs_by_subject ON costs (subject_type, subject_id, actual_eur);
)sql";

const char* bookkeeping = R"sql(
-- One row per import that changed something: when, from where, and the delivery date reports show.
CREATE TABLE deliveries (
  delivery_id INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  delivered_on TEXT NOT NULL,
  source TEXT NOT NULL,
  rows_inserted INTEGER NOT NULL,
  rows_updated INTEGER NOT NULL
);
)sql";

// Schema 5: what each delivery changed, file by file, and the copy of the database kept before it
// (issue #17: dry runs, snapshots, history and undo).
const char* delivery_history = R"sql(
ALTER TABLE deliveries ADD COLUMN rows_removed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN program_version TEXT NOT NULL DEFAULT '';
ALTER TABLE deliveries ADD COLUMN snapshot TEXT NOT NULL DEFAULT '';
ALTER TABLE deliveries ADD COLUMN backup_file TEXT;
-- Per delivery, each file it held: its SHA-256 and what its rows did to the database.
CREATE TABLE delivery_files (
  delivery_id INTEGER NOT NULL REFERENCES deliveries (delivery_id),
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows INTEGER NOT NULL,
  added INTEGER NOT NULL,
  changed INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  examples TEXT NOT NULL,
  PRIMARY KEY (delivery_id, file)
);
)sql";

} // namespace

const char* drop_trajectory_date_indexes = R"sql(
DROP INDEX IF EXISTS trajectories_by_start;
DROP INDEX IF EXISTS trajectories_by_end;
)sql";

const char* distributions_ddl = R"sql(
-- Every delivery of a quarter's files to a recipient: what was sent (the checksums of its files),
-- how, how often it was tried, and whether it went out. A re-run sends nothing twice.
CREATE TABLE distributions (
  quarter TEXT NOT NULL,
  scope_code TEXT NOT NULL,
  email TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  reports TEXT NOT NULL,
  files TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
  attempts INTEGER NOT NULL,
  last_error TEXT,
  transport TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (quarter, scope_code, email, content_sha256)
);
)sql";

std::string migration_to_4_sql() {
    // kpi_targets gains `breakdown` in its key: SQLite cannot change a primary key in place, so
    // the table is made anew and the old targets become targets of the total ('').
    return "ALTER TABLE kpi_targets RENAME TO kpi_targets_3;\n" + table_ddl(file_spec("kpi_targets")) +
           "INSERT INTO kpi_targets (kpi_id, scope_code, year, breakdown, target, direction)\n"
           "  SELECT kpi_id, scope_code, year, '', target, direction FROM kpi_targets_3;\n"
           "DROP TABLE kpi_targets_3;\n" +
           table_ddl(file_spec("notes")) + lookup_indexes;
}

const char* migration_to_5_sql() { return delivery_history; }

std::string schema_ddl() {
    std::string ddl;
    for (const auto& spec : file_specs()) ddl += table_ddl(spec);
    return ddl + indexes + lookup_indexes + bookkeeping + distributions_ddl + delivery_history;
}

} // namespace ss
