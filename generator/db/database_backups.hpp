// Where the copies of the database kept before each import live (a folder beside it), what they
// are called, and how many are kept.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace ss {

/// `region.db` keeps its copies in `region.db.backups/`.
std::filesystem::path backup_folder(const std::string& db_path);

/// `20260120T100000-before-delivery-7.db`: named by the import's time (so that names sort in the
/// order they were made) and the delivery the copy comes before.
std::string backup_file_name(const std::string& imported_at, const std::string& what);

/// Keeps the newest `keep` copies in `folder` and removes the others and any half-written one.
void prune_backups(const std::filesystem::path& folder, size_t keep);

} // namespace ss
