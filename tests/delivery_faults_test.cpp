// Deliveries under faults (issue #17): a kill -9, a full disk or a locked database during an
// import, its snapshot removals, its copy of the database or a restore leaves the database as it
// was before or as it is after, never between; and an import waits for a run reading the database.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>

#include "db/database.hpp"
#include "db/database_backups.hpp"
#include "db/read_snapshot.hpp"
#include "import/importer.hpp"
#include "kpi/kpi_engine.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

/// Measures of Dordrecht again, without M2 (a snapshot removes it and its score), with M4 new.
std::map<std::string, std::string> correction() {
    return {{"regions.csv", "region_code,name\n"},
            {"municipalities.csv", "municipality_code,name,region_code\nGM0505,Dordrecht,JZ31\n"},
            {"institutions.csv", "institution_id,name,kind\n"},
            {"measures.csv", "measure_id,child_id,municipality_code,institution_id,case_worker_id,kind,reason,start_date,"
                             "end_date,end_reason\n"
                             "M1,K1,GM0505,GI-W,CW1,ots,parenting_skills,2024-03-01,2025-12-31,goal_reached\n"
                             "M4,K5,GM0505,GI-W,CW1,vots,other,2025-07-01,,\n"},
            {"measure_progress.csv", "measure_id,quarter,score,parent_child_contact\nM1,2025-Q2,3,\n"}};
}

const char* snapshot_option = " --snapshot measures,measure_progress";

std::string dump(const fs::path& db) { return run_cli_text("sqlite3 '" + db.string() + "' .dump"); }

/// A database with the fixture delivery, and the correction's folder beside it.
fs::path prepared(const TempDir& dir) {
    write_delivery(dir / "first", valid_delivery());
    write_delivery(dir / "fix", correction());
    const fs::path db = dir / "m.db";
    REQUIRE(run_cli("import --db " + db.string() + " " + (dir / "first").string() + " --today 2026-01-20").exit_code == 0);
    return db;
}

/// Runs samen-sturen with `arguments`, stopped at pause point `at` and killed there with SIGKILL;
/// returns what it wrote on stderr.
std::string killed_at(const std::string& at, const std::string& arguments, const TempDir& dir) {
    const std::string err = (dir / ("killed-" + at + ".err")).string();
    return run_cli_text("(SAMEN_STUREN_PAUSE_AT=" + at + " " + SAMEN_STUREN_BINARY + " " + arguments + " >/dev/null 2>" + err +
                        " & pid=$!; for i in $(seq 300); do grep -q 'paused at' " + err +
                        " && break; sleep 0.05; done; kill -9 $pid; wait $pid; cat " + err + ")");
}

} // namespace

TEST_CASE("delivery faults: an import killed while copying the database, or after its writes and removals, changes nothing") {
    TempDir dir;
    const fs::path db = prepared(dir);
    const std::string before = dump(db);
    const std::string import = "import --db " + db.string() + " " + (dir / "fix").string() + " --today 2026-01-20" + snapshot_option;

    CHECK(killed_at("backup", import, dir).find("paused at backup") != std::string::npos);
    CHECK(dump(db) == before);
    for (const auto& e : fs::directory_iterator(backup_folder(db.string()))) {
        const std::string name = e.path().filename().string();
        const bool whole_copy_of_2 = name.find("before-delivery-2.db") != std::string::npos && name.find(".partial") == std::string::npos;
        CHECK_MESSAGE(!whole_copy_of_2, "a half copy keeps its temporary name: " << name);
    }

    CHECK(killed_at("load", import, dir).find("paused at load") != std::string::npos);
    CHECK(dump(db) == before); // the rows were written and M2 removed, but never committed

    // The next import does it all, once, and leaves no half copy behind.
    const auto done = run_cli(import);
    CHECK(done.exit_code == 0);
    CHECK(done.out.find("as delivery 2") != std::string::npos);
    for (const auto& e : fs::directory_iterator(backup_folder(db.string()))) CHECK(e.path().extension() == ".db");
    CHECK(fs::exists(backup_folder(db.string()) / (done.out.substr(done.out.find("before-delivery-2.db") - 16, 36))));
    auto after = open_database(db.string(), OpenMode::read_only);
    CHECK(query_int(*after, "SELECT count(*) FROM measures WHERE measure_id = 'M2'") == 0);
    CHECK(query_int(*after, "SELECT count(*) FROM deliveries") == 2);
}

TEST_CASE("delivery faults: a restore killed half-way leaves the database as it was") {
    TempDir dir;
    const fs::path db = prepared(dir);
    REQUIRE(run_cli("import --db " + db.string() + " " + (dir / "fix").string() + " --today 2026-01-20" + snapshot_option)
                .exit_code == 0);
    const std::string corrected = dump(db);
    const std::string restore = "restore --db " + db.string() + " --delivery 2";
    CHECK(killed_at("restore", restore, dir).find("paused at restore") != std::string::npos);
    CHECK(dump(db) == corrected);
    CHECK(run_cli(restore).exit_code == 0);
    CHECK(dump(db).find("'M2'") != std::string::npos);
}

TEST_CASE("delivery faults: a full disk while keeping the copy or restoring changes nothing and says what to do") {
    TempDir dir;
    const fs::path db = prepared(dir);
    const std::string before = dump(db);
    // A file-size limit of 8 KB: the copy of the database cannot be written.
    const std::string out = run_cli_text("(ulimit -f 16; " + std::string(SAMEN_STUREN_BINARY) + " import --db " + db.string() +
                                         " " + (dir / "fix").string() + " --today 2026-01-20" + snapshot_option +
                                         " 2>&1; echo \"exit $?\")");
    CAPTURE(out);
    CHECK(out.find("cannot keep a copy of the database before the import") != std::string::npos);
    CHECK(out.find("the database was not changed") != std::string::npos);
    CHECK(out.find("exit 5") != std::string::npos);
    CHECK(dump(db) == before);
    // Without a copy, the limit hits the import's own writes (its rollback journal): still nothing changes.
    const std::string no_copy = run_cli_text("(ulimit -f 16; " + std::string(SAMEN_STUREN_BINARY) + " import --keep-backups 0 --db " +
                                             db.string() + " " + (dir / "fix").string() + " --today 2026-01-20" + snapshot_option +
                                             " 2>&1; echo \"exit $?\")");
    CAPTURE(no_copy);
    CHECK(no_copy.find("exit 0") == std::string::npos);
    CHECK(no_copy.find("samen-sturen: ") != std::string::npos);
    CHECK(dump(db) == before);

    REQUIRE(run_cli("import --db " + db.string() + " " + (dir / "fix").string() + " --today 2026-01-20" + snapshot_option)
                .exit_code == 0);
    const std::string corrected = dump(db);
    const std::string restore = run_cli_text("(ulimit -f 16; " + std::string(SAMEN_STUREN_BINARY) + " restore --db " +
                                             db.string() + " --delivery 2 2>&1; echo \"exit $?\")");
    CAPTURE(restore);
    CHECK(restore.find("exit 0") == std::string::npos);
    CHECK(restore.find("samen-sturen: ") != std::string::npos);
    CHECK(dump(db) == corrected);
}

TEST_CASE("delivery faults: a database another program holds refuses a restore or an import after --wait, unchanged") {
    TempDir dir;
    const fs::path db = prepared(dir);
    REQUIRE(run_cli("import --db " + db.string() + " " + (dir / "fix").string() + " --today 2026-01-20" + snapshot_option)
                .exit_code == 0);
    const std::string corrected = dump(db);
    const std::string hold = "/usr/bin/python3 -c \"import sqlite3,time; c=sqlite3.connect('" + db.string() +
                             "', isolation_level=None); c.execute('BEGIN'); c.execute('SELECT count(*) FROM measures').fetchall(); "
                             "time.sleep(6)\" & sleep 0.5; ";
    const std::string out = run_cli_text("(" + hold + SAMEN_STUREN_BINARY + " restore --wait 1 --db " + db.string() +
                                         " --delivery 2 2>&1; echo \"exit $?\"; wait)");
    CAPTURE(out);
    CHECK(out.find("is in use by another program (a run reading it, or an import); waiting up to 1 s") != std::string::npos);
    CHECK(out.find("is in use by another program (a run or an import); nothing was restored; try again when it has "
                   "finished") != std::string::npos);
    CHECK(out.find("exit 4") != std::string::npos);
    CHECK(dump(db) == corrected);

    // An import against the same reader waits --wait seconds at its commit, then gives up whole.
    const std::string imported = run_cli_text("(" + hold + SAMEN_STUREN_BINARY + " import --wait 1 --db " + db.string() + " " +
                                              (dir / "first").string() + " --today 2026-01-20 --delivered-on 2026-03-01 2>&1; "
                                              "echo \"exit $?\"; wait)");
    CAPTURE(imported);
    CHECK(imported.find("for longer than 1 s (--wait); nothing was imported; try again when it has finished") != std::string::npos);
    CHECK(imported.find("exit 4") != std::string::npos);
    CHECK(dump(db) == corrected);
}

TEST_CASE("delivery faults: an import that commits during a run's SQL stage waits for it; the run reads one state") {
    TempDir dir;
    const fs::path db = prepared(dir);
    const Quarter q3{2025, 3};
    const auto kpis = load_kpi_queries(query_folder());
    auto measures_of = [&](SQLite::Database& connection) {
        for (const auto& v : compute_kpis(connection, kpis, q3, KpiDetail::trend))
            if (v.scope_code == "GM0505" && v.kpi_id == "JB02" && v.breakdown.empty()) return v.numerator.value_or(-1);
        return -1.0;
    };
    std::optional<double> before;
    {
        auto reading = open_database(db.string(), OpenMode::read_only);
        before = measures_of(*reading);
    }

    ReadSnapshot snapshot(db.string(), 2);
    std::atomic<bool> imported{false};
    std::string said;
    std::thread import([&] {
        auto writing = open_database(db.string(), OpenMode::create_or_update);
        std::ostringstream say;
        const LockWait wait(*writing, 30, say);
        ImportOptions o = fixture_import_options();
        o.imported_at = "2026-02-03T10:00:00";
        o.declaration = parse_snapshot_option("measures,measure_progress", "municipalities");
        import_folder(*writing, dir / "fix", o);
        said = say.str();
        imported = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK_FALSE(imported.load()); // it waits at its commit for the run's read transactions
    // Every connection of the run still reads the state before the import.
    CHECK(measures_of(snapshot.guard()) == *before);
    CHECK(measures_of(snapshot.worker(0)) == *before);
    CHECK(measures_of(snapshot.worker(1)) == *before);
    snapshot.release();
    import.join();
    CHECK(imported.load());
    CHECK(said.find("is in use by another program (a run reading it, or an import); waiting up to 30 s") != std::string::npos);
    auto after = open_database(db.string(), OpenMode::read_only);
    CHECK(measures_of(*after) != *before);
}
