#include "run/run_lock.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/errors.hpp"

namespace ss {

RunLock::RunLock(const std::filesystem::path& folder, const std::string& name) {
    const std::string path = (folder / (".samen-sturen" + (name.empty() ? "" : "." + name) + ".lock")).string();
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw OutputError(path + ": cannot be created: " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd_);
        fd_ = -1;
        throw LockedError(folder.string() + " is being written by another samen-sturen run; wait for it to finish "
                          "(the lock is released when that run ends)");
    }
}

RunLock::~RunLock() {
    if (fd_ >= 0) ::close(fd_); // closing releases the lock
}

} // namespace ss
