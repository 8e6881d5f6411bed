// The digests in manifests and audit records: a file's equals the digest of its bytes, and a file
// that cannot be read is named.
#include <doctest/doctest.h>

#include <fstream>

#include "core/errors.hpp"
#include "core/sha256.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

TEST_CASE("sha256: a file's digest is its bytes' digest; one that cannot be read is named") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // FIPS 180-2, B.1
    TempDir dir;
    // Larger than the read buffer and not a multiple of it.
    std::string bytes;
    for (int i = 0; i < 200000; ++i) bytes += static_cast<char>('a' + i % 26);
    std::ofstream(dir / "file.bin", std::ios::binary) << bytes;
    CHECK(sha256_file(dir / "file.bin") == sha256_hex(bytes));
    std::ofstream(dir / "empty.bin", std::ios::binary).flush();
    CHECK(sha256_file(dir / "empty.bin") == sha256_hex(""));
    CHECK_THROWS_WITH_AS(sha256_file(dir / "missing.bin"), ((dir / "missing.bin").string() + ": cannot be read").c_str(),
                         InputError);
    CHECK_THROWS_WITH_AS(sha256_file(dir.path()), (dir.path().string() + ": cannot be read").c_str(), InputError);
}
