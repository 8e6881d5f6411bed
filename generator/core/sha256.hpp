// SHA-256 checksums for the manifest and for recognising unchanged inputs (OpenSSL's libcrypto).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ss {

/// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

/// Lower-case hex SHA-256 of a file's bytes, read in blocks. Throws InputError when unreadable.
std::string sha256_file(const std::filesystem::path& file);

} // namespace ss
