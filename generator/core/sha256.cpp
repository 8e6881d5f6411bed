#include "core/sha256.hpp"

#include <cerrno>
#include <memory>

#include <fcntl.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "core/errors.hpp"

namespace ss {

namespace {

struct DigestContextDeleter {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextDeleter>;

DigestContext new_context() {
    DigestContext c(EVP_MD_CTX_new());
    if (!c || EVP_DigestInit_ex(c.get(), EVP_sha256(), nullptr) != 1) throw std::runtime_error("SHA-256 is not available");
    return c;
}

std::string finish(EVP_MD_CTX* c) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(c, digest, &length);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xF];
    }
    return out;
}

} // namespace

std::string sha256_hex(std::string_view bytes) {
    auto c = new_context();
    EVP_DigestUpdate(c.get(), bytes.data(), bytes.size());
    return finish(c.get());
}

std::string sha256_file(const std::filesystem::path& file) {
    // Read with a buffer on the stack: a run hashes every workbook it writes, each with a fresh
    // megabyte from the heap and a stream buffer before.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw InputError(file.string() + ": cannot be read");
    auto c = new_context();
    char block[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, block, sizeof block);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            throw InputError(file.string() + ": cannot be read");
        }
        if (n == 0) break;
        EVP_DigestUpdate(c.get(), block, static_cast<size_t>(n));
    }
    ::close(fd);
    return finish(c.get());
}

} // namespace ss
