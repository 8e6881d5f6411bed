// Faults: a corrupted, locked or read-only database and a full disk end in a clear error with a
// documented exit code, and leave no half files and no manifest behind.
#include <doctest/doctest.h>

#include <unistd.h>

#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

bool any_file_named(const fs::path& folder, const std::string& suffix) {
    if (!fs::exists(folder)) return false;
    for (const auto& e : fs::recursive_directory_iterator(folder)) {
        const std::string name = e.path().filename().string();
        if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) return true;
    }
    return false;
}

} // namespace

TEST_CASE("faults: a corrupted database gives a clear error and no output") {
    const auto& run = small_demo_run();
    TempDir dir;
    fs::copy_file(run.db, dir / "bad.db");
    // Overwrite pages in the middle of the file, leaving the header intact.
    REQUIRE(std::system(("dd if=/dev/urandom of='" + (dir / "bad.db").string() +
                         "' bs=4096 seek=20 count=50 conv=notrunc 2>/dev/null").c_str()) == 0);
    const auto r = run_cli("run --db " + (dir / "bad.db").string() + " --quarter 2025-Q3 --out " + (dir / "out").string());
    CHECK(r.exit_code == 4);
    CHECK(r.err.find((dir / "bad.db").string() + ": ") != std::string::npos);
    CHECK(r.err.find("restore it from a backup or import the deliveries again") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("faults: a database locked by another writer refuses an import with a clear error") {
    const auto& run = small_demo_run();
    TempDir dir;
    fs::copy_file(run.db, dir / "locked.db");
    REQUIRE(run_cli("demo --db " + (dir / "csv.db").string() + " --scale small --csv " + (dir / "csv").string()).exit_code == 0);
    const std::string hold = "/usr/bin/python3 -c \"import sqlite3,time; c=sqlite3.connect('" + (dir / "locked.db").string() +
                             "', isolation_level=None); c.execute('BEGIN EXCLUSIVE'); time.sleep(9)\" & sleep 0.5; ";
    const std::string out = run_cli_text("(" + hold + SAMEN_STUREN_BINARY + " import --db " + (dir / "locked.db").string() +
                                         " " + (dir / "csv").string() + " --today 2026-01-20 2>&1; echo \"exit $?\"; wait)");
    CHECK(out.find("is locked by another program writing to it") != std::string::npos);
    CHECK(out.find("exit 4") != std::string::npos);
}

TEST_CASE("faults: a read-only database refuses an import; reading commands still work") {
    const auto& run = small_demo_run();
    TempDir dir;
    fs::copy_file(run.db, dir / "ro.db");
    REQUIRE(run_cli("demo --db " + (dir / "csv.db").string() + " --scale small --csv " + (dir / "csv").string()).exit_code == 0);
    fs::permissions(dir / "ro.db", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir.path(), fs::perms::all);
    // root ignores file modes: run the import as nobody then.
    const std::string as = ::geteuid() == 0 ? "su nobody -s /bin/sh -c " : "/bin/sh -c ";
    const std::string out = run_cli_text(as + "'" + SAMEN_STUREN_BINARY + " import --db " + (dir / "ro.db").string() + " " +
                                         (dir / "csv").string() + " --today 2026-01-20 2>&1; echo exit $?'");
    CAPTURE(out);
    CHECK(out.find("cannot be written (the file or its folder is read-only)") != std::string::npos);
    CHECK(out.find("exit 4") != std::string::npos);
    const auto kpis = run_cli("kpis --db " + (dir / "ro.db").string() + " --quarter 2025-Q3 --out " + (dir / "k.csv").string());
    CHECK(kpis.exit_code == 0);
}

TEST_CASE("faults: a full disk while writing gives a clear error, no half files and no manifest") {
    const auto& run = small_demo_run();
    TempDir dir;
    // A file-size limit of 100 KB stands in for a full disk: every PDF write fails part-way.
    const std::string out = run_cli_text("(ulimit -f 200; " + std::string(SAMEN_STUREN_BINARY) + " run --db " + run.db.string() +
                                         " --quarter 2025-Q3 --out " + (dir / "out").string() + " 2>&1; echo \"exit $?\")");
    CHECK(out.find("cannot be written: File too large") != std::string::npos);
    CHECK(out.find("exit 5") != std::string::npos);
    CHECK_FALSE(any_file_named(dir / "out", ".partial"));
    CHECK_FALSE(any_file_named(dir / "out", "manifest.json"));
}
