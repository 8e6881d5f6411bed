// Consistent copies of the measure database with SQLite's online backup API: the copy an import
// keeps before it writes, and putting such a copy back (`samen-sturen restore`).
#pragma once

#include <filesystem>

#include <SQLiteCpp/Database.h>

namespace ss {

/// Copies the committed state of the database file `from` into the new file `to`, through a
/// connection of its own (SQLite cannot back up from a connection in a write transaction; the
/// importer's transaction keeps other writers out meanwhile). Written as `to.partial`, synced and
/// renamed, so that a copy is whole or absent. Throws OutputError naming `to` (disk full, no
/// permission).
void copy_database_to_file(const std::filesystem::path& from, const std::filesystem::path& to);

/// Replaces the whole contents of `into` by those of the database file `from`, in one transaction
/// of `into` (a kill or a full disk leaves `into` as it was). Throws DatabaseError.
void copy_file_into_database(const std::filesystem::path& from, SQLite::Database& into);

} // namespace ss
