// One state of the database for a whole run: every reading connection of the run's SQL stage
// holds a read transaction from the first query to the last, so that an import cannot commit in
// between (it waits, and says so) and every quarter, the manifest's digest and the report rest on
// the same deliveries.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace ss {

class ReadSnapshot {
public:
    /// Opens `connections` read-only connections and starts a read transaction on each. From the
    /// first one on, no writer can commit, so all see the same state.
    ReadSnapshot(const std::string& path, int connections);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

    size_t size() const { return connections_.size(); }
    SQLite::Database& connection(size_t i) { return *connections_.at(i); }
    const std::string& path() const { return path_; }
    /// Ends the read transactions: writers may commit again. Done when the run has read all it needs.
    void release();

private:
    std::string path_;
    std::vector<std::unique_ptr<SQLite::Database>> connections_;
    bool held_ = false;
};

} // namespace ss
