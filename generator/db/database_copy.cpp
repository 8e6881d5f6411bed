#include "db/database_copy.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <memory>

#include "core/errors.hpp"
#include "core/pause_point.hpp"
#include "db/database.hpp"

namespace ss {

namespace {

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

Connection open_file(const std::filesystem::path& path, int flags) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    Connection connection(db);
    if (rc != SQLITE_OK)
        throw DatabaseError(path.string() + ": cannot be opened: " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    return connection;
}

/// Copies database `source` into `destination`; the SQLite result code. The fault tests stop it
/// at `pause` after its first page, when the destination is half written.
int backup_all(sqlite3* destination, sqlite3* source, const char* pause) {
    sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
    if (!backup) return sqlite3_errcode(destination);
    int rc = sqlite3_backup_step(backup, 1);
    pause_point(pause);
    // BUSY or LOCKED: another program holds the destination; its busy handler has given up already.
    while (rc == SQLITE_OK) rc = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    return rc == SQLITE_DONE ? finished : rc;
}

void sync_file(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

void copy_database_to_file(const std::filesystem::path& from, const std::filesystem::path& to) {
    namespace fs = std::filesystem;
    const fs::path partial = to.string() + ".partial";
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (ec) throw OutputError(to.parent_path().string() + ": cannot create the folder for database copies: " + ec.message());
    fs::remove(partial, ec);
    int rc;
    std::string message;
    {
        Connection source = open_file(from, SQLITE_OPEN_READONLY);
        sqlite3_busy_timeout(source.get(), busy_timeout_ms);
        Connection copy = open_file(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        rc = backup_all(copy.get(), source.get(), "backup");
        if (rc != SQLITE_OK) message = sqlite3_errstr(rc);
    }
    if (rc != SQLITE_OK) {
        fs::remove(partial, ec);
        throw OutputError(to.string() + ": cannot keep a copy of the database before the import (" + message +
                          "; disk full?); the database was not changed. Free space, or import with --keep-backups 0");
    }
    sync_file(partial);
    fs::rename(partial, to, ec);
    if (ec) throw OutputError(to.string() + ": cannot be written: " + ec.message());
    sync_file(to.parent_path());
}

void copy_file_into_database(const std::filesystem::path& from, SQLite::Database& into) {
    Connection copy = open_file(from, SQLITE_OPEN_READONLY);
    const int rc = backup_all(into.getHandle(), copy.get(), "restore");
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        throw DatabaseError(into.getFilename() + ": is in use by another program (a run or an import); nothing was "
                                                 "restored; try again when it has finished");
    if (rc != SQLITE_OK)
        throw DatabaseError(into.getFilename() + ": cannot be restored from " + from.string() + " (" + sqlite3_errstr(rc) +
                            "; disk full?); the database is as it was");
}

} // namespace ss
