// The scheduled run that never half-finishes: manifest last, nothing rendered twice, one run per
// folder, a run killed at any moment completed by the next, and failures reported per scope.
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

std::string run_args(const fs::path& db, const fs::path& out, const std::string& extra = "") {
    return "run --db " + db.string() + " --quarter 2025-Q3 --jobs 2 --out " + out.string() + " " + extra;
}

/// Every rendered file below `folder` with its fingerprint (manifests and locks aside).
std::map<std::string, std::string> fingerprints(const fs::path& folder) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(folder)) {
        const std::string name = e.path().filename().string();
        if (!e.is_regular_file() || name.rfind("manifest", 0) == 0 || name.rfind(".samen-sturen", 0) == 0) continue;
        out[fs::relative(e.path(), folder).string()] = file_fingerprint(e.path());
    }
    return out;
}

/// Two folders hold the same files with the same bytes; a difference names the file.
void check_same_files(const fs::path& actual, const fs::path& expected) {
    const auto a = fingerprints(actual), e = fingerprints(expected);
    CHECK(a.size() == e.size());
    for (const auto& [path, print] : e) {
        INFO(path);
        const auto found = a.find(path);
        REQUIRE(found != a.end());
        CHECK(found->second == print);
    }
}

} // namespace

TEST_CASE("batch run: the manifest lists every file with kind, scope, size and checksum, and comes last") {
    const auto& run = small_demo_run();
    const std::string manifest = read_file(run.quarter_folder / "manifest.json");
    CHECK(manifest.find("\"quarter\": \"2025-Q3\"") != std::string::npos);
    CHECK(manifest.find("\"database_sha256\"") != std::string::npos);
    CHECK(manifest.find("\"path\": \"public/GM0505-dordrecht/raadsinformatiebrief-2025-Q3-GM0505.pdf\"") != std::string::npos);
    const size_t report = manifest.find("\"path\": \"internal/GM0505-dordrecht/samen-sturen-2025-Q3-GM0505.pdf\"");
    REQUIRE(report != std::string::npos);
    CHECK(manifest.find("\"audience\": \"internal\"", report) < manifest.find('}', report));
    const size_t letter = manifest.find("\"path\": \"public/GM0505-dordrecht/raadsinformatiebrief.html\"");
    REQUIRE(letter != std::string::npos);
    CHECK(manifest.find("\"audience\": \"public\"", letter) < manifest.find('}', letter));
    CHECK(manifest.find("\"kind\": \"gi-benchmark\"") != std::string::npos);
    const auto files = fingerprints(run.quarter_folder);
    for (const auto& [path, print] : files) CHECK_MESSAGE(manifest.find("\"path\": \"" + path + "\"") != std::string::npos, path);
    CHECK(run_cli_text("sha256sum '" + (run.public_folder() / "index.html").string() + "' | cut -c1-64").substr(0, 64) ==
          manifest.substr(manifest.find("\"sha256\"", manifest.find("\"path\": \"public/index.html\"")) + 11, 64));
}

TEST_CASE("batch run: a second run on unchanged inputs renders nothing; --force and a changed database render") {
    const auto& run = small_demo_run();
    TempDir dir;
    fs::copy_file(run.db, dir / "demo.db");
    REQUIRE(run_cli(run_args(dir / "demo.db", dir / "out")).exit_code == 0);
    const auto again = run_cli(run_args(dir / "demo.db", dir / "out"));
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("nothing to render") != std::string::npos);
    CHECK(again.err.find("KPIs of") == std::string::npos); // no SQL was run
    const auto forced = run_cli(run_args(dir / "demo.db", dir / "out", "--force"));
    CHECK(forced.exit_code == 0);
    CHECK(forced.out.find("4 scopes") != std::string::npos);
    REQUIRE(std::system(("sqlite3 '" + (dir / "demo.db").string() + "' \"UPDATE municipalities SET name = 'Dordt' WHERE municipality_code = 'GM0505'\"").c_str()) == 0);
    const auto changed = run_cli(run_args(dir / "demo.db", dir / "out"));
    CHECK(changed.out.find("4 scopes") != std::string::npos);
    CHECK(fs::exists(dir / "out" / "2025-Q3" / "public" / "GM0505-dordt" / "index.html"));
}

TEST_CASE("batch run: a second run on the same folder is refused while the first holds it") {
    const auto& run = small_demo_run();
    TempDir dir;
    fs::create_directories(dir / "out" / "2025-Q3");
    const std::string lock = (dir / "out" / "2025-Q3" / ".samen-sturen.lock").string();
    // Another process holds the lock, the way a running samen-sturen would, until it is killed. The
    // run starts once the holder says it has the lock (a fixed pause lost the race on a busy machine).
    const std::string holder = "/usr/bin/python3 -c \"import fcntl, time; f = open('" + lock +
                               "', 'w'); fcntl.flock(f, fcntl.LOCK_EX); open('" + lock +
                               ".held', 'w').close(); time.sleep(120)\" & HOLDER=$!; while [ ! -e '" + lock +
                               ".held' ]; do sleep 0.05; done; ";
    const auto r = run_cli_text("(" + holder + SAMEN_STUREN_BINARY + " " + run_args(run.db, dir / "out") +
                                " 2>&1; echo \"exit $?\"; kill $HOLDER)");
    CHECK(r.find("is being written by another samen-sturen run") != std::string::npos);
    CHECK(r.find("exit 6") != std::string::npos);
}

TEST_CASE("batch run: a run killed half-way is completed by the next, identical to an uninterrupted run") {
    TempDir dir;
    REQUIRE(run_cli("demo --db " + (dir / "region.db").string() + " --scale region").exit_code == 0);
    REQUIRE(run_cli(run_args(dir / "region.db", dir / "clean")).exit_code == 0);

    const pid_t child = fork();
    if (child == 0) {
        const std::string out = (dir / "killed").string(), db = (dir / "region.db").string();
        ::execl(SAMEN_STUREN_BINARY, SAMEN_STUREN_BINARY, "run", "--db", db.c_str(), "--quarter", "2025-Q3", "--jobs", "2",
                "--out", out.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    // Kill it once it has written its first report, mid-way through the scopes.
    const fs::path first = dir / "killed" / "2025-Q3" / "internal" / "GM0482-alblasserdam" / "kpis.csv";
    for (int i = 0; i < 600 && !fs::exists(first); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK_FALSE(fs::exists(dir / "killed" / "2025-Q3" / "manifest.json"));
    const auto rerun = run_cli(run_args(dir / "region.db", dir / "killed"));
    REQUIRE_MESSAGE(rerun.exit_code == 0, rerun.err);
    CHECK(rerun.out.find("nothing to render") == std::string::npos);
    check_same_files(dir / "killed" / "2025-Q3", dir / "clean" / "2025-Q3");
    CHECK(fs::exists(dir / "killed" / "2025-Q3" / "manifest.json"));
}

TEST_CASE("batch run: without --quarter the run takes the last completed quarter") {
    const auto& run = small_demo_run();
    TempDir dir;
    const auto r = run_cli("run --db " + run.db.string() + " --today 2026-01-03 --kinds council --out " + dir.path().string());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(fs::exists(dir / "2025-Q4" / "public" / "GM0505-dordrecht" / "raadsinformatiebrief-2025-Q4-GM0505.pdf"));
    // --kinds council: the letters and the index, nothing else.
    CHECK_FALSE(fs::exists(dir / "2025-Q4" / "internal"));
    CHECK(fs::exists(dir / "2025-Q4" / "public" / "index.html"));
    const auto bad = run_cli("run --db " + run.db.string() + " --quarter 2025-Q3 --kinds letters --out " + dir.path().string());
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "samen-sturen: --kinds: 'letters' is not a report kind (samen-sturen, council, region, gi-benchmark)\n");
}

TEST_CASE("batch run: a failing scope does not stop the others; exit 7, the failure named, no manifest") {
    const auto& run = small_demo_run();
    TempDir dir;
    fs::create_directories(dir / "2025-Q3" / "internal");
    write_file(dir / "2025-Q3" / "internal" / "GM0590-papendrecht", "a file where the folder should be");
    const auto r = run_cli(run_args(run.db, dir.path()));
    CHECK(r.exit_code == 7);
    CHECK(r.err.find("samen-sturen: GM0590: ") != std::string::npos);
    CHECK(r.err.find("1 of 4 scopes failed") != std::string::npos);
    CHECK(fs::exists(dir / "2025-Q3" / "public" / "GM0505-dordrecht" / "index.html"));
    CHECK_FALSE(fs::exists(dir / "2025-Q3" / "manifest.json"));
}

TEST_CASE("batch run: shards cover every scope exactly once and their manifests merge") {
    const auto& run = small_demo_run();
    TempDir dir;
    for (const char* shard : {"1/3", "2/3", "3/3"}) {
        const auto r = run_cli(run_args(run.db, dir.path(), std::string("--shard ") + shard));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    CHECK_FALSE(fs::exists(dir / "2025-Q3" / "manifest.json"));
    const auto merged = run_cli("merge-manifests --out " + dir.path().string() + " --quarter 2025-Q3");
    REQUIRE_MESSAGE(merged.exit_code == 0, merged.err);
    // The sharded output equals the whole run's, file for file.
    check_same_files(dir / "2025-Q3", run.quarter_folder);
    const std::string manifest = read_file(dir / "2025-Q3" / "manifest.json");
    for (const auto& [path, print] : fingerprints(run.quarter_folder)) {
        const size_t first = manifest.find("\"path\": \"" + path + "\"");
        CHECK_MESSAGE(first != std::string::npos, path);
        CHECK_MESSAGE(manifest.find("\"path\": \"" + path + "\"", first + 1) == std::string::npos, path << " twice");
    }
    CHECK(run_cli(run_args(run.db, dir.path(), "--shard 4/3")).exit_code == 2);
    TempDir incomplete;
    REQUIRE(run_cli(run_args(run.db, incomplete.path(), "--shard 1/2")).exit_code == 0);
    const auto missing = run_cli("merge-manifests --out " + incomplete.path().string() + " --quarter 2025-Q3");
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("manifest.shard-2-of-2.json: missing or unreadable; has shard 2 of 2 finished?") != std::string::npos);
}

TEST_CASE("batch run: an output folder of the old layout is converted, and the run says so") {
    const auto& run = small_demo_run();
    TempDir dir;
    // Before public/ and internal/: scope folders and the index at the top of the quarter folder.
    fs::create_directories(dir / "2025-Q3" / "GM0505-dordrecht");
    write_file(dir / "2025-Q3" / "GM0505-dordrecht" / "samen-sturen-2025-Q3-GM0505.pdf", "old");
    fs::create_directories(dir / "2025-Q3" / "regio-JZ31-zuid-holland-zuid");
    write_file(dir / "2025-Q3" / "index.html", "old");
    write_file(dir / "2025-Q3" / "notes.txt", "not ours: kept");
    const auto r = run_cli(run_args(run.db, dir.path()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.find("removed 2 scope folders of the old layout") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "2025-Q3" / "GM0505-dordrecht"));
    CHECK_FALSE(fs::exists(dir / "2025-Q3" / "index.html"));
    CHECK(fs::exists(dir / "2025-Q3" / "notes.txt"));
    CHECK(fs::exists(dir / "2025-Q3" / "internal" / "GM0505-dordrecht" / "samen-sturen-2025-Q3-GM0505.pdf"));
    CHECK(fs::exists(dir / "2025-Q3" / "public" / "index.html"));
}
