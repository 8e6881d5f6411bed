// Where a run's files go: a quarter folder with atomic renames (a run), or memory (the renderer
// tests). Renderers return bytes or write a path; a sink stores either and says what it stored.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace ss {

/// A stored file: its path relative to the quarter folder, size and SHA-256 (for the manifest).
struct StoredFile {
    std::string path;
    std::uint64_t bytes = 0;
    std::string sha256;
};

class OutputSink {
public:
    virtual ~OutputSink() = default;
    /// Stores `bytes` as `relative_path` (public/GM0505-dordrecht/index.html).
    virtual StoredFile write(const std::string& relative_path, std::string_view bytes) = 0;
    /// Stores what `writer` writes to the path it is given (libxlsxwriter writes only to files).
    virtual StoredFile write_with(const std::string& relative_path, const std::function<void(const std::string&)>& writer) = 0;
};

/// The quarter folder: a file appears under its final name whole or not at all. Safe to share
/// between workers.
class FolderSink final : public OutputSink {
public:
    explicit FolderSink(std::filesystem::path quarter_folder) : root_(std::move(quarter_folder)) {}
    StoredFile write(const std::string& relative_path, std::string_view bytes) override;
    StoredFile write_with(const std::string& relative_path, const std::function<void(const std::string&)>& writer) override;

private:
    std::filesystem::path root_;
};

/// Files kept in memory by relative path, for tests.
class MemorySink final : public OutputSink {
public:
    StoredFile write(const std::string& relative_path, std::string_view bytes) override;
    StoredFile write_with(const std::string& relative_path, const std::function<void(const std::string&)>& writer) override;
    /// The stored files, by relative path.
    const std::map<std::string, std::string>& files() const { return files_; }
    /// One stored file's bytes; throws std::out_of_range naming the path when there is none.
    const std::string& at(const std::string& relative_path) const;

private:
    std::mutex mutex_;
    std::atomic<int> scratch_count_{0};
    std::map<std::string, std::string> files_;
};

} // namespace ss
