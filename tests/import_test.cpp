// `import`: a valid delivery loads with its real values; every error class of
// shared/spec/import-format.md is reported with file, line, column and value; nothing is ever
// half-loaded; a re-import changes nothing.
#include <doctest/doctest.h>

#include <algorithm>

#include "db/database.hpp"
#include "db/database_backups.hpp"
#include "import/importer.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

ImportOptions options() {
    ImportOptions o = fixture_import_options();
    o.imported_at = "2026-01-20T09:00:00";
    return o;
}

std::unique_ptr<SQLite::Database> open_db(const TempDir& dir) {
    return open_database((dir / "m.db").string(), OpenMode::create_or_update);
}

/// Writes `files` as the delivery folder `name` in `dir` and imports it into `db`.
ImportResult import_files(const TempDir& dir, SQLite::Database& db, const std::string& name,
                          const std::map<std::string, std::string>& files) {
    write_delivery(dir / name, files);
    return import_folder(db, dir / name, options());
}

/// Imports `files` into a fresh database and returns the problems it was rejected with
/// (empty when it was accepted).
std::vector<Issue> rejection(const std::map<std::string, std::string>& files) {
    TempDir dir;
    auto db = open_db(dir);
    try {
        import_files(dir, *db, "in", files);
    } catch (const DeliveryRejected& e) {
        return e.issues();
    }
    return {};
}

std::vector<std::string> errors_of(const std::vector<Issue>& issues) {
    std::vector<std::string> out;
    for (const auto& i : issues)
        if (i.severity == Issue::Severity::error) out.push_back(i.to_string());
    return out;
}

/// The single error a delivery with one changed file is rejected with.
std::string single_error(const std::string& file, const std::string& text) {
    auto files = valid_delivery();
    files[file] = text;
    const auto errors = errors_of(rejection(files));
    REQUIRE_MESSAGE(errors.size() == 1, "errors: " << errors.size() << (errors.empty() ? "" : " first: " + errors[0]));
    return errors[0];
}

/// The valid delivery with one data line appended to `file`.
std::string with_line(const std::string& file, const std::string& line) {
    return valid_delivery().at(file) + line + "\n";
}

} // namespace

TEST_CASE("import: a valid delivery is loaded with its real values") {
    TempDir dir;
    auto db = open_db(dir);
    const ImportResult result = import_files(dir, *db, "in", valid_delivery());
    CHECK(result.warnings.empty());
    CHECK(result.plan.added() == result.rows_read);
    CHECK(query_int(*db, "SELECT count(*) FROM measures") == 3);
    CHECK(query_text(*db, "SELECT end_date FROM measures WHERE measure_id = 'M2'") == "2025-06-30");
    CHECK(query_int(*db, "SELECT end_date IS NULL FROM measures WHERE measure_id = 'M1'") == 1);
    CHECK(query_int(*db, "SELECT case_worker_id IS NULL FROM measures WHERE measure_id = 'M3'") == 1);
    // Amounts with a decimal comma, quoted because of the comma delimiter.
    CHECK(db->execAndGet("SELECT actual_eur FROM costs WHERE subject_id = 'T1'").getDouble() ==
          doctest::Approx(1100.25));
    CHECK(query_int(*db, "SELECT actual_eur IS NULL FROM costs WHERE subject_id = 'M1'") == 1);
    CHECK(db->execAndGet("SELECT target FROM kpi_targets WHERE kpi_id = 'JH01'").getDouble() ==
          doctest::Approx(118.5));
    CHECK(query_text(*db, "SELECT name FROM institutions WHERE institution_id = 'P-1'") ==
          "Zorg & Co, Dordrecht");
    CHECK(query_int(*db, "SELECT youths_0_17 FROM population WHERE municipality_code = 'GM0505'") == 23000);
    CHECK(query_text(*db, "SELECT goal_education || '/' || goal_family_balance || '/' || "
                          "ifnull(goal_problem_reduction, 'NULL') FROM outcomes") == "1/0/NULL");
    CHECK(query_text(*db, "SELECT delivered_on FROM deliveries") == "2026-01-20");
}

TEST_CASE("import: names with apostrophes and accents survive unchanged") {
    TempDir dir;
    auto db = open_db(dir);
    import_files(dir, *db, "in", valid_delivery());
    CHECK(query_text(*db, "SELECT name FROM municipalities WHERE municipality_code = 'GM0796'") == "'s-Hertogenbosch");
    CHECK(query_text(*db, "SELECT name FROM municipalities WHERE municipality_code = 'GM1900'") == "Súdwest-Fryslân");
    CHECK(query_text(*db, "SELECT name FROM regions WHERE region_code = 'JZ02'") == "Friesland (Fryslân)");
}

TEST_CASE("import: semicolon files from Dutch Excel with a BOM and CRLF are read the same") {
    auto files = valid_delivery();
    files["municipalities.csv"] = "\xEF\xBB\xBFMunicipality_Code;NAME;region_code\r\n"
                                  "GM0505;Dordrecht;JZ31\r\nGM0642;Zwijndrecht;JZ31\r\n"
                                  "GM0796;'s-Hertogenbosch;JZ33\r\nGM1900;\"Súdwest;Fryslân\";JZ02\r\n";
    files["costs.csv"] = "subject_type;subject_id;quarter;projected_eur;actual_eur\r\n"
                         "trajectory;T1;2025-Q1;1000,50;1100,25\r\n";
    CHECK(errors_of(rejection(files)).empty());
}

TEST_CASE("import: a quoted field may hold line breaks") {
    auto files = valid_delivery();
    files["institutions.csv"] = "institution_id,name,kind\nGI-W,\"Jeugdbescherming\nwest\",gi\n"
                                "P-1,Zorg,provider\nLT-0505,Wijkteam,local_team\n";
    CHECK(errors_of(rejection(files)).empty());
}

TEST_CASE("import: every error class names file, line, column and value") {
    SUBCASE("a value that is not a date") {
        CHECK(single_error("measures.csv", with_line("measures.csv",
              "M9,K9,GM0505,GI-W,,ots,other,2025-13-01,,")) ==
              "measures.csv:5: column start_date: '2025-13-01' is not a date (YYYY-MM-DD)");
    }
    SUBCASE("an end date before its start date") {
        CHECK(single_error("trajectories.csv", with_line("trajectories.csv",
              "T9,K9,GM0505,P-1,4,,acuut,gp,2025-05-01,2025-04-30,planned")) ==
              "trajectories.csv:4: column end_date: '2025-04-30' is before start_date 2025-05-01");
    }
    SUBCASE("a date before 2000") {
        CHECK(single_error("measures.csv", with_line("measures.csv",
              "M9,K9,GM0505,GI-W,,ots,other,1999-12-31,,")) ==
              "measures.csv:5: column start_date: '1999-12-31' is before 2000");
    }
    SUBCASE("an event date more than a year after the import day") {
        CHECK(single_error("measure_extensions.csv", with_line("measure_extensions.csv", "M1,2027-06-01,12"))
                  .find("measure_extensions.csv:3: column extension_date: '2027-06-01' is more than a year") == 0);
    }
    SUBCASE("an SKJ registration more than six years ahead") {
        CHECK(single_error("case_workers.csv", with_line("case_workers.csv", "CW9,GI-W,1,2033-01-01"))
                  .find("case_workers.csv:4: column skj_valid_until: '2033-01-01' is more than six years") == 0);
    }
    SUBCASE("a negative amount") {
        CHECK(single_error("costs.csv", with_line("costs.csv", "trajectory,T2,2025-Q2,-10,")) ==
              "costs.csv:4: column projected_eur: '-10' is a negative amount");
    }
    SUBCASE("a score outside its range") {
        CHECK(single_error("measure_progress.csv", with_line("measure_progress.csv", "M3,2025-Q2,6,")) ==
              "measure_progress.csv:4: column score: '6' is out of range (1 to 5)");
        CHECK(single_error("outcomes.csv", with_line("outcomes.csv", "T2,start,11,,,,,")) ==
              "outcomes.csv:3: column experience_youth: '11' is out of range (1 to 10)");
        CHECK(single_error("trajectories.csv", with_line("trajectories.csv",
              "T9,K9,GM0505,P-1,8,,acuut,gp,2025-05-01,,")) ==
              "trajectories.csv:4: column segment: '8' is out of range (1 to 7)");
    }
    SUBCASE("an unknown code") {
        CHECK(single_error("measures.csv", with_line("measures.csv",
              "M9,K9,GM0505,GI-W,,ots,bad_luck,2025-01-01,,")) ==
              "measures.csv:5: column reason: 'bad_luck' is not a known code (expected one of: "
              "parenting_skills, home_situation, acute_development_risk, other)");
    }
    SUBCASE("an empty required value") {
        CHECK(single_error("measures.csv", with_line("measures.csv",
              "M9,,GM0505,GI-W,,ots,other,2025-01-01,,")) ==
              "measures.csv:5: column child_id: '' is empty (a value is required)");
    }
    SUBCASE("a child id that is a BSN") {
        CHECK(single_error("trajectories.csv", with_line("trajectories.csv",
              "T9,111222333,GM0505,P-1,4,,acuut,gp,2025-05-01,,"))
                  .find("trajectories.csv:4: column child_id: '111222333' looks like a BSN") == 0);
    }
    SUBCASE("a reference to a record that exists nowhere") {
        CHECK(single_error("measures.csv", with_line("measures.csv",
              "M9,K9,GM9999,GI-W,,ots,other,2025-01-01,,")) ==
              "measures.csv:5: column municipality_code: 'GM9999' is not in municipalities.csv nor in the database");
        CHECK(single_error("outcomes.csv", with_line("outcomes.csv", "T404,end,,,,,,")) ==
              "outcomes.csv:3: column trajectory_id: 'T404' is not in trajectories.csv nor in the database");
        CHECK(single_error("costs.csv", with_line("costs.csv", "measure,T1,2025-Q1,1,1")) ==
              "costs.csv:4: column subject_id: 'T1' is not a measure in measures.csv nor in the database");
        CHECK(single_error("kpi_targets.csv", with_line("kpi_targets.csv", "JB01,GM0000,2025,,1,lower_is_better")) ==
              "kpi_targets.csv:5: column scope_code: 'GM0000' is neither a region nor a municipality code");
        CHECK(single_error("notes.csv", with_line("notes.csv", "N9,GM0000,2025-Q2,,toelichting,Tekst,,,")) ==
              "notes.csv:4: column scope_code: 'GM0000' is neither a region nor a municipality code");
    }
    SUBCASE("a target for a KPI or breakdown that does not exist, or out of its range") {
        CHECK(single_error("kpi_targets.csv", with_line("kpi_targets.csv", "XX99,JZ31,2025,,1,lower_is_better")) ==
              "kpi_targets.csv:5: column kpi_id: 'XX99' is not a KPI of kpis.md (no queries/XX99.sql)");
        CHECK(single_error("kpi_targets.csv", with_line("kpi_targets.csv", "JH05,JZ31,2025,segment=8,10,lower_is_better")) ==
              "kpi_targets.csv:5: column breakdown: 'segment=8' is not a breakdown key of JH05");
        CHECK(single_error("kpi_targets.csv", with_line("kpi_targets.csv", "JB01,JZ31,2025,kind=jr,10,lower_is_better")) ==
              "kpi_targets.csv:5: column breakdown: 'kind=jr' is not a breakdown key of JB01");
        CHECK(single_error("kpi_targets.csv", with_line("kpi_targets.csv", "JH03,JZ31,2025,,10,lower_is_better")) ==
              "kpi_targets.csv:5: column breakdown: '' is empty, but JH03 has no total (name a breakdown key)");
        CHECK(single_error("kpi_targets.csv", with_line("kpi_targets.csv", "JB06,JZ31,2025,,100.2,higher_is_better")) ==
              "kpi_targets.csv:5: column target: '100.2' is above 100 (JB06 is a share in percent: 0-100)");
        CHECK(single_error("kpi_targets.csv", with_line("kpi_targets.csv", "JH01,GM0505,2025,,-1,lower_is_better")) ==
              "kpi_targets.csv:5: column target: '-1' is negative (a target is 0 or more)");
        CHECK(single_error("kpi_targets.csv", with_line("kpi_targets.csv", "JH01,GM0505,2025,segment 4,1,lower_is_better")) ==
              "kpi_targets.csv:5: column breakdown: 'segment 4' is not a breakdown key (like segment=4 or kind=ots; empty for the total)");
    }
    SUBCASE("a note on an unknown KPI, or longer than 1,000 characters") {
        CHECK(single_error("notes.csv", with_line("notes.csv", "N9,GM0505,2025-Q2,XX01,toelichting,Tekst,,,")) ==
              "notes.csv:4: column kpi_id: 'XX01' is not a KPI of kpis.md (no queries/XX01.sql); leave it empty for a "
              "note on the whole report");
        const std::string long_text(1001, 'a');
        const std::string too_long = single_error("notes.csv", with_line("notes.csv", "N9,GM0505,2025-Q2,,toelichting," + long_text + ",,,"));
        CHECK(too_long.find("notes.csv:4: column text: 'aaaa") == 0);
        CHECK(too_long.find("' is longer than 1000 characters (1001)") != std::string::npos);
        CHECK(single_error("notes.csv", with_line("notes.csv", "N9,GM0505,2025-Q2,,afspraak,Tekst,,,pending")) ==
              "notes.csv:4: column status: 'pending' is not a known code (expected one of: open, done, dropped)");
    }
    SUBCASE("NaN and infinity are not amounts") {
        for (const std::string bad : {"NaN", "nan", "inf", "-inf", "Infinity", "1e5"}) {
            CAPTURE(bad);
            CHECK(single_error("costs.csv", with_line("costs.csv", "trajectory,T2,2025-Q2," + bad + ",")) ==
                  "costs.csv:4: column projected_eur: '" + bad + "' is not an amount in euros (e.g. 1234,50; no thousands separator)");
        }
    }
    SUBCASE("a measure carried out by an institution that is not a GI") {
        CHECK(single_error("measures.csv", with_line("measures.csv",
              "M9,K9,GM0505,P-1,,ots,other,2025-01-01,,")) ==
              "measures.csv:5: column institution_id: 'P-1' is an institution of kind 'provider' (expected gi)");
    }
    SUBCASE("a trajectory with a GI as provider") {
        CHECK(single_error("trajectories.csv", with_line("trajectories.csv",
              "T9,K9,GM0505,GI-W,4,,acuut,gp,2025-05-01,,")) ==
              "trajectories.csv:4: column provider_id: 'GI-W' is an institution of kind 'gi' (expected provider or local_team)");
    }
    SUBCASE("a key twice in one delivery") {
        CHECK(single_error("population.csv", with_line("population.csv", "GM0505,2025,1,1")) ==
              "population.csv:4: repeats the key (municipality_code=GM0505, year=2025) of line 2");
    }
    SUBCASE("a row with too many or too few fields") {
        CHECK(single_error("norms.csv", with_line("norms.csv", "5,acuut")) ==
              "norms.csv:3: has 2 fields where the header has 3");
    }
    SUBCASE("a missing required column") {
        CHECK(single_error("norms.csv", "segment,intensity\n4,acuut\n") ==
              "norms.csv:1: column max_duration_days: is missing from the header (a required column)");
    }
    SUBCASE("a missing required file") {
        auto files = valid_delivery();
        files.erase("institutions.csv");
        const auto errors = errors_of(rejection(files));
        REQUIRE(!errors.empty());
        CHECK(errors[0].find("institutions.csv: is missing") == 0);
    }
    SUBCASE("an empty file") {
        CHECK(single_error("norms.csv", "") == "norms.csv:1: is empty (a header row is required)");
    }
    SUBCASE("broken quoting") {
        CHECK(single_error("norms.csv", "segment,intensity,max_duration_days\n4,\"acuut,10\n") ==
              "norms.csv:2: a quoted field is never closed (a \" is missing)");
    }
    SUBCASE("youths outnumbering inhabitants") {
        CHECK(single_error("population.csv", with_line("population.csv", "GM0796,2025,100,200")) ==
              "population.csv:4: column youths_0_17: '200' is more than inhabitants 100");
    }
}

TEST_CASE("import: every error is reported, not only the first") {
    auto files = valid_delivery();
    files["measures.csv"] = with_line("measures.csv", "M8,K8,GM0505,GI-W,,ots,other,2025-02-30,,") +
                            "M9,K9,GM0505,GI-W,,xyz,other,2025-01-01,,\n";
    files["norms.csv"] = with_line("norms.csv", "9,acuut,10");
    const auto errors = errors_of(rejection(files));
    CHECK(errors.size() == 3);
    CHECK(std::any_of(errors.begin(), errors.end(), [](auto& e) { return e.find("measures.csv:5") == 0; }));
    CHECK(std::any_of(errors.begin(), errors.end(), [](auto& e) { return e.find("measures.csv:6") == 0; }));
    CHECK(std::any_of(errors.begin(), errors.end(), [](auto& e) { return e.find("norms.csv:3") == 0; }));
}

TEST_CASE("import: an unknown column or file is a warning and the import succeeds") {
    TempDir dir;
    auto files = valid_delivery();
    files["norms.csv"] = "segment,intensity,max_duration_days,remark\n4,perspectief,270,check\n";
    files["readme.csv"] = "x\n1\n";
    auto db = open_db(dir);
    const ImportResult result = import_files(dir, *db, "in", files);
    REQUIRE(result.warnings.size() == 2);
    CHECK(result.warnings[0].to_string() == "norms.csv:1: warning: column remark: is not a column of norms.csv; it is ignored");
    CHECK(result.warnings[1].to_string() == "readme.csv: warning: is not a file of the import format; it is ignored");
    CHECK(query_int(*db, "SELECT max_duration_days FROM norms") == 270);
}

TEST_CASE("import: a bad row in the last file leaves the database byte-for-byte unchanged") {
    TempDir dir;
    write_delivery(dir / "first", valid_delivery());
    const auto db_path = (dir / "m.db").string();
    {
        auto db = open_database(db_path, OpenMode::create_or_update);
        import_folder(*db, dir / "first", options());
    }
    const std::string before = file_fingerprint(db_path);

    auto files = valid_delivery();
    // Changes in early files that would load fine on their own...
    files["regions.csv"] += "JZ99,Nieuwe regio\n";
    files["measures.csv"] = with_line("measures.csv", "M7,K7,GM0505,GI-W,,ots,other,2025-01-01,,");
    // ...and one bad value in the file loaded last.
    files["recipients.csv"] = with_line("recipients.csv", "GM0505,X,not-an-address,policy,council");
    write_delivery(dir / "second", files);
    {
        auto db = open_database(db_path, OpenMode::create_or_update);
        CHECK_THROWS_AS(import_folder(*db, dir / "second", options()), DeliveryRejected);
    }
    CHECK(file_fingerprint(db_path) == before);
    CHECK_FALSE(std::filesystem::exists(db_path + "-journal"));
}

TEST_CASE("import: a re-import of the same delivery changes nothing") {
    TempDir dir;
    write_delivery(dir / "in", valid_delivery());
    const auto db_path = (dir / "m.db").string();
    {
        auto db = open_database(db_path, OpenMode::create_or_update);
        import_folder(*db, dir / "in", options());
    }
    const std::string before = file_fingerprint(db_path);
    auto db = open_database(db_path, OpenMode::create_or_update);
    const ImportResult again = import_folder(*db, dir / "in", options());
    CHECK(again.plan.added() == 0);
    CHECK(again.plan.changed() == 0);
    CHECK(again.plan.find("measures")->unchanged == 3);
    CHECK(query_int(*db, "SELECT count(*) FROM deliveries") == 1);
    db.reset();
    CHECK(file_fingerprint(db_path) == before);
}

TEST_CASE("import: a record whose key is known is replaced; records absent from a delivery stay") {
    TempDir dir;
    auto db = open_db(dir);
    import_files(dir, *db, "first", valid_delivery());

    // The next delivery: M1 has ended; M2 and M3 are not in it; M4 is new. Its references to
    // GM0505, GI-W and CW1 resolve to what the database already holds.
    std::map<std::string, std::string> update = {
        {"regions.csv", "region_code,name\n"},
        {"municipalities.csv", "municipality_code,name,region_code\n"},
        {"institutions.csv", "institution_id,name,kind\n"},
        {"measures.csv", "measure_id,child_id,municipality_code,institution_id,case_worker_id,kind,"
                         "reason,start_date,end_date,end_reason\n"
                         "M1,K1,GM0505,GI-W,CW1,ots,parenting_skills,2024-03-01,2025-12-31,goal_reached\n"
                         "M4,K5,GM0505,GI-W,CW1,vots,other,2025-11-01,,\n"}};
    const ImportResult result = import_files(dir, *db, "second", update);
    CHECK(result.plan.find("measures")->added == 1);
    CHECK(result.plan.find("measures")->changed == 1);
    CHECK(query_int(*db, "SELECT count(*) FROM measures") == 4);
    CHECK(query_text(*db, "SELECT end_date FROM measures WHERE measure_id = 'M1'") == "2025-12-31");
    CHECK(query_text(*db, "SELECT kind FROM measures WHERE measure_id = 'M3'") == "jr");
    CHECK(query_int(*db, "SELECT count(*) FROM deliveries") == 2);
}

TEST_CASE("import: a delivery may refer to ids loaded by an earlier delivery only") {
    TempDir dir;
    auto db = open_db(dir);
    import_files(dir, *db, "first", valid_delivery());
    write_delivery(dir / "second", {{"regions.csv", "region_code,name\n"},
                                    {"municipalities.csv", "municipality_code,name,region_code\n"},
                                    {"institutions.csv", "institution_id,name,kind\n"},
                                    {"outcomes.csv", "trajectory_id,moment\nT2,start\nT3,start\n"}});
    try {
        import_folder(*db, dir / "second", options());
        FAIL("expected a rejection");
    } catch (const DeliveryRejected& e) {
        const auto errors = errors_of(e.issues());
        // The absent optional outcome columns are warnings; T3 is the one error.
        REQUIRE(errors.size() == 1);
        CHECK(errors[0] == "outcomes.csv:3: column trajectory_id: 'T3' is not in trajectories.csv nor in the database");
    }
}

TEST_CASE("import: a bad field is reported once, without follow-on errors in rows that refer to it") {
    auto files = valid_delivery();
    // T1 has a bad start date; its costs and outcomes still refer to it.
    files["trajectories.csv"] = "trajectory_id,child_id,municipality_code,provider_id,segment,profile,"
                                "intensity,referrer,start_date,end_date,end_reason\n"
                                "T1,K3,GM0505,P-1,4,2,perspectief,gp,2025-02-30,2025-05-31,planned\n"
                                "T2,K4,GM0642,LT-0505,7,,intensief,local_team,2025-04-01,,\n";
    const auto errors = errors_of(rejection(files));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "trajectories.csv:2: column start_date: '2025-02-30' is not a date (YYYY-MM-DD)");

    SUBCASE("also when the id itself is bad") {
        files["costs.csv"] = with_line("costs.csv", ",T1,2025-Q1,1,1") + ",T1,2025-Q2,1,1\n";
        CHECK(errors_of(rejection(files)).size() == 3);
    }
}

TEST_CASE("import: an error only the checks beside the load find undoes the load, and the copy made for it") {
    // A repeated key loads without complaint (the second row replaces the first), so only the
    // uniqueness check, running beside the load, can refuse it: the load must not be committed.
    TempDir dir;
    const auto db_path = (dir / "m.db").string();
    ImportOptions o = options();
    o.backup_folder = backup_folder(db_path);
    write_delivery(dir / "first", valid_delivery());
    {
        auto db = open_database(db_path, OpenMode::create_or_update);
        import_folder(*db, dir / "first", o);
    }
    const std::string before = file_fingerprint(db_path);
    auto copies = [&] {
        return std::distance(std::filesystem::directory_iterator(o.backup_folder), std::filesystem::directory_iterator());
    };
    REQUIRE(copies() == 1);

    auto files = valid_delivery();
    files["measures.csv"] = with_line("measures.csv", "M7,K7,GM0505,GI-W,,ots,other,2025-01-01,,") +
                            "M7,K8,GM0642,GI-W,,ots,other,2025-02-01,,\n";
    write_delivery(dir / "second", files);
    {
        auto db = open_database(db_path, OpenMode::create_or_update);
        try {
            import_folder(*db, dir / "second", o);
            FAIL("expected a rejection");
        } catch (const DeliveryRejected& e) {
            const auto errors = errors_of(e.issues());
            REQUIRE(errors.size() == 1);
            CHECK(errors[0] == "measures.csv:6: repeats the key (measure_id=M7) of line 5");
        }
        CHECK(query_int(*db, "SELECT count(*) FROM measures WHERE measure_id = 'M7'") == 0);
        CHECK(query_int(*db, "SELECT count(*) FROM deliveries") == 1);
    }
    CHECK(file_fingerprint(db_path) == before);
    CHECK(copies() == 1); // the copy made before the load went with it
}

TEST_CASE("import: a reference the load refuses is told as the checks tell it") {
    // The measure names a municipality nobody delivered: the database's foreign key stops the
    // load (unless the checks beside it were quicker), and either way the user reads the check's
    // line, not SQLite's "FOREIGN KEY constraint failed".
    const std::string error =
        single_error("measures.csv", with_line("measures.csv", "M7,K7,GM9999,GI-W,,ots,other,2025-01-01,,"));
    CHECK(error == "measures.csv:5: column municipality_code: 'GM9999' is not in municipalities.csv nor in the database");
}
