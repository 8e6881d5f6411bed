#include "output/output_files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include "core/errors.hpp"
#include "core/slug.hpp"
#include "core/text_pattern.hpp"

namespace ss {

namespace {

std::string safe_code(const std::string& code) {
    std::string out;
    for (char c : code)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') out += c;
    if (out.empty()) throw OutputError("scope code '" + code + "' has no letters or digits to name a folder with");
    return out;
}

/// The name's slug, at most 60 characters and cut at a hyphen: a long name never makes a file name
/// longer than a file system allows.
std::string short_slug(const std::string& name) {
    std::string slug = slugify(name);
    if (slug.size() <= 60) return slug;
    slug.resize(60);
    const size_t hyphen = slug.rfind('-');
    if (hyphen != std::string::npos && hyphen > 20) slug.resize(hyphen);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug;
}

/// Writes all of `bytes` to `file`, or throws OutputError naming `shown` (the file's final name).
void write_all(const std::string& file, std::string_view bytes, const std::filesystem::path& shown) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw OutputError(shown.string() + ": cannot be written: " + std::strerror(errno));
    for (size_t written = 0; written < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            throw OutputError(shown.string() + ": cannot be written: " + std::strerror(error));
        }
        written += static_cast<size_t>(n);
    }
    if (::close(fd) != 0) throw OutputError(shown.string() + ": cannot be written: " + std::strerror(errno));
}

} // namespace

std::string publication_name(Publication where) { return where == Publication::public_site ? "public" : "internal"; }

std::string scope_folder_name(const Scope& scope) {
    if (scope.type == ScopeType::region) return "regio-" + safe_code(scope.code) + "-" + short_slug(scope.name);
    return safe_code(scope.code) + "-" + short_slug(scope.name);
}

std::string scope_file_name(const std::string& pattern, const std::string& scope_code, const std::string& quarter_code) {
    return fill_pattern(pattern, {{"quarter", quarter_code}, {"code", safe_code(scope_code)}});
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    write_file_atomically_with(path, [&](const std::string& temporary) { write_all(temporary, bytes, path); });
}

void write_file_atomically_with(const std::filesystem::path& path, const std::function<void(const std::string&)>& write) {
    const std::string temporary = path.string() + ".partial";
    try {
        write(temporary);
    } catch (...) {
        std::remove(temporary.c_str());
        throw;
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::remove(temporary.c_str());
        throw OutputError(path.string() + ": cannot be written: " + ec.message());
    }
}

} // namespace ss
