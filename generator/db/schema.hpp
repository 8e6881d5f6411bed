// The measure database's schema: one table per import file (built from the file specs, so the
// contract and the schema cannot drift apart), the indexes the quarter queries need, and a version.
#pragma once

#include <string>

namespace ss {

/// Bumped whenever the schema changes; open_database() migrates older databases step by step.
constexpr int schema_version = 5;
/// Reading commands (kpis, run) read only tables and columns that exist since this version, so they
/// open such a database as it is; writing commands migrate it. Schema 4's targets per breakdown are
/// read by every run.
constexpr int oldest_readable_version = 4;
/// PRAGMA application_id of a samen-sturen database ("SSTR"), so that other SQLite files are refused.
constexpr int application_id = 0x53535452;

/// Schema 2 adds the distributions table (what was sent to whom).
extern const char* distributions_ddl;
/// Schema 3 drops the date indexes of trajectories (they made the quarter queries slower).
extern const char* drop_trajectory_date_indexes;

/// Schema 4: targets per breakdown (kpi_targets.breakdown), the notes table, and the child and
/// cost-subject indexes of the re-entry and cost-per-trajectory KPIs.
std::string migration_to_4_sql();
/// Schema 5: the delivery history (rows removed, program version, snapshot, the backup kept
/// before the import) and `delivery_files` (each file's SHA-256 and its added/changed/removed rows).
const char* migration_to_5_sql();

/// The full DDL of schema_version, for a new database.
std::string schema_ddl();

} // namespace ss
