// Opens the measure database: creates it, migrates an older one, or refuses it with a message
// that says what to do. Every caller goes through here, so foreign keys are always on.
#pragma once

#include <memory>
#include <string>

#include <SQLiteCpp/Database.h>

namespace ss {

enum class OpenMode {
    create_or_update, ///< import and demo: create the file when missing, migrate an older schema
    read_only,        ///< reports: the file must exist and be of this version
};

/// Throws DatabaseError (exit code 4) for a file that is not a samen-sturen database, has
/// another schema version, is corrupted, or cannot be opened.
std::unique_ptr<SQLite::Database> open_database(const std::string& path, OpenMode mode);

/// PRAGMA user_version of an open database.
int stored_schema_version(SQLite::Database& db);

} // namespace ss
