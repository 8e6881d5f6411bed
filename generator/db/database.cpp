#include "db/database.hpp"

#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include "core/errors.hpp"
#include "db/schema.hpp"

namespace ss {

namespace {

/// migrations[v - 1] brings a database from schema v to v + 1.
const std::vector<std::function<void(SQLite::Database&)>> migrations = {
    [](SQLite::Database& db) { db.exec(distributions_ddl); },             // 1 -> 2: the distribution log
    [](SQLite::Database& db) { db.exec(drop_trajectory_date_indexes); }, // 2 -> 3: faster quarter queries
    [](SQLite::Database& db) { db.exec(migration_to_4_sql()); },         // 3 -> 4: KPI catalogue version 2
    [](SQLite::Database& db) { db.exec(migration_to_5_sql()); },         // 4 -> 5: delivery history
};

int pragma_int(SQLite::Database& db, const char* name) {
    return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

bool has_tables(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0;
}

void create_schema(SQLite::Database& db) {
    SQLite::Transaction tx(db);
    db.exec(schema_ddl());
    db.exec("PRAGMA application_id = " + std::to_string(application_id));
    db.exec("PRAGMA user_version = " + std::to_string(schema_version));
    tx.commit();
}

void migrate(SQLite::Database& db, int from, const std::string& path) {
    if (from - 1 >= static_cast<int>(migrations.size()))
        throw DatabaseError(path + ": schema version " + std::to_string(from) +
                            " has no migration to " + std::to_string(schema_version));
    SQLite::Transaction tx(db);
    for (int v = from; v < schema_version; ++v) migrations[v - 1](db);
    db.exec("PRAGMA user_version = " + std::to_string(schema_version));
    tx.commit();
}

void check_version(SQLite::Database& db, const std::string& path, OpenMode mode) {
    const int app = pragma_int(db, "application_id");
    const int version = pragma_int(db, "user_version");
    if (app == 0 && version == 0 && !has_tables(db)) {
        if (mode == OpenMode::read_only)
            throw DatabaseError(path + ": the database is empty; load data first with "
                                "'samen-sturen import' or 'samen-sturen demo'");
        create_schema(db);
        return;
    }
    if (app != application_id)
        throw DatabaseError(path + ": not a samen-sturen measure database (it holds other "
                                   "tables); name a new file or the right database");
    if (version > schema_version)
        throw DatabaseError(path + ": made by a newer samen-sturen (schema version " +
                            std::to_string(version) + "; this program knows up to " +
                            std::to_string(schema_version) + "); use a newer samen-sturen");
    if (version < schema_version) {
        if (mode == OpenMode::read_only && version >= oldest_readable_version) return;
        if (mode == OpenMode::read_only)
            throw DatabaseError(path + ": schema version " + std::to_string(version) +
                                " is older than " + std::to_string(schema_version) +
                                "; run 'samen-sturen import' once to migrate it");
        migrate(db, version, path);
    }
}

/// SQLite's process-wide settings, made once before its first connection: no memory statistics,
/// whose global mutex every allocation of the two SQL workers took (docs/performance.md).
void configure_sqlite_once() {
    static std::once_flag configured;
    // SQLITE_MISUSE when SQLite was already initialised (a test that opened a database itself):
    // the statistics then stay on, which costs time and changes nothing else.
    std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

} // namespace

std::unique_ptr<SQLite::Database> open_database(const std::string& path, OpenMode mode) {
    if (mode == OpenMode::read_only && !std::filesystem::exists(path))
        throw DatabaseError(path + ": no such database; create it with 'samen-sturen import' or "
                                   "'samen-sturen demo'");
    configure_sqlite_once();
    try {
        // NOMUTEX: a connection is used by one thread at a time (a run gives each worker its own,
        // db/read_snapshot.hpp), so SQLite need not lock it on every call.
        const int flags = SQLITE_OPEN_NOMUTEX | (mode == OpenMode::read_only ? SQLite::OPEN_READONLY
                                                                              : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        auto db = std::make_unique<SQLite::Database>(path, flags, busy_timeout_ms);
        // A writing command on a file it may not change says so at once, not at its first write.
        if (mode == OpenMode::create_or_update && sqlite3_db_readonly(db->getHandle(), "main") == 1)
            throw SQLite::Exception("read-only", SQLITE_READONLY);
        db->exec("PRAGMA foreign_keys = ON");
        // Bulk loads stay in memory with 256 MiB. A reading connection scans each table in key order
        // and sorts a quarter's rows at most: 64 MiB was as fast on the national demo, and a run
        // holds one such connection per job (docs/performance.md).
        db->exec(mode == OpenMode::read_only ? "PRAGMA cache_size = -65536" : "PRAGMA cache_size = -262144");
        // The KPI queries' scope and transparency tables are temporary: kept in memory, they cost
        // no disk and cannot fail on a full one while the run is still only reading.
        if (mode == OpenMode::read_only) db->exec("PRAGMA temp_store = MEMORY");
        // A run reads inside one long transaction (db/read_snapshot.hpp); its temporary tables,
        // remade every quarter, need no rollback journal, which inside a transaction would copy
        // every page they touch (and every statement's changes) until the run ends.
        if (mode == OpenMode::read_only) db->exec("PRAGMA temp.journal_mode = OFF");
        // A reader maps the file instead of copying its pages through read(): the jobs share one
        // copy in the page cache, and the KPI queries' look-ups (costs per trajectory) spend no
        // system time (docs/performance.md). Only readers: a write never goes through the map.
        if (mode == OpenMode::read_only) db->exec("PRAGMA mmap_size = 8589934592");
        check_version(*db, path, mode);
        return db;
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED)
            throw DatabaseError(path + ": is locked by another program writing to it (an import, a backup?); "
                                       "try again when it has finished");
        if (e.getErrorCode() == SQLITE_READONLY)
            throw DatabaseError(path + ": cannot be written (the file or its folder is read-only); "
                                       "this command changes the database");
        throw DatabaseError(path + ": cannot be used as a measure database: " + e.what());
    }
}

LockWait::LockWait(SQLite::Database& db, int seconds, std::ostream& say)
    : db_(db), seconds_(seconds), say_(say), start_(std::chrono::steady_clock::now()) {
    sqlite3_busy_handler(db_.getHandle(), &LockWait::on_busy, this);
}

LockWait::~LockWait() { sqlite3_busy_timeout(db_.getHandle(), busy_timeout_ms); }

int LockWait::on_busy(void* self, int) {
    auto* wait = static_cast<LockWait*>(self);
    const auto waited = std::chrono::steady_clock::now() - wait->start_;
    if (waited >= std::chrono::seconds(wait->seconds_)) return 0;
    if (!wait->said_ && waited >= std::chrono::milliseconds(500)) {
        wait->say_ << "samen-sturen: " << wait->db_.getFilename()
                   << " is in use by another program (a run reading it, or an import); waiting up to "
                   << wait->seconds_ << " s for it to finish\n" << std::flush;
        wait->said_ = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return 1;
}

bool is_busy_error(int sqlite_code) {
    const int primary = sqlite_code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

int stored_schema_version(SQLite::Database& db) { return pragma_int(db, "user_version"); }

} // namespace ss
