#include "output/output_sink.hpp"

#include <stdexcept>
#include <unistd.h>

#include "core/sha256.hpp"
#include "core/text_file.hpp"
#include "output/output_files.hpp"

namespace ss {

namespace fs = std::filesystem;

StoredFile FolderSink::write(const std::string& relative_path, std::string_view bytes) {
    const fs::path path = root_ / relative_path;
    fs::create_directories(path.parent_path());
    write_file_atomically(path, bytes);
    return {relative_path, bytes.size(), sha256_hex(bytes)};
}

StoredFile FolderSink::write_with(const std::string& relative_path, const std::function<void(const std::string&)>& writer) {
    const fs::path path = root_ / relative_path;
    fs::create_directories(path.parent_path());
    write_file_atomically_with(path, writer);
    return {relative_path, fs::file_size(path), sha256_file(path)};
}

StoredFile MemorySink::write(const std::string& relative_path, std::string_view bytes) {
    std::lock_guard lock(mutex_);
    files_[relative_path] = std::string(bytes);
    return {relative_path, bytes.size(), sha256_hex(bytes)};
}

StoredFile MemorySink::write_with(const std::string& relative_path, const std::function<void(const std::string&)>& writer) {
    // A writer needs a path: a private temporary file, read back and removed.
    const fs::path scratch = fs::temp_directory_path() /
                             ("samen-sturen-sink-" + std::to_string(::getpid()) + "-" + std::to_string(++scratch_count_) + "-" +
                              fs::path(relative_path).filename().string());
    std::string bytes;
    try {
        writer(scratch.string());
        bytes = read_text_file(scratch, "a file written for " + relative_path);
    } catch (...) {
        fs::remove(scratch);
        throw;
    }
    fs::remove(scratch);
    return write(relative_path, bytes);
}

const std::string& MemorySink::at(const std::string& relative_path) const {
    const auto found = files_.find(relative_path);
    if (found == files_.end()) throw std::out_of_range("no file " + relative_path + " in the memory sink");
    return found->second;
}

} // namespace ss
