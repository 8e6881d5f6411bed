// One run per output folder at a time: an exclusive lock on a file in the quarter's folder, held
// for the whole run and released by the kernel when the process ends, however it ends.
#pragma once

#include <filesystem>

namespace ss {

class RunLock {
public:
    /// Takes the lock or throws LockedError (exit code 6) naming the folder.
    explicit RunLock(const std::filesystem::path& folder);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    int fd_ = -1;
};

} // namespace ss
