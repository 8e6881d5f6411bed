// The program's one whole-file reader: the bytes as they are, and a clear error naming the file
// and what it is for when it is missing, a folder, or cannot be read.
#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "core/text_file.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

TEST_CASE("text file: the bytes as they are, a BOM and CRLF included") {
    TempDir dir;
    const std::string bytes = "\xEF\xBB\xBFid;naam\r\n1;Dordrecht\r\n";
    write_file(dir / "a.csv", bytes);
    CHECK(read_text_file(dir / "a.csv", "a file of the delivery") == bytes);
    write_file(dir / "empty.csv", "");
    CHECK(read_text_file(dir / "empty.csv", "x").empty());
}

TEST_CASE("text file: a missing file or a folder is an error naming it and what it is for") {
    TempDir dir;
    CHECK_THROWS_WITH_AS(read_text_file(dir / "missing.sql", "KPI query"),
                         doctest::Contains("missing.sql: cannot be read (KPI query)"), InputError);
    std::filesystem::create_directory(dir / "folder.csv");
    CHECK_THROWS_WITH_AS(read_text_file(dir / "folder.csv", "a file of the delivery"),
                         doctest::Contains("folder.csv: cannot be read (a file of the delivery)"), InputError);
}
