// The command line as an analyst uses it: the real binary, its messages and its exit codes.
#include <doctest/doctest.h>

#include <sstream>
#include <vector>

#include "test_support.hpp"

using namespace ss::test;

namespace {

/// Replaces the `field`-th field (0-based) of line `line` (1-based) in a simple CSV file.
void corrupt_field(const std::filesystem::path& file, int line, int field, const std::string& value) {
    std::istringstream in(read_file(file));
    std::string out, text;
    for (int n = 1; std::getline(in, text); ++n) {
        if (n == line) {
            std::vector<std::string> fields;
            for (size_t start = 0;;) { // keeps empty fields, trailing ones too
                const size_t comma = text.find(',', start);
                fields.push_back(text.substr(start, comma - start));
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
            fields.at(field) = value;
            text.clear();
            for (size_t i = 0; i < fields.size(); ++i) text += (i ? "," : "") + fields[i];
        }
        out += text + "\n";
    }
    write_file(file, out);
}

/// The path in single quotes for the shell (test paths hold no quote).
std::string quoted(const std::filesystem::path& p) {
    std::string q = "'";
    q += p.string();
    q += '\'';
    return q;
}

} // namespace

TEST_CASE("cli: the demo delivery imports; one corrupted line is named and changes nothing") {
    TempDir dir;
    const auto csv = dir / "delivery";
    auto made = run_cli("demo --db " + quoted(dir / "demo.db") + " --scale small --csv " + quoted(csv));
    REQUIRE(made.exit_code == 0);
    CHECK(made.out.find("demo (small, seed 1)") == 0);

    const auto db = dir / "region.db";
    auto first = run_cli("import --db " + quoted(db) + " " + quoted(csv) + " --today 2026-01-20");
    REQUIRE(first.exit_code == 0);
    CHECK(first.out.find("imported ") != std::string::npos);
    CHECK(first.err.empty());

    // The same files parsed by one worker: the same database (nothing changes on a re-import).
    auto again = run_cli("import --jobs 1 --db " + quoted(db) + " " + quoted(csv) + " --today 2026-01-20");
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("nothing changed") != std::string::npos);

    const std::string before = file_fingerprint(db);
    corrupt_field(csv / "trajectories.csv", 100, 8, "2025-02-30"); // start_date
    auto rejected = run_cli("import --db " + quoted(db) + " " + quoted(csv) + " --today 2026-01-20");
    CHECK(rejected.exit_code == 3);
    INFO("stderr: " << rejected.err);
    CHECK(rejected.err.find("trajectories.csv:100: column start_date: '2025-02-30' is not a date (YYYY-MM-DD)\n") == 0);
    CHECK(rejected.err.find("samen-sturen: the delivery was rejected with 1 error; the database was not changed") !=
          std::string::npos);
    CHECK(file_fingerprint(db) == before);
}

TEST_CASE("cli: --version names the version and the allocator the program runs on") {
    // The release build runs on mimalloc (CMakeLists.txt); a sanitizer build on glibc's malloc.
    auto r = run_cli("--version");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(std::string("samen-sturen ") + SAMEN_STUREN_VERSION + "\n") == 0);
    if (std::string(SAMEN_STUREN_ALLOCATOR) == "mimalloc")
        CHECK(r.out.find("memory allocator: mimalloc 2.") != std::string::npos);
    else
        CHECK(r.out.find("memory allocator: glibc malloc\n") != std::string::npos);
}

TEST_CASE("cli: exit codes for usage, input and database problems") {
    TempDir dir;
    SUBCASE("a missing required option is a usage error") {
        auto r = run_cli("import " + quoted(dir.path()));
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--db") != std::string::npos);
    }
    SUBCASE("an unknown scale is a usage error") {
        auto r = run_cli("demo --db " + quoted(dir / "x.db") + " --scale planet");
        CHECK(r.exit_code == 2);
        CHECK(r.err == "samen-sturen: --scale: 'planet' is not a scale (small, region or national)\n");
    }
    SUBCASE("the demo never overwrites a database") {
        write_file(dir / "x.db", "precious");
        auto r = run_cli("demo --db " + quoted(dir / "x.db"));
        CHECK(r.exit_code == 2);
        CHECK(read_file(dir / "x.db") == "precious");
    }
    SUBCASE("a delivery folder that does not exist is an input error") {
        auto r = run_cli("import --db " + quoted(dir / "x.db") + " " + quoted(dir / "nowhere"));
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("not a folder") != std::string::npos);
    }
    SUBCASE("a file that is not a measure database is a database error") {
        write_file(dir / "notes.db", "just some notes\n");
        write_delivery(dir / "in", valid_delivery());
        auto r = run_cli("import --db " + quoted(dir / "notes.db") + " " + quoted(dir / "in"));
        CHECK(r.exit_code == 4);
        CHECK(r.err.find("samen-sturen: " + (dir / "notes.db").string()) == 0);
        CHECK(read_file(dir / "notes.db") == "just some notes\n");
    }
    SUBCASE("a negative --jobs is a usage error") {
        write_delivery(dir / "in", valid_delivery());
        auto r = run_cli("import --db " + quoted(dir / "m.db") + " " + quoted(dir / "in") + " --jobs -1");
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--jobs: must be 1 or more") != std::string::npos);
        CHECK(!std::filesystem::exists(dir / "m.db"));
    }
    SUBCASE("a bad --today is a usage error") {
        write_delivery(dir / "in", valid_delivery());
        auto r = run_cli("import --db " + quoted(dir / "m.db") + " " + quoted(dir / "in") + " --today 20-01-2026");
        CHECK(r.exit_code == 2);
    }
}
