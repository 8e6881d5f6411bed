#include "db/read_snapshot.hpp"

#include <algorithm>

#include "db/database.hpp"

namespace ss {

ReadSnapshot::ReadSnapshot(const std::string& path, int connections) : path_(path) {
    for (int i = 0; i < std::max(1, connections); ++i) {
        connections_.push_back(open_database(path, OpenMode::read_only));
        // A deferred transaction takes its shared lock at its first read: read at once.
        connections_.back()->exec("BEGIN");
        connections_.back()->execAndGet("SELECT count(*) FROM sqlite_schema");
    }
    held_ = true;
}

ReadSnapshot::~ReadSnapshot() {
    try {
        release();
    } catch (...) {
        // Closing the connections ends their transactions anyway.
    }
}

void ReadSnapshot::release() {
    if (!held_) return;
    held_ = false;
    for (auto& c : connections_) c->exec("COMMIT");
}

} // namespace ss
