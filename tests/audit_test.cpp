// `samen-sturen audit`: nothing to report on a demo quarter; every planted leak found, one test per
// rule; the open data it reads round-trips and names the line of a damaged file.
#include <doctest/doctest.h>

#include <filesystem>

#include "audit/public_audit.hpp"
#include "core/errors.hpp"
#include "report/open_data.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

const std::map<std::string, KpiKind> kinds{{"JB02", KpiKind::count}, {"UI02", KpiKind::share},
                                           {"JH01", KpiKind::rate_per_1000}, {"TR02", KpiKind::share}};

std::string no_pdf(const fs::path&) { return ""; }

const char* header = "quarter,scope_type,scope_code,kpi_id,breakdown,value,numerator,denominator,shown,provisional\n";

/// A public folder with one clean page and the given open data of one municipality.
struct Site {
    TempDir dir;
    fs::path root() const { return dir / "public"; }
    explicit Site(const std::string& cells) {
        fs::create_directories(root() / "GM0001-aadorp");
        write_file(root() / "index.html", "<a href=\"GM0001-aadorp/index.html\">Aadorp</a>");
        write_file(root() / "GM0001-aadorp" / "index.html", "<a href=\"../index.html\">terug</a> <a href=\"cijfers.csv\">cijfers</a>");
        write_file(root() / "GM0001-aadorp" / "cijfers.csv", std::string(header) + cells);
    }
    AuditReport audit(const std::set<std::string>& ids = {}) const { return audit_public_folder(root(), kinds, ids, no_pdf); }
};

bool finds(const AuditReport& r, const std::string& text) {
    for (const auto& f : r.findings)
        if ((f.file + ": " + f.what).find(text) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("audit: a demo quarter's public folder has nothing to report, ids included") {
    const auto& run = small_demo_run();
    const auto r = run_cli("audit --out " + run.quarter_folder.parent_path().string() + " --quarter 2025-Q3 --db " + run.db.string());
    CHECK_MESSAGE(r.exit_code == 0, r.out);
    CHECK(r.out.find("; ids checked; 0 findings\n") != std::string::npos);
    CHECK(r.out.find(" published cells (") != std::string::npos);
}

TEST_CASE("audit: a clean fixture passes") {
    Site site("2025-Q3,municipality,GM0001,JB02,,20,20,,,\n"
              "2025-Q3,municipality,GM0001,JB02,kind=ots,,,,*,\n"
              "2025-Q3,municipality,GM0001,JB02,kind=jr,,,,<5,\n");
    const auto r = site.audit();
    CHECK(r.findings.empty());
    CHECK(r.cells == 3);
    CHECK(r.shown_small == 1);
    CHECK(r.shown_suppressed == 1);
}

TEST_CASE("audit finds: a link that leaves the public folder, goes elsewhere or to nothing") {
    Site site("");
    write_file(site.root() / "GM0001-aadorp" / "index.html",
               "<a href=\"../../internal/GM0001-aadorp/kpis.csv\">x</a> <a href=\"https://example.org/\">y</a> "
               "<img src=\"grafiek.png\" alt=\"\"> <a href=\"#boven\">z</a>");
    const auto r = site.audit();
    CHECK(finds(r, "links outside the public folder: ../../internal/GM0001-aadorp/kpis.csv"));
    CHECK(finds(r, "links outside the site: https://example.org/"));
    CHECK(finds(r, "links to a file that is not there: grafiek.png"));
    CHECK(r.findings.size() == 3);
}

TEST_CASE("audit finds: an internal file in the public folder") {
    Site site("");
    write_file(site.root() / "GM0001-aadorp" / "samen-sturen-2025-Q3-GM0001.xlsx", "PK");
    write_file(site.root() / "GM0001-aadorp" / "kpis.csv", "quarter\n");
    const auto r = site.audit();
    CHECK(finds(r, "samen-sturen-2025-Q3-GM0001.xlsx: an internal file"));
    CHECK(finds(r, "GM0001-aadorp/kpis.csv: an internal file"));
}

TEST_CASE("audit finds: a measure or child id in a public file") {
    Site site("");
    write_file(site.root() / "GM0001-aadorp" / "index.html", "<p>Maatregel MKWZ81ECB15RQ stagneert</p>");
    const auto r = site.audit({"MKWZ81ECB15RQ", "C123456789"});
    CHECK(r.ids_checked);
    CHECK(finds(r, "index.html: names the id MKWZ81ECB15RQ"));
    CHECK(r.findings.size() == 1);
}

TEST_CASE("audit finds rule 1: a count from 1 to 4 shown") {
    const auto r = Site("2025-Q3,municipality,GM0001,JB02,,3,3,,,\n").audit();
    CHECK(finds(r, "2025-Q3 GM0001 JB02: shows a count from 1 to 4 (rule 1)"));
}

TEST_CASE("audit finds rule 2: a share over fewer than ten, or with a part of 1 to 4") {
    const auto r = Site("2025-Q3,municipality,GM0001,UI02,,7.1,1,14,,\n"
                        "2025-Q4,municipality,GM0001,UI02,,50,4,8,,\n"
                        "2025-Q2,municipality,GM0001,UI02,,50,10,20,,\n")
                       .audit();
    CHECK(finds(r, "2025-Q3 GM0001 UI02: shows a figure over too few (rule 2)"));
    CHECK(finds(r, "2025-Q4 GM0001 UI02: shows a figure over too few (rule 2)"));
    CHECK(r.findings.size() == 2);
}

TEST_CASE("audit finds: a cell marked suppressed that still gives its counts") {
    const auto r = Site("2025-Q3,municipality,GM0001,JB02,,,3,,<5,\n").audit();
    CHECK(finds(r, "is marked suppressed but still gives its value or counts"));
}

TEST_CASE("audit finds rule 3: one suppressed part of a shown total") {
    const auto r = Site("2025-Q3,municipality,GM0001,JB02,,20,20,,,\n"
                        "2025-Q3,municipality,GM0001,JB02,kind=ots,16,16,,,\n"
                        "2025-Q3,municipality,GM0001,JB02,kind=jr,,,,<5,\n")
                       .audit();
    CHECK(finds(r, "its total minus the shown cells (rule 3)"));
}

TEST_CASE("audit finds rule 3: one suppressed municipality beside its region and the others") {
    Site site("");
    fs::create_directories(site.root() / "regio-R-regio");
    write_file(site.root() / "regio-R-regio" / "cijfers.csv",
               std::string(header) + "2025-Q3,region,R,JB02,,100,100,,,\n"
                                     "2025-Q3,municipality,GM0001,JB02,,60,60,,,\n"
                                     "2025-Q3,municipality,GM0002,JB02,,37,37,,,\n"
                                     "2025-Q3,municipality,GM0003,JB02,,,,,<5,\n");
    CHECK(finds(site.audit(), "a suppressed municipality is the region minus the others shown (rule 3)"));
}

TEST_CASE("audit finds rule 3: one suppressed row of a provider in the transparency table") {
    Site site("");
    fs::create_directories(site.root() / "regio-R-regio");
    write_file(site.root() / "regio-R-regio" / "cijfers.csv",
               std::string(header) + "2025-Q3,region,R,TR02,provider=P1,25,10,40,,\n"
                                     "2025-Q3,region,R,TR02,\"provider=P1,intensity=licht\",24.3,9,37,,\n"
                                     "2025-Q3,region,R,TR02,\"provider=P1,intensity=zwaar\",,,,*,\n");
    CHECK(finds(site.audit(), "the transparency table is its row's total minus the others (rule 3)"));
}

TEST_CASE("open data: cells round-trip through JSON; a damaged file names its cell") {
    PublicCell a{"2025-Q3", "municipality", "GM0001", "JB02", "kind=ots", {16.5, 16.0, std::nullopt, true}};
    PublicCell b{"2025-Q3", "municipality", "GM0001", "JB02", "kind=jr", {}};
    b.figure.suppression = Suppression::small_count;
    const std::string json = public_cells_json({a, b});
    // The numbers as cijfers.csv writes them (16, not 16.0).
    CHECK(json.find(R"("value":16.5,"numerator":16,"denominator":null,"shown":"","provisional":"ja")") != std::string::npos);
    const auto back = parse_public_cells_json(json, "cijfers.json");
    REQUIRE(back.size() == 2);
    CHECK(back[0].breakdown == "kind=ots");
    CHECK(back[0].figure.value == 16.5);
    CHECK_FALSE(back[0].figure.denominator.has_value());
    CHECK(back[0].figure.provisional);
    CHECK(back[1].figure.suppression == Suppression::small_count);
    CHECK_FALSE(back[1].figure.value.has_value());
    CHECK_THROWS_WITH_AS(parse_public_cells_json(R"([{"quarter": "2025-Q3"}])", "cijfers.json"),
                         "cijfers.json: cell 1: 'scope_type' must be a text", InputError);
    CHECK_THROWS_WITH_AS(parse_public_cells_json(json.substr(0, json.find("16.5")) + "\"veel\"" + json.substr(json.find("16.5") + 4),
                                                 "cijfers.json"),
                         "cijfers.json: cell 1: 'value' must be a number or null", InputError);
    CHECK_THROWS_WITH_AS(parse_public_cells_json("{}", "cijfers.json"), "cijfers.json: must be an array of cells", InputError);
    CHECK_THROWS_AS(parse_public_cells_json("[", "cijfers.json"), InputError);
}

TEST_CASE("open data: a breakdown with quotes, a backslash or a control character is valid JSON and reads back the same") {
    const std::string odd = "provider=De \"Wilg\" \\ Noord\t\x01, één";
    PublicCell a{"2025-Q3", "region", "JZ31", "TR02", odd, {25.0, 10.0, 40.0, false}};
    const std::string json = public_cells_json({a});
    CHECK(json.find(R"("breakdown":"provider=De \"Wilg\" \\ Noord\u0009\u0001, één")") != std::string::npos);
    const auto back = parse_public_cells_json(json, "cijfers.json");
    REQUIRE(back.size() == 1);
    CHECK(back[0].breakdown == odd);
    CHECK(public_cells_json({}) == "[\n]\n");
}

TEST_CASE("open data: cells round-trip through CSV; a damaged file names its line and column") {
    PublicCell a{"2025-Q3", "municipality", "GM0001", "JB02", "kind=ots", {16.0, 16.0, std::nullopt, true}};
    PublicCell b{"2025-Q3", "municipality", "GM0001", "JB02", "kind=jr", {}};
    b.figure.suppression = Suppression::small_count;
    const auto back = parse_public_cells_csv(public_cells_csv({a, b}), "cijfers.csv");
    REQUIRE(back.size() == 2);
    CHECK(back[0].figure.value == 16.0);
    CHECK(back[0].figure.provisional);
    CHECK(back[1].figure.suppression == Suppression::small_count);
    CHECK_FALSE(back[1].figure.value.has_value());
    try {
        parse_public_cells_csv(std::string(header) + "2025-Q3,municipality,GM0001,JB02,,veel,,,,\n", "cijfers.csv");
        FAIL("accepted");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "cijfers.csv:2: column value: 'veel' is not a number");
    }
    CHECK_THROWS_AS(parse_public_cells_csv("a,b\n", "x.csv"), InputError);
    ReportModel raw;
    CHECK_THROWS_AS(public_cells(raw), std::logic_error);
}
