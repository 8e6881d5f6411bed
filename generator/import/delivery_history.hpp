// The delivery history in the database: what each import changed, file by file, with each file's
// SHA-256, and the copy of the database kept before it (`samen-sturen deliveries` lists it,
// `samen-sturen restore` goes back to before one).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "import/delivery_plan.hpp"

namespace ss {

struct DeliveredFile {
    std::string file; ///< measures.csv
    std::string sha256;
    size_t rows = 0, added = 0, changed = 0, unchanged = 0, removed = 0;
    std::string examples; ///< "new: M1, M2; removed: M4"
};

struct DeliveryRecord {
    std::int64_t id = 0;
    std::string imported_at, delivered_on, source, program_version;
    std::string snapshot;    ///< describe(declaration); "" without a snapshot
    std::string backup_file; ///< the copy kept before this import (a name in the backup folder); "" when none
    size_t added = 0, changed = 0, removed = 0;
    std::vector<DeliveredFile> files;
};

/// The id the next recorded delivery gets (call inside the import's write transaction).
std::int64_t next_delivery_id(SQLite::Database& db);

/// The files of `plan` as the history records them; `sha256` per table (none for generated data).
std::vector<DeliveredFile> delivered_files(const DeliveryPlan& plan, const std::map<std::string, std::string>& sha256);

void record_delivery(SQLite::Database& db, const DeliveryRecord& record);

/// Every recorded delivery, oldest first, with its files. A schema 4 database has no file rows.
std::vector<DeliveryRecord> read_deliveries(SQLite::Database& db);

} // namespace ss
