// One state of the database for a whole run: every connection of the run holds a read transaction
// from before the run's first query to after its last, so that no import can commit in between (it
// waits, and says so), and every quarter, the manifest's digest and the report rest on the same
// deliveries.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace ss {

class ReadSnapshot {
public:
    /// Opens the guard connection and `workers` read-only connections for the SQL workers, each in
    /// a read transaction from here on (the first one keeps writers from committing, so all see
    /// the same state).
    ReadSnapshot(const std::string& path, int workers);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

    /// The connection in the read transaction: for the run's own reads (scopes, targets, history).
    SQLite::Database& guard() { return *guard_; }
    size_t workers() const { return workers_.size(); }
    /// A worker's connection. It holds its own read lock too: an import waiting to commit keeps
    /// new readers out, so a worker that took a lock per query would wait for the import that
    /// waits for the guard.
    SQLite::Database& worker(size_t i) { return *workers_.at(i); }
    /// Ends the read transactions: writers may commit again. Done when the run has read all it needs.
    void release();

private:
    std::unique_ptr<SQLite::Database> guard_;
    std::vector<std::unique_ptr<SQLite::Database>> workers_;
    bool held_ = false;
};

} // namespace ss
