// The few exception types of samen-sturen and the exit codes they map to.
// Library code throws; only main() catches, prints one line and exits.
#pragma once

#include <stdexcept>
#include <string>

namespace ss {

/// Exit codes, documented in README.md ("Exit codes"). Stable: scripts depend on them.
enum class ExitCode : int {
    ok = 0,
    internal = 1,       ///< a bug: an unexpected exception
    usage = 2,          ///< bad command line
    input_rejected = 3, ///< the delivery (or another input file) is invalid; nothing was changed
    database = 4,       ///< the database cannot be opened, is of another version, or is damaged
    output = 5,         ///< an output file or folder cannot be written
    locked = 6,         ///< another run is writing the same output folder
    partial = 7,        ///< some scopes failed; the others were rendered, no manifest was written
    audit_findings = 8, ///< the disclosure audit found something a public folder must not hold
};

/// Base of every error the user can act on; what() is the whole message.
class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ExitCode code() const { return code_; }

private:
    ExitCode code_;
};

struct UsageError : Error {
    explicit UsageError(const std::string& m) : Error(ExitCode::usage, m) {}
};
struct InputError : Error {
    explicit InputError(const std::string& m) : Error(ExitCode::input_rejected, m) {}
};
struct DatabaseError : Error {
    explicit DatabaseError(const std::string& m) : Error(ExitCode::database, m) {}
};
struct OutputError : Error {
    explicit OutputError(const std::string& m) : Error(ExitCode::output, m) {}
};
struct LockedError : Error {
    explicit LockedError(const std::string& m) : Error(ExitCode::locked, m) {}
};
struct PartialFailure : Error {
    explicit PartialFailure(const std::string& m) : Error(ExitCode::partial, m) {}
};

} // namespace ss
