// "Adding a KPI is one query file and one template entry", proven: a new KPI added that way to
// temporary copies of queries/ and templates/ reaches the PDF, the pages, the workbook and
// kpis.csv, with the number counted by hand from the database.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <nlohmann/json.hpp>

#include "format/dutch.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

TEST_CASE("add a KPI: one .sql file and one template entry, and every output shows it") {
    const auto& run = small_demo_run();
    TempDir dir;
    const std::string source = SAMEN_STUREN_SOURCE_DIR;
    fs::copy(source + "/queries", dir / "queries", fs::copy_options::recursive);
    fs::copy(source + "/templates", dir / "templates", fs::copy_options::recursive);

    // The query file: measures active at the end of the quarter, per scope.
    write_file(dir / "queries" / "ZZ01.sql",
               "-- kpi: ZZ01\n"
               "-- name: lopende maatregelen\n"
               "-- kind: count\n"
               "SELECT sm.scope_type, sm.scope_code, '' AS breakdown, count(*) AS numerator, NULL AS denominator\n"
               "FROM measures m JOIN measure_scope_members sm ON sm.municipality_code = m.municipality_code\n"
               "  AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)\n"
               "WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)\n"
               "GROUP BY sm.scope_type, sm.scope_code\n");
    // The template entry: first item of the first section.
    auto definition = nlohmann::ordered_json::parse(read_file(dir / "templates" / "samen-sturen.json"));
    definition["sections"][0]["items"].insert(definition["sections"][0]["items"].begin(),
                                              nlohmann::ordered_json{{"kpi", "ZZ01"},
                                                                     {"title", "Lopende maatregelen (proef)"},
                                                                     {"chart", "trend"},
                                                                     {"decimals", 0}});
    write_file(dir / "templates" / "samen-sturen.json", definition.dump(2));

    const auto r = run_cli("run --db " + run.db.string() + " --quarter 2025-Q3 --only GM0505 --kinds samen-sturen --queries " +
                           (dir / "queries").string() + " --templates " + (dir / "templates").string() + " --out " +
                           (dir / "out").string());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);

    // Counted by hand: Dordrecht's measures running on 30 September 2025.
    SQLite::Database db(run.db.string());
    const long long expected = query_int(db, "SELECT count(*) FROM measures WHERE municipality_code = 'GM0505' AND "
                                             "start_date <= '2025-09-30' AND (end_date IS NULL OR end_date > '2025-09-30')");
    REQUIRE(expected > 0);
    const fs::path folder = dir / "out" / "2025-Q3" / "internal" / "GM0505-dordrecht";
    CHECK(kpis_csv_value(folder / "kpis.csv", "GM0505", "ZZ01") == std::to_string(expected));
    const std::string shown = format_number(static_cast<double>(expected), 0);
    const std::string pdf = pdf_text(folder / "samen-sturen-2025-Q3-GM0505.pdf");
    CHECK(pdf.find("Lopende maatregelen (proef)") != std::string::npos);
    CHECK(pdf.find("Dit kwartaal: " + shown) != std::string::npos);
    const std::string page = read_file(folder / "samen-sturen-2025-Q3-GM0505.html");
    CHECK(page.find("Lopende maatregelen (proef)") != std::string::npos);
    const std::string public_page = read_file(dir / "out" / "2025-Q3" / "public" / "GM0505-dordrecht" / "index.html");
    CHECK(public_page.find("Lopende maatregelen (proef)") != std::string::npos);
    const std::string sheet_strings =
        run_cli_text("unzip -p '" + (folder / "samen-sturen-2025-Q3-GM0505.xlsx").string() + "' xl/sharedStrings.xml");
    CHECK(sheet_strings.find("Lopende maatregelen (proef)") != std::string::npos);
    CHECK(sheet_strings.find("ZZ01") != std::string::npos);
}
