// The HTML pages pass the Nu Html Checker and axe-core (WCAG 2.1 AA) in Chromium, make no
// external requests, escape what they are given, and publish no small numbers.
#include <doctest/doctest.h>

#include <regex>

#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {
const std::string checks = std::string(SAMEN_STUREN_SOURCE_DIR) + "/tests/html-checks";

/// Every page of the quarter's site: the index, each scope's page, council letters, transparency
/// tables and GI benchmarks.
std::string pages_of(const fs::path& quarter) {
    std::string pages;
    for (const auto& entry : fs::recursive_directory_iterator(quarter))
        if (entry.path().extension() == ".html") pages += " '" + entry.path().string() + "'";
    return pages;
}
} // namespace

TEST_CASE("html: every page passes the Nu Html Checker without errors") {
    const auto& run = small_demo_run();
    TempDir dir;
    const int status = std::system(("java -jar " + checks + "/node_modules/vnu-jar/build/dist/vnu.jar --errors-only " +
                                    pages_of(run.quarter_folder) + " >" + (dir / "vnu.log").string() + " 2>&1").c_str());
    CHECK_MESSAGE(status == 0, read_file(dir / "vnu.log"));
}

TEST_CASE("html: every page passes axe-core's WCAG 2.1 AA rules and makes no external request") {
    const auto& run = small_demo_run();
    TempDir dir;
    const int status = std::system(("node " + checks + "/axe-check.js " + pages_of(run.quarter_folder) + " >" +
                                    (dir / "axe.log").string() + " 2>&1").c_str());
    const std::string log = read_file(dir / "axe.log");
    CHECK_MESSAGE(status == 0, log);
    CHECK(log.find("0 violations, 0 external requests") != std::string::npos);
}

TEST_CASE("html: no count from 1 to 4 and no share over fewer than ten is published") {
    const auto& run = small_demo_run();
    // the smallest town of the demo
    const std::string html = read_file(run.public_folder() / "GM0610-sliedrecht" / "index.html");
    const std::string csv = read_file(run.internal_folder() / "GM0610-sliedrecht" / "kpis.csv");
    std::istringstream lines(csv);
    std::getline(lines, *std::make_unique<std::string>());
    int small_counts = 0;
    for (std::string line; std::getline(lines, line);) {
        // count KPIs of the report with a value of 1-4: JB02/JB03 by kind, JB07, JB08, WL01
        static const std::regex count_row(R"(^2025-Q3,municipality,GM0610,(JB02|JB03|JB07|JB08),([^,]*),([1-4]),,([1-4])$)");
        std::smatch m;
        if (std::regex_match(line, m, count_row)) ++small_counts;
    }
    CHECK(html.find(">&lt;5<") != std::string::npos); // tables say <5 where the count is small
    CHECK(small_counts > 0);
    // Every data cell of the page's tables is "<5", "*", "–" or a figure that is not a small count.
    static const std::regex cell(R"(<td>([^<]*)</td>)");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), cell); it != std::sregex_iterator(); ++it) {
        const std::string text = (*it)[1];
        CHECK_MESSAGE(text != "1", text);
        CHECK_MESSAGE(text != "2", text);
        CHECK_MESSAGE(text != "3", text);
        CHECK_MESSAGE(text != "4", text);
    }
    // Case-level signals are internal: the public page lists no measure.
    CHECK(html.find("Maatregelen met een signaal") == std::string::npos);
}

TEST_CASE("html: no public page or council letter shows a count from 1 to 4 in a table") {
    const auto& run = small_demo_run();
    static const std::regex cell(R"(<td>([1-4])</td>)");
    int pages = 0;
    for (const auto& entry : fs::recursive_directory_iterator(run.public_folder())) {
        if (entry.path().extension() != ".html") continue;
        ++pages;
        const std::string html = read_file(entry.path());
        std::smatch m;
        CHECK_MESSAGE(!std::regex_search(html, m, cell), entry.path() << ": " << m.str());
    }
    CHECK(pages >= 9); // index, 3 scope pages, 3 letters, the region's page, transparency
    for (const char* town : {"GM0505-dordrecht", "GM0590-papendrecht", "GM0610-sliedrecht"}) {
        const std::string code = std::string(town).substr(0, 6);
        const std::string text = pdf_text(run.public_folder() / town / ("raadsinformatiebrief-2025-Q3-" + code + ".pdf"));
        // A table cell of pdftotext -layout: a lone 1-4 between runs of spaces (not "Pagina 1 van 1").
        static const std::regex small_cell(R"( {2}[1-4]( {2}|\n))");
        CHECK_MESSAGE(!std::regex_search(text, small_cell), town);
    }
}

TEST_CASE("html: names are escaped, never markup") {
    const auto& run = small_demo_run();
    TempDir dir;
    fs::copy_file(run.db, dir / "hostile.db");
    const std::string sql = "UPDATE municipalities SET name = '<script>alert(1)</script> & \"Zoë\"' WHERE municipality_code = 'GM0610'";
    REQUIRE(std::system(("sqlite3 '" + (dir / "hostile.db").string() + "' \"" + std::regex_replace(sql, std::regex("\""), "\\\"") + "\"").c_str()) == 0);
    const auto r = run_cli("run --db " + (dir / "hostile.db").string() + " --quarter 2025-Q3 --only GM0610,JZ31 --out " + (dir / "out").string());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    fs::path folder;
    for (const auto& entry : fs::directory_iterator(dir / "out" / "2025-Q3" / "public"))
        if (entry.path().filename().string().rfind("GM0610-", 0) == 0) folder = entry.path();
    REQUIRE_FALSE(folder.empty());
    CHECK(folder.filename() == "GM0610-script-alert-1-script-zoe"); // the slug, never the raw name
    const std::string html = read_file(folder / "index.html");
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Zoë&quot;") != std::string::npos);
    const std::string index = read_file(dir / "out" / "2025-Q3" / "public" / "index.html");
    CHECK(index.find("<script>alert") == std::string::npos);
    const fs::path internal = dir / "out" / "2025-Q3" / "internal" / folder.filename();
    CHECK(pdf_text(internal / "samen-sturen-2025-Q3-GM0610.pdf").find("<script>alert(1)</script> & \"Zoë\"") != std::string::npos);
    CHECK(read_file(internal / "samen-sturen-2025-Q3-GM0610.html").find("<script>alert") == std::string::npos);
}

TEST_CASE("html: the transparency page folds, sorts and filters with its script, and reads in full without") {
    const auto& run = small_demo_run();
    TempDir dir;
    const fs::path page = run.public_folder() / "regio-JZ31-zuid-holland-zuid" / "transparantie.html";
    const int status = std::system(("node " + checks + "/transparency-check.js '" + page.string() + "' >" +
                                    (dir / "check.log").string() + " 2>&1").c_str());
    const std::string log = read_file(dir / "check.log");
    CHECK_MESSAGE(status == 0, log);
    CHECK(log.find("transparency: ok") != std::string::npos);
}
