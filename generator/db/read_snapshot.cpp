#include "db/read_snapshot.hpp"

#include <algorithm>

#include "db/database.hpp"

namespace ss {

namespace {

void begin_reading(SQLite::Database& db) {
    // A deferred transaction takes its shared lock at its first read: read at once.
    db.exec("BEGIN");
    db.execAndGet("SELECT count(*) FROM sqlite_schema");
}

} // namespace

ReadSnapshot::ReadSnapshot(const std::string& path, int workers) : guard_(open_database(path, OpenMode::read_only)) {
    begin_reading(*guard_);
    held_ = true;
    for (int i = 0; i < std::max(1, workers); ++i) {
        workers_.push_back(open_database(path, OpenMode::read_only));
        begin_reading(*workers_.back());
    }
}

ReadSnapshot::~ReadSnapshot() {
    try {
        release();
    } catch (...) {
        // Closing the connection ends its transaction anyway.
    }
}

void ReadSnapshot::release() {
    if (!held_) return;
    held_ = false;
    guard_->exec("COMMIT");
    for (auto& w : workers_) w->exec("COMMIT");
}

} // namespace ss
