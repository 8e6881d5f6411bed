// Deliveries over time (issue #17): a dry run shows what a delivery would change and writes
// nothing; snapshot files remove exactly the absent records of their scope and refuse to leave
// records pointing at nothing; every import is recorded with its files, and restore puts the
// database back as it was before a delivery.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/sha256.hpp"
#include "db/database.hpp"
#include "db/database_backups.hpp"
#include "import/importer.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

const char* measures_header =
    "measure_id,child_id,municipality_code,institution_id,case_worker_id,kind,reason,start_date,end_date,end_reason\n";

ImportOptions options(const std::string& imported_at = "2026-01-20T09:00:00") {
    ImportOptions o = fixture_import_options();
    o.imported_at = imported_at;
    return o;
}

/// A database with the fixture delivery in it; its path.
std::string loaded_database(const TempDir& dir) {
    write_delivery(dir / "first", valid_delivery());
    const std::string path = (dir / "m.db").string();
    auto db = open_database(path, OpenMode::create_or_update);
    import_folder(*db, dir / "first", options());
    return path;
}

/// A correction from the data office for Dordrecht (GM0505) alone: M1 has ended, M2 was delivered
/// by mistake and is left out, M4 is new. Zwijndrecht's M3 is not in its scope.
std::map<std::string, std::string> dordrecht_correction() {
    return {{"regions.csv", "region_code,name\n"},
            {"municipalities.csv", "municipality_code,name,region_code\nGM0505,Dordrecht,JZ31\n"},
            {"institutions.csv", "institution_id,name,kind\n"},
            {"measures.csv", std::string(measures_header) +
                                 "M1,K1,GM0505,GI-W,CW1,ots,parenting_skills,2024-03-01,2025-12-31,goal_reached\n"
                                 "M4,K5,GM0505,GI-W,CW1,vots,other,2025-11-01,,\n"},
            {"measure_progress.csv", "measure_id,quarter,score,parent_child_contact\nM1,2025-Q2,3,\n"},
            {"costs.csv", "subject_type,subject_id,quarter,projected_eur,actual_eur\n"
                          "trajectory,T1,2025-Q1,1000.50,\"1100,25\"\nmeasure,M1,2025-Q1,1200,\n"}};
}

ImportOptions snapshot_of(const std::string& files, const std::string& scope = "municipalities") {
    ImportOptions o = options("2026-02-03T10:00:00");
    o.declaration = parse_snapshot_option(files, scope);
    return o;
}

std::vector<std::string> rejected_with(SQLite::Database& db, const fs::path& folder, const ImportOptions& o) {
    std::vector<std::string> errors;
    try {
        import_folder(db, folder, o);
    } catch (const DeliveryRejected& e) {
        for (const auto& i : e.issues())
            if (i.severity == Issue::Severity::error) errors.push_back(i.to_string());
    }
    return errors;
}

bool contains(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

std::string dump(const std::string& db) { return run_cli_text("sqlite3 '" + db + "' .dump"); }

} // namespace

TEST_CASE("deliveries: a dry run counts per file what would be new, changed, unchanged and removed, and writes nothing") {
    TempDir dir;
    const std::string path = loaded_database(dir);
    write_delivery(dir / "fix", dordrecht_correction());
    const std::string before = file_fingerprint(path);

    auto db = open_database(path, OpenMode::read_only);
    ImportOptions o = snapshot_of("measures,measure_progress,costs");
    o.dry_run = true;
    o.backup_folder = backup_folder(path);
    const ImportResult r = import_folder(*db, dir / "fix", o);
    const FilePlan& measures = *r.plan.find("measures");
    CHECK(measures.added == 1);
    CHECK(measures.changed == 1);
    CHECK(measures.unchanged == 0);
    CHECK(measures.removed == 1); // M2; M3 is Zwijndrecht's
    CHECK(measures.added_examples == std::vector<std::string>{"M4"});
    CHECK(measures.changed_examples == std::vector<std::string>{"M1"});
    CHECK(measures.removed_examples == std::vector<std::string>{"M2"});
    CHECK(r.plan.find("measure_progress")->removed == 1); // M2's 2025-Q2 score goes with it
    CHECK(r.plan.find("measure_progress")->removed_examples == std::vector<std::string>{"2025-Q2 / M2"});
    CHECK(r.plan.find("measure_progress")->unchanged == 1);
    CHECK(r.plan.find("costs")->unchanged == 2); // a costs snapshot holds Dordrecht's trajectory costs too
    CHECK(r.plan.find("costs")->removed == 0);
    CHECK(r.plan.find("municipalities")->unchanged == 1);
    CHECK_FALSE(r.recorded);
    db.reset();
    CHECK(file_fingerprint(path) == before);
    CHECK_FALSE(fs::exists(backup_folder(path)));

    // The command line says the same; a dry run on a database that does not exist does not make it.
    const auto cli = run_cli("import --dry-run --snapshot measures,measure_progress,costs --db " + path + " " +
                             (dir / "fix").string() + " --today 2026-01-20");
    CHECK(cli.exit_code == 0);
    CHECK(cli.out.find("measures.csv                    2 rows: 1 new, 1 changed, 0 unchanged, 1 removed (snapshot)") !=
          std::string::npos);
    CHECK(cli.out.find("new: M4; changed: M1; removed: M2") != std::string::npos);
    CHECK(cli.out.find("would add 1, change 1 and remove 2 rows; nothing was written") != std::string::npos);
    CHECK(file_fingerprint(path) == before);
    const auto fresh = run_cli("import --dry-run --db " + (dir / "new.db").string() + " " + (dir / "first").string() +
                               " --today 2026-01-20");
    CHECK(fresh.exit_code == 0);
    CHECK(fresh.out.find("measures.csv                    3 rows: 3 new, 0 changed, 0 unchanged") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "new.db"));
}

TEST_CASE("deliveries: a snapshot removes exactly the absent records of its scope, with their dependants") {
    TempDir dir;
    const std::string path = loaded_database(dir);
    write_delivery(dir / "fix", dordrecht_correction());
    auto db = open_database(path, OpenMode::create_or_update);
    const ImportResult r = import_folder(*db, dir / "fix", snapshot_of("measures,measure_progress,costs"));
    REQUIRE(r.recorded);
    CHECK(query_text(*db, "SELECT group_concat(measure_id, ',') FROM (SELECT measure_id FROM measures ORDER BY 1)") == "M1,M3,M4");
    CHECK(query_text(*db, "SELECT end_date FROM measures WHERE measure_id = 'M1'") == "2025-12-31");
    CHECK(query_int(*db, "SELECT count(*) FROM measure_progress WHERE measure_id = 'M2'") == 0);
    CHECK(query_int(*db, "SELECT count(*) FROM measure_progress WHERE measure_id = 'M1'") == 1);
    // Not snapshot files: trajectories, extensions and everything of Zwijndrecht stay as they were.
    CHECK(query_int(*db, "SELECT count(*) FROM trajectories") == 2);
    CHECK(query_int(*db, "SELECT count(*) FROM measure_extensions") == 1);
    CHECK(r.recorded->removed == 2);
    CHECK(r.recorded->snapshot == "measures, measure_progress, costs (complete for the municipalities of municipalities.csv)");
    CHECK(query_text(*db, "SELECT rows_inserted || '/' || rows_updated || '/' || rows_removed FROM deliveries WHERE delivery_id = 2") ==
          "1/1/2");
    CHECK(query_text(*db, "SELECT examples FROM delivery_files WHERE delivery_id = 2 AND file = 'measures.csv'") ==
          "new: M4; changed: M1; removed: M2");

    // An institution's snapshot: GI-W re-sends its case workers without CW2, whom no measure names.
    write_delivery(dir / "gi", {{"regions.csv", "region_code,name\n"},
                                {"municipalities.csv", "municipality_code,name,region_code\n"},
                                {"institutions.csv", "institution_id,name,kind\nGI-W,Jeugdbescherming west,gi\n"},
                                {"case_workers.csv", "case_worker_id,institution_id,skj_number,skj_valid_until\n"
                                                     "CW1,GI-W,110012345,2027-03-31\n"}});
    const ImportResult gi = import_folder(*db, dir / "gi", snapshot_of("case_workers", "institutions"));
    CHECK(gi.plan.find("case_workers")->removed == 1);
    CHECK(query_int(*db, "SELECT count(*) FROM case_workers") == 1);
}

TEST_CASE("deliveries: a snapshot that would leave records pointing at nothing is refused, naming them") {
    TempDir dir;
    const std::string path = loaded_database(dir);
    write_delivery(dir / "fix", dordrecht_correction());
    auto db = open_database(path, OpenMode::create_or_update);
    const std::string before = dump(path);

    // Measures alone: M2's stored progress would stay behind.
    const auto stored = rejected_with(*db, dir / "fix", snapshot_of("measures"));
    CHECK(contains(stored, "measures.csv: measure M2 is not in this snapshot, so it would be removed, but 1 record of "
                           "measure_progress.csv refers to it; deliver measure_progress.csv as a snapshot too"));
    CHECK(stored.size() == 1);

    // A delivered row of a measure the snapshot removes is named by its line.
    auto files = dordrecht_correction();
    files["measure_progress.csv"] += "M2,2025-Q3,2,\n";
    write_delivery(dir / "orphan", files);
    const auto delivered = rejected_with(*db, dir / "orphan", snapshot_of("measures,measure_progress,costs"));
    CHECK(delivered == std::vector<std::string>{"measure_progress.csv:3: column measure_id: 'M2' is a measure this snapshot "
                                                "removes (it is not in measures.csv); deliver the measure, or leave this row out"});
    db.reset();
    CHECK(dump(path) == before);
}

TEST_CASE("deliveries: snapshot declarations are checked: files, scope and delivery.toml") {
    CHECK_THROWS_WITH_AS(parse_snapshot_option("measures,waitinglist", "municipalities"),
                         doctest::Contains("--snapshot: waitinglist is not a record file that can be a snapshot"), UsageError);
    CHECK_THROWS_WITH_AS(parse_snapshot_option("case_workers", "municipalities"),
                         doctest::Contains("cannot be complete for municipalities (its records belong to an institution"),
                         UsageError);
    CHECK_THROWS_WITH_AS(parse_snapshot_option("measures", "regions"),
                         doctest::Contains("--snapshot-scope: 'regions' is not municipalities or institutions"), UsageError);

    TempDir dir;
    const std::string path = loaded_database(dir);
    auto db = open_database(path, OpenMode::create_or_update);
    // A snapshot of a file the delivery does not hold would remove all of the scope: refused.
    auto files = dordrecht_correction();
    files.erase("costs.csv");
    write_delivery(dir / "nocosts", files);
    CHECK(contains(rejected_with(*db, dir / "nocosts", snapshot_of("measures,measure_progress,costs")),
                   "costs.csv: is declared a snapshot (--snapshot) but is not in the delivery"));
    // A municipalities snapshot needs municipalities to be complete for.
    files = dordrecht_correction();
    files["municipalities.csv"] = "municipality_code,name,region_code\n";
    write_delivery(dir / "noscope", files);
    CHECK(contains(rejected_with(*db, dir / "noscope", snapshot_of("measures,measure_progress,costs")),
                   "municipalities.csv: lists no municipalities, so the snapshot (--snapshot) is complete for nothing"));

    // The data office declares it in the folder; its problems are named with their line.
    files = dordrecht_correction();
    write_delivery(dir / "toml", files);
    write_file(dir / "toml" / "delivery.toml", "delivered_on = 2026-02-01\n[snapshot]\nfiles = [\"measures\", "
                                               "\"measure_progress.csv\", \"costs\"]\nscope = \"municipalities\"\n");
    ImportOptions plain = options("2026-02-03T10:00:00");
    const ImportResult r = import_folder(*db, dir / "toml", plain);
    CHECK(r.declaration.source == "delivery.toml");
    CHECK(r.plan.find("measures")->removed == 1);
    REQUIRE(r.recorded);
    CHECK(r.recorded->delivered_on == "2026-02-01");

    write_file(dir / "toml" / "delivery.toml", "[snapshot]\nfiles = [\"measures\"]\nscope = \"gemeenten\"\n");
    CHECK(contains(rejected_with(*db, dir / "toml", plain),
                   "delivery.toml:3: 'gemeenten' is not a scope: \"municipalities\" or \"institutions\""));
    write_file(dir / "toml" / "delivery.toml", "[snapshot\nfiles = 1\n");
    CHECK(contains(rejected_with(*db, dir / "toml", plain), "delivery.toml:1: is not valid TOML"));
    write_file(dir / "toml" / "delivery.toml", "[snapshot]\nfiles = [\"measures\"]\n");
    CHECK(contains(rejected_with(*db, dir / "toml", snapshot_of("measures,measure_progress")),
                   "delivery.toml: declares the snapshot measures (complete for the municipalities of municipalities.csv), "
                   "the command line measures, measure_progress"));
}

TEST_CASE("deliveries: every import is recorded with its files; restore gives back the database before a delivery") {
    TempDir dir;
    const std::string path = (dir / "m.db").string();
    write_delivery(dir / "first", valid_delivery());
    CHECK(run_cli("import --db " + path + " " + (dir / "first").string() + " --today 2026-01-20").exit_code == 0);
    const std::string after_first = dump(path);
    write_delivery(dir / "fix", dordrecht_correction());
    const auto second = run_cli("import --snapshot measures,measure_progress,costs --db " + path + " " +
                                (dir / "fix").string() + " --today 2026-01-20 --delivered-on 2026-02-01");
    REQUIRE(second.exit_code == 0);
    CHECK(second.out.find("(1 new, 1 changed, 2 removed)") != std::string::npos);
    CHECK(second.out.find("as delivery 2") != std::string::npos);
    CHECK(second.out.find("to undo: samen-sturen restore --db " + path + " --delivery 2") != std::string::npos);

    {
        auto db = open_database(path, OpenMode::read_only);
        const auto history = read_deliveries(*db);
        REQUIRE(history.size() == 2);
        CHECK(history[1].delivered_on == "2026-02-01");
        CHECK(history[1].source == (dir / "fix").string());
        CHECK(history[1].program_version == SAMEN_STUREN_VERSION);
        const auto measures = std::find_if(history[1].files.begin(), history[1].files.end(),
                                           [](const DeliveredFile& f) { return f.file == "measures.csv"; });
        REQUIRE(measures != history[1].files.end());
        CHECK(measures->sha256 == sha256_file(dir / "fix" / "measures.csv"));
        CHECK(measures->rows == 2);
        CHECK(measures->removed == 1);
        CHECK(fs::exists(backup_folder(path) / history[1].backup_file));
    }
    const auto listed = run_cli("deliveries --db " + path);
    CHECK(listed.exit_code == 0);
    CHECK(listed.out.find("delivery 2: imported ") != std::string::npos);
    CHECK(listed.out.find("1 new, 1 changed, 2 removed") != std::string::npos);
    CHECK(listed.out.find("snapshot: measures, measure_progress, costs") != std::string::npos);
    CHECK(listed.out.find("sha256 " + sha256_file(dir / "fix" / "measures.csv")) != std::string::npos);

    const auto restored = run_cli("restore --db " + path + " --delivery 2");
    CHECK(restored.exit_code == 0);
    CHECK(restored.out.find("restored " + path + " to its state before delivery 2") != std::string::npos);
    CHECK(restored.out.find("delivery 2 is undone") != std::string::npos);
    CHECK(dump(path) == after_first);
    // The restore itself is kept, and an unknown delivery is refused with what to do.
    CHECK(restored.out.find("-before-restore-of-delivery-2.db") != std::string::npos);
    const auto unknown = run_cli("restore --db " + path + " --delivery 9");
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("--delivery 9: " + path + " holds no such delivery (samen-sturen deliveries --db") != std::string::npos);
}

TEST_CASE("deliveries: only the newest copies are kept; a delivery without its copy cannot be restored") {
    TempDir dir;
    const std::string path = (dir / "m.db").string();
    write_delivery(dir / "first", valid_delivery());
    auto files = dordrecht_correction();
    write_delivery(dir / "fix", files);
    files["measures.csv"] += "M5,K6,GM0505,GI-W,CW1,ots,other,2025-11-15,,\n";
    write_delivery(dir / "fix2", files);
    CHECK(run_cli("import --keep-backups 2 --db " + path + " " + (dir / "first").string() + " --today 2026-01-20").exit_code == 0);
    CHECK(run_cli("import --keep-backups 2 --db " + path + " " + (dir / "fix").string() + " --today 2026-01-20").exit_code == 0);
    CHECK(run_cli("import --keep-backups 2 --db " + path + " " + (dir / "fix2").string() + " --today 2026-01-20").exit_code == 0);
    size_t copies = 0;
    for (const auto& e : fs::directory_iterator(backup_folder(path))) copies += e.path().extension() == ".db";
    CHECK(copies == 2);
    const auto gone = run_cli("restore --db " + path + " --delivery 1");
    CHECK(gone.exit_code == 3);
    CHECK(gone.err.find("the copy before delivery 1 is no longer kept") != std::string::npos);
    const auto listed = run_cli("deliveries --db " + path);
    CHECK(listed.out.find("is no longer kept") != std::string::npos);

    files["measures.csv"] += "M6,K7,GM0505,GI-W,CW1,ots,other,2025-11-16,,\n";
    write_delivery(dir / "fix3", files);
    CHECK(run_cli("import --keep-backups 0 --db " + path + " " + (dir / "fix3").string() + " --today 2026-01-20").exit_code == 0);
    const auto none = run_cli("restore --db " + path + " --delivery 4");
    CHECK(none.exit_code == 3);
    CHECK(none.err.find("delivery 4 was imported without a copy of the database before it (--keep-backups 0)") !=
          std::string::npos);
}
