// One run per output folder at a time: an exclusive lock on a file in the quarter's folder, held
// for the whole run and released by the kernel when the process ends, however it ends.
#pragma once

#include <filesystem>
#include <string>

namespace ss {

class RunLock {
public:
    /// Takes the lock or throws LockedError (exit code 6) naming the folder.
    /// `name` tells locks apart within a folder (each shard has its own); "" for a whole run.
    RunLock(const std::filesystem::path& folder, const std::string& name);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    int fd_ = -1;
};

} // namespace ss
