// Opens the measure database: creates it, migrates an older one, or refuses it with a message
// that says what to do. Every caller goes through here, so foreign keys are always on.
#pragma once

#include <chrono>
#include <memory>
#include <ostream>
#include <string>

#include <SQLiteCpp/Database.h>

namespace ss {

/// How long a connection waits for another program's lock before it gives up (milliseconds).
constexpr int busy_timeout_ms = 5000;

enum class OpenMode {
    create_or_update, ///< import and demo: create the file when missing, migrate an older schema
    read_only,        ///< reports: the file must exist and be of this version
};

/// Throws DatabaseError (exit code 4) for a file that is not a samen-sturen database, has
/// another schema version, is corrupted, or cannot be opened.
std::unique_ptr<SQLite::Database> open_database(const std::string& path, OpenMode mode);

/// While alive, a writing command waits up to `seconds` for other programs that hold the database
/// (a run reading it holds a lock from its first query to its last), and says once on `say` that it
/// waits and for what. Afterwards the usual busy_timeout_ms applies again.
class LockWait {
public:
    LockWait(SQLite::Database& db, int seconds, std::ostream& say);
    ~LockWait();
    LockWait(const LockWait&) = delete;
    LockWait& operator=(const LockWait&) = delete;

private:
    static int on_busy(void* self, int attempt);
    SQLite::Database& db_;
    int seconds_;
    std::ostream& say_;
    bool said_ = false;
    std::chrono::steady_clock::time_point start_;
};

/// True for SQLite's "the database is in use" result codes (BUSY, LOCKED).
bool is_busy_error(int sqlite_code);

/// PRAGMA user_version of an open database.
int stored_schema_version(SQLite::Database& db);

} // namespace ss
