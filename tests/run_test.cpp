// `samen-sturen run`: every municipality's and region's folder in the layout of reports.md, the
// same figure in PDF, HTML and kpis.csv, case-level signals only in the municipality's own
// internal outputs, and clear errors for bad options and broken templates.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <regex>
#include <sstream>
#include <vector>

#include "format/dutch.hpp"
#include "report/report_text.hpp"
#include "report/open_data.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

const char* towns[] = {"GM0505-dordrecht", "GM0590-papendrecht", "GM0610-sliedrecht"};

/// The measure ids of a municipality, straight from the database.
std::vector<std::string> measure_ids(const fs::path& db, const std::string& municipality) {
    const std::string ids = run_cli_text("sqlite3 '" + db.string() + "' \"SELECT measure_id FROM measures WHERE municipality_code = '" +
                                         municipality + "'\"");
    std::vector<std::string> out;
    std::istringstream lines(ids);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("run: each scope's internal folder holds its PDF, Excel, HTML and kpis.csv; the public one its page") {
    const auto& run = small_demo_run();
    for (const char* town : towns) {
        const fs::path folder = run.internal_folder() / town;
        const std::string code = std::string(town).substr(0, 6);
        CAPTURE(town);
        CHECK(fs::file_size(folder / ("samen-sturen-2025-Q3-" + code + ".pdf")) > 10000);
        CHECK(fs::file_size(folder / ("samen-sturen-2025-Q3-" + code + ".xlsx")) > 10000);
        CHECK(fs::file_size(folder / ("samen-sturen-2025-Q3-" + code + ".html")) > 10000);
        CHECK(fs::file_size(folder / "kpis.csv") > 1000);
        CHECK(fs::file_size(run.public_folder() / town / "index.html") > 10000);
    }
    const fs::path region = run.internal_folder() / "regio-JZ31-zuid-holland-zuid";
    CHECK(fs::exists(region / "samen-sturen-regio-2025-Q3-JZ31.pdf"));
    CHECK(fs::exists(region / "samen-sturen-regio-2025-Q3-JZ31.xlsx"));
    CHECK(fs::exists(region / "samen-sturen-regio-2025-Q3-JZ31.html"));
    CHECK(fs::exists(region / "kpis.csv"));
    CHECK(fs::exists(region / "gi-benchmark-2025-Q3-JZ31.pdf"));
    CHECK(fs::exists(run.public_folder() / "regio-JZ31-zuid-holland-zuid" / "index.html"));
    CHECK(fs::exists(run.public_folder() / "regio-JZ31-zuid-holland-zuid" / "transparantie.html"));
    // The national overview, linked from the index, links each region's page.
    CHECK(read_file(run.public_folder() / "index.html").find("<a href=\"overzicht.html\">") != std::string::npos);
    CHECK(read_file(run.public_folder() / "overzicht.html").find("<a href=\"regio-JZ31-zuid-holland-zuid/index.html\">") !=
          std::string::npos);
    // Nothing of the old layout beside public/ and internal/.
    for (const auto& entry : fs::directory_iterator(run.quarter_folder))
        CHECK_MESSAGE((entry.path().filename() == "public" || entry.path().filename() == "internal" ||
                       entry.path().filename() == "manifest.json" || entry.path().filename() == ".samen-sturen.lock"),
                      entry.path());
    const std::string index = read_file(run.public_folder() / "index.html");
    CHECK(index.find("href=\"GM0505-dordrecht/index.html\"") != std::string::npos);
    CHECK(index.find("href=\"regio-JZ31-zuid-holland-zuid/index.html\"") != std::string::npos);
    // No temporary file is left behind.
    for (const auto& entry : fs::recursive_directory_iterator(run.quarter_folder))
        CHECK_MESSAGE(entry.path().extension() != ".partial", entry.path());
}

TEST_CASE("run: a municipality's page, public or internal, is at most 150 KB; the pages of the quarter together stay small") {
    // Issue #14: the pages once carried their chart text as glyph outlines (1.27 MB a page).
    const auto& run = small_demo_run();
    constexpr std::uintmax_t most = 150'000;
    for (const char* town : towns) {
        const std::string code = std::string(town).substr(0, 6);
        for (const fs::path& page : {run.public_folder() / town / "index.html",
                                    run.internal_folder() / town / ("samen-sturen-2025-Q3-" + code + ".html")}) {
            CAPTURE(page);
            CHECK(fs::file_size(page) <= most);
            CHECK(fs::file_size(page) > 50'000); // the whole report, not an empty page
        }
    }
    // The region's report page has a chart more (its municipalities side by side).
    CHECK(fs::file_size(run.public_folder() / "regio-JZ31-zuid-holland-zuid" / "index.html") <= most);
    std::uintmax_t html = 0;
    for (const auto& entry : fs::recursive_directory_iterator(run.quarter_folder))
        if (entry.path().extension() == ".html") html += entry.file_size();
    CHECK(html <= 1'600'000); // 15 pages: 7 reports of about 145 KB, a transparency table of 225 KB, small ones
}

TEST_CASE("run: kpis.csv of a folder holds its own and its region's rows, the same numbers as `kpis`") {
    const auto& run = small_demo_run();
    TempDir dir;
    const auto all = run_cli("kpis --db " + run.db.string() + " --quarter 2025-Q3 --out " + (dir / "all.csv").string());
    REQUIRE(all.exit_code == 0);
    const fs::path town = run.internal_folder() / "GM0505-dordrecht" / "kpis.csv";
    const std::string csv = read_file(town);
    CHECK(csv.rfind("quarter,scope_type,scope_code,kpi_id,breakdown,numerator,denominator,value\n", 0) == 0);
    CHECK(csv.find(",GM0590,") == std::string::npos); // no other municipality
    CHECK(csv.find(",TR0") == std::string::npos); // the transparency rows are the region's
    for (const std::string kpi : {"JH01", "JB01", "JH06", "UI02"}) {
        CHECK(kpis_csv_value(town, "GM0505", kpi) == kpis_csv_value(dir / "all.csv", "GM0505", kpi));
        CHECK(kpis_csv_value(town, "JZ31", kpi) == kpis_csv_value(dir / "all.csv", "JZ31", kpi));
    }
    const std::string region = read_file(run.internal_folder() / "regio-JZ31-zuid-holland-zuid" / "kpis.csv");
    CHECK(region.find(",gi,JZ31/") != std::string::npos);
    CHECK(region.find("provider=") != std::string::npos);
    CHECK(region.find(",municipality,") == std::string::npos);
}

TEST_CASE("run: the PDF and the HTML page show the figures of kpis.csv") {
    const auto& run = small_demo_run();
    const fs::path folder = run.internal_folder() / "GM0505-dordrecht";
    // pdftotext reads the no-break space after the euro sign as a space.
    std::string pdf = pdf_text(folder / "samen-sturen-2025-Q3-GM0505.pdf");
    for (size_t at; (at = pdf.find("\u00A0")) != std::string::npos;) pdf.replace(at, 2, " ");
    const std::string html = read_file(run.public_folder() / "GM0505-dordrecht" / "index.html");
    const fs::path csv = folder / "kpis.csv";
    const double jh01 = std::stod(kpis_csv_value(csv, "GM0505", "JH01"));
    const double jh06 = std::stod(kpis_csv_value(csv, "GM0505", "JH06"));
    const double region_jb01 = std::stod(kpis_csv_value(csv, "JZ31", "JB01"));
    for (const std::string& text : {format_number(jh01, 1), format_euro(jh06, 0), format_number(region_jb01, 1)}) {
        std::string plain = text;
        for (size_t at; (at = plain.find("\u00A0")) != std::string::npos;) plain.replace(at, 2, " ");
        CHECK_MESSAGE(pdf.find(plain) != std::string::npos, text << " not in the PDF");
        CHECK_MESSAGE(html.find(text) != std::string::npos, text << " not in the HTML");
    }
    CHECK(pdf.find("3e kwartaal 2025") != std::string::npos);
    CHECK(pdf.find("1 juli 2025 t/m 30 september 2025") != std::string::npos);
    // The deliveries the figures rest on (the demo is one delivery), in the report and the manifest.
    CHECK(pdf.find("Gegevens aangeleverd op 20 januari 2026 (levering 1)") != std::string::npos);
    CHECK(html.find("Gegevens aangeleverd op 20 januari 2026 (levering 1)") != std::string::npos);
    CHECK(nlohmann::json::parse(read_file(run.quarter_folder / "manifest.json"))["deliveries"] == nlohmann::json::array({1}));
    CHECK(deliveries_text({1, 2, 3}) == "leveringen 1 tot en met 3");
    CHECK(deliveries_text({1, 2, 5}) == "leveringen 1, 2 en 5");
}

TEST_CASE("run: a block without a chart shows its table on the page, not an empty figure") {
    const auto& run = small_demo_run();
    for (const fs::path& page : {run.public_folder() / "GM0505-dordrecht" / "index.html",
                                 run.internal_folder() / "GM0505-dordrecht" / "samen-sturen-2025-Q3-GM0505.html"}) {
        const std::string html = read_file(page);
        CAPTURE(page);
        // Data completeness is a table (templates/samen-sturen.json: "chart": "none").
        const size_t title = html.find(">Kostenregels jeugdhulp met werkelijk bedrag</h3>");
        REQUIRE(title != std::string::npos);
        const std::string article = html.substr(title, html.find("</article>", title) - title);
        CHECK(article.find("<figure") == std::string::npos);
        CHECK(article.find("role=\"img\"") == std::string::npos);
        CHECK(article.find("Cijfers: Kostenregels jeugdhulp met werkelijk bedrag</caption>") != std::string::npos);
        CHECK(html.find("viewBox=\"0 0 240 0\"") == std::string::npos); // no chart of no height anywhere
        CHECK(html.find("Cijfers bij de grafiek: Nieuwe trajecten") != std::string::npos);
    }
}

TEST_CASE("run: PDFs are valid A4 with every font embedded") {
    const auto& run = small_demo_run();
    for (const fs::path& pdf : {run.internal_folder() / "GM0610-sliedrecht" / "samen-sturen-2025-Q3-GM0610.pdf",
                               run.internal_folder() / "regio-JZ31-zuid-holland-zuid" / "samen-sturen-regio-2025-Q3-JZ31.pdf"}) {
        CAPTURE(pdf);
        CHECK(std::system(("qpdf --check '" + pdf.string() + "' >/dev/null 2>&1").c_str()) == 0);
        const std::string fonts = run_cli_text("pdffonts '" + pdf.string() + "' | tail -n +3");
        std::istringstream lines(fonts);
        int count = 0;
        for (std::string line; std::getline(lines, line); ++count)
            CHECK_MESSAGE(line.find(" yes yes ") != std::string::npos, line);
        CHECK(count > 0);
        const std::string info = run_cli_text("pdfinfo '" + pdf.string() + "'");
        CHECK(info.find("Tagged:          yes") != std::string::npos);
        // reports.md: 8-16 pages. The report's own pages, as its footer counts them; the annex of
        // measures with a signal follows, numbered apart.
        const std::string second = pdf_text(pdf, 2);
        const size_t of = second.find("Pagina 2 van ");
        REQUIRE(of != std::string::npos);
        const int pages = std::stoi(second.substr(of + 13));
        CHECK(pages >= 8);
        CHECK(pages <= 16);
        const int all = std::stoi(info.substr(info.find("Pages:") + 6));
        if (all > pages) CHECK(pdf_text(pdf, pages + 1).find("Bijlage, pagina 1 van " + std::to_string(all - pages)) != std::string::npos);
    }
}

TEST_CASE("run: the PDF draws a long list of providers' waits to its fifteen longest, and says so") {
    const auto& run = small_demo_run();
    const fs::path folder = run.internal_folder() / "GM0505-dordrecht";
    const std::string text = pdf_text(folder / "samen-sturen-2025-Q3-GM0505.pdf");
    // The region's providers with a wait, as kpis.csv beside the PDF lists them (26 in the demo).
    const int providers = std::stoi(run_cli_text("grep -c ',WL02,provider=' '" + (folder / "kpis.csv").string() + "'"));
    REQUIRE(providers > 15);
    CHECK(text.find("Hier de 15 aanbieders met de langste wachttijd, van de " + std::to_string(providers) +
                    "; alle aanbieders staan in de werkmap") != std::string::npos);
}

TEST_CASE("run: the region PDF's provider table keeps every header word and number whole") {
    const auto& run = small_demo_run();
    const fs::path pdf = run.internal_folder() / "regio-JZ31-zuid-holland-zuid" / "samen-sturen-regio-2025-Q3-JZ31.pdf";
    // Without -layout, pdftotext gives the lines of a cell as lines: a word broken over two lines
    // ("Probleme" / "n", "3.54" / "4") is not found whole.
    const std::string text = run_cli_text("pdftotext '" + pdf.string() + "' -");
    const size_t table = text.find("\nAanbieder\n");
    REQUIRE(table != std::string::npos);
    for (const char* header : {"Uitval", "Jongere", "Ouder", "Onderwijs", "Gezin", "Problemen", "Meedoen", "Kosten per"})
        CHECK_MESSAGE(text.find(header, table) != std::string::npos, std::string(header));
    static const std::regex broken_number(R"re(\n[0-9]{1,3}\.[0-9]{0,2}\n[0-9])re");
    CHECK_FALSE(std::regex_search(text.substr(table), broken_number));
}

TEST_CASE("run: signals list the municipality's own measure ids, in internal outputs only") {
    const auto& run = small_demo_run();
    const std::string own = pdf_text(run.internal_folder() / "GM0505-dordrecht" / "samen-sturen-2025-Q3-GM0505.pdf");
    CHECK(own.find("Maatregelen met een signaal") != std::string::npos);
    const auto ids = measure_ids(run.db, "GM0505");
    REQUIRE_FALSE(ids.empty());
    int listed = 0;
    for (const auto& id : ids) listed += own.find("\n" + id + " ") != std::string::npos;
    CHECK(listed > 0);
    // No measure id of another municipality in any file of Dordrecht's folder, and none in the HTML.
    const auto others = measure_ids(run.db, "GM0590");
    for (const auto& entry : fs::recursive_directory_iterator(run.quarter_folder)) {
        if (!entry.is_regular_file() || entry.path().parent_path().filename() != "GM0505-dordrecht") continue;
        if (entry.path().extension() == ".xlsx") continue; // zipped: checked through LibreOffice in xlsx_check_test
        const std::string text = entry.path().extension() == ".pdf" ? pdf_text(entry.path()) : read_file(entry.path());
        for (const auto& id : others) CHECK_MESSAGE(text.find(id) == std::string::npos, id << " in " << entry.path());
    }
    const std::string html = read_file(run.public_folder() / "GM0505-dordrecht" / "index.html");
    for (const auto& id : ids) CHECK_MESSAGE(html.find(">" + id + "<") == std::string::npos, id << " in the public HTML");
}

TEST_CASE("run: bad options and broken templates give a clear error and a documented exit code") {
    const auto& run = small_demo_run();
    TempDir dir;
    const std::string db = run.db.string(), out = (dir / "out").string();
    auto r = run_cli("run --db " + db + " --quarter 2025-Q5 --out " + out);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "samen-sturen: --quarter: '2025-Q5' is not a quarter (YYYY-Qn, e.g. 2025-Q3)\n");
    r = run_cli("run --db " + db + " --quarter 2025-Q3 --only GM9999 --out " + (dir / "only").string());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--only: GM9999 is not a municipality or region in") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "only" / "2025-Q3"));
    r = run_cli("run --db " + (dir / "missing.db").string() + " --quarter 2025-Q3 --out " + out);
    CHECK(r.exit_code == 4);
    // A template folder whose report definition is broken: refused before any output is written.
    fs::copy(std::string(SAMEN_STUREN_SOURCE_DIR) + "/templates", dir / "templates", fs::copy_options::recursive);
    write_file(dir / "templates" / "samen-sturen.json", "{\"kind\": \"samen-sturen\", \"title\": \"X\", \"sections\": [{\"id\": \"a\"}]}");
    r = run_cli("run --db " + db + " --quarter 2025-Q3 --templates " + (dir / "templates").string() + " --out " + out);
    CHECK(r.exit_code == 3);
    CHECK(r.err == "samen-sturen: samen-sturen.json: section 1: 'title' is missing\n");
    CHECK_FALSE(fs::exists(dir / "out" / "2025-Q3"));
}

TEST_CASE("run: --only renders just the named scopes") {
    const auto& run = small_demo_run();
    TempDir dir;
    const auto r = run_cli("run --db " + run.db.string() + " --quarter 2025-Q3 --only GM0610 --jobs 1 --out " + dir.path().string());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(fs::exists(dir / "2025-Q3" / "public" / "GM0610-sliedrecht" / "index.html"));
    CHECK_FALSE(fs::exists(dir / "2025-Q3" / "public" / "GM0505-dordrecht"));
    CHECK_FALSE(fs::exists(dir / "2025-Q3" / "internal" / "GM0505-dordrecht"));
    CHECK(r.out.find("1 scopes") != std::string::npos);
}

TEST_CASE("run: --timings prints wall and CPU seconds per stage, package CPU and peak memory") {
    const auto& run = small_demo_run();
    TempDir dir;
    const auto r = run_cli("run --db " + run.db.string() + " --quarter 2025-Q3 --only GM0610,JZ31 --jobs 1 --timings --out " +
                           dir.path().string());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    for (const char* stage : {"manifest", "SQL", "model", "PDF", "Excel", "kpis.csv", "council letters", "HTML",
                              "region reports", "GI benchmarks"}) {
        INFO(stage);
        CHECK(r.out.find("\n  stage " + std::string(stage) + ": ") != std::string::npos);
    }
    CHECK(r.out.find("  municipality package: median ") != std::string::npos);
    CHECK(r.out.find(" ms CPU over 1 municipalities\n") != std::string::npos); // GM0610; JZ31 is a region
    CHECK(r.out.find("  peak memory: ") != std::string::npos);
    CHECK(r.out.find(" MiB mapped from files (the database, read-only)\n") != std::string::npos);
    CHECK(r.out.find(" scopes/s\n") != std::string::npos);
    const auto plain = run_cli("run --db " + run.db.string() + " --quarter 2025-Q3 --only GM0610 --jobs 1 --force --out " +
                               dir.path().string());
    CHECK(plain.out.find("stage") == std::string::npos);
}

TEST_CASE("run: every municipality gets its council letter, every region its GI benchmark and transparency page") {
    const auto& run = small_demo_run();
    for (const char* town : towns) {
        const std::string code = std::string(town).substr(0, 6);
        const fs::path letter = run.public_folder() / town / ("raadsinformatiebrief-2025-Q3-" + code + ".pdf");
        REQUIRE(fs::exists(letter));
        CHECK(fs::exists(run.public_folder() / town / "raadsinformatiebrief.html"));
        const std::string info = run_cli_text("pdfinfo '" + letter.string() + "'");
        const int pages = std::stoi(info.substr(info.find("Pages:") + 6));
        CHECK(pages >= 1);
        CHECK(pages <= 2); // at most two A4 pages
        CHECK(read_file(run.public_folder() / town / "index.html").find("href=\"raadsinformatiebrief.html\"") != std::string::npos);
    }
    const fs::path region = run.internal_folder() / "regio-JZ31-zuid-holland-zuid";
    for (const char* file : {"gi-benchmark-2025-Q3-JZ31.pdf", "gi-benchmark-2025-Q3-JZ31.html", "gi-benchmark-2025-Q3-JZ31.xlsx"})
        CHECK_MESSAGE(fs::file_size(region / file) > 2000, file);
    CHECK(fs::file_size(run.public_folder() / "regio-JZ31-zuid-holland-zuid" / "transparantie.html") > 2000);
    // The public page links to the public transparency page; the GI benchmark is internal.
    const std::string page = read_file(run.public_folder() / "regio-JZ31-zuid-holland-zuid" / "index.html");
    CHECK(page.find("href=\"gi-benchmark-2025-Q3-JZ31.html\"") == std::string::npos);
    CHECK(page.find("href=\"transparantie.html\"") != std::string::npos);
    CHECK(page.find("Gemeenten naast elkaar") != std::string::npos);
    const std::string internal = read_file(region / "samen-sturen-regio-2025-Q3-JZ31.html");
    CHECK(internal.find("href=\"gi-benchmark-2025-Q3-JZ31.html\"") != std::string::npos);
    CHECK(internal.find("Intern document voor de ontwikkeltafel") != std::string::npos);
}

TEST_CASE("run: the council letter speaks of the municipality's own published figures") {
    const auto& run = small_demo_run();
    const fs::path folder = run.internal_folder() / "GM0505-dordrecht";
    std::string text = pdf_text(run.public_folder() / "GM0505-dordrecht" / "raadsinformatiebrief-2025-Q3-GM0505.pdf");
    for (size_t at; (at = text.find('\n')) != std::string::npos;) text.replace(at, 1, " ");
    for (size_t at; (at = text.find("  ")) != std::string::npos;) text.replace(at, 2, " ");
    const double jh01 = std::stod(kpis_csv_value(folder / "kpis.csv", "GM0505", "JH01"));
    const double region = std::stod(kpis_csv_value(folder / "kpis.csv", "JZ31", "JH01"));
    CHECK(text.find("Raadsinformatiebrief Gemeente Dordrecht") != std::string::npos);
    CHECK(text.find("Het aantal jongeren met jeugdhulp is in een jaar") != std::string::npos);
    CHECK(text.find(format_number(jh01, 0) + " per 1.000 jongeren.") != std::string::npos);
    CHECK(text.find("In de regio Zuid-Holland Zuid is dat " + format_number(region, 0) + " per 1.000 jongeren.") !=
          std::string::npos);
    CHECK(text.find("1 juli 2025 t/m 30 september 2025") != std::string::npos);
}

TEST_CASE("run: the GI benchmark shows each GI's figures of kpis.csv and where it lies in the funnel") {
    const auto& run = small_demo_run();
    const fs::path region = run.internal_folder() / "regio-JZ31-zuid-holland-zuid";
    const std::string csv = read_file(region / "kpis.csv");
    std::string text = pdf_text(region / "gi-benchmark-2025-Q3-JZ31.pdf");
    CHECK(text.find("Trechterdiagrammen") != std::string::npos);
    CHECK(text.find("binnen de grenzen") != std::string::npos);
    // Every GI of the region's kpis.csv has its GI02 value in the PDF.
    std::istringstream lines(csv);
    int gis = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.find(",gi,JZ31/") == std::string::npos || line.find(",GI02,,") == std::string::npos) continue;
        const std::string value = line.substr(line.rfind(',') + 1);
        if (value.empty()) continue;
        ++gis;
        CHECK_MESSAGE(text.find(format_percent(std::stod(value), 1)) != std::string::npos, line);
    }
    CHECK(gis >= 2);
    // The page is internal beside the PDF: exact counts in its funnel tables, and a link to the
    // region's internal report that exists beside it.
    const std::string page = read_file(region / "gi-benchmark-2025-Q3-JZ31.html");
    CHECK(page.find("Intern document voor contractmanagers") != std::string::npos);
    CHECK(page.find("href=\"samen-sturen-regio-2025-Q3-JZ31.html\"") != std::string::npos);
    CHECK(fs::exists(region / "samen-sturen-regio-2025-Q3-JZ31.html"));
    CHECK(page.find("href=\"../index.html\"") == std::string::npos);
    static const std::regex count_cell(R"(<td>[0-9][0-9.]*</td>)");
    CHECK(std::regex_search(page, count_cell)); // Teller and Noemer filled in
}

TEST_CASE("run: open data beside every public page, as CSV and JSON with the same cells, described by datapackage.json") {
    const auto& run = small_demo_run();
    const fs::path folder = run.public_folder() / "GM0505-dordrecht";
    const auto csv = parse_public_cells_csv(read_file(folder / "cijfers.csv"), "cijfers.csv");
    const auto json = parse_public_cells_json(read_file(folder / "cijfers.json"), "cijfers.json");
    REQUIRE(csv.size() > 100);
    REQUIRE(json.size() == csv.size());
    for (size_t i = 0; i < csv.size(); ++i) {
        CAPTURE(i);
        CHECK(json[i].kpi_id == csv[i].kpi_id);
        CHECK(json[i].breakdown == csv[i].breakdown);
        CHECK(json[i].figure.value == csv[i].figure.value);
        CHECK(json[i].figure.suppression == csv[i].figure.suppression);
    }
    const std::string page = read_file(folder / "index.html");
    CHECK(page.find("href=\"cijfers.json\"") != std::string::npos);
    const auto package = nlohmann::json::parse(read_file(run.public_folder() / "datapackage.json"));
    CHECK(package["profile"] == "tabular-data-package");
    std::set<std::string> paths;
    for (const auto& r : package["resources"]) {
        const std::string path = r["path"];
        paths.insert(path);
        CHECK(r["format"] == (path.size() > 5 && path.substr(path.size() - 5) == ".json" ? "json" : "csv"));
        CHECK_MESSAGE(fs::exists(run.public_folder() / path), path);
    }
    CHECK(paths.count("GM0505-dordrecht/cijfers.csv") == 1);
    CHECK(paths.count("GM0505-dordrecht/cijfers.json") == 1);
    CHECK(paths.count("regio-JZ31-zuid-holland-zuid/cijfers.json") == 1);
}

TEST_CASE("run: the same database gives byte-identical files whatever --jobs is") {
    const auto& run = small_demo_run();
    TempDir dir;
    for (const char* jobs : {"1", "2"}) {
        const auto r = run_cli("run --db " + run.db.string() + " --quarter 2025-Q3 --jobs " + jobs + " --out " +
                               (dir / ("jobs" + std::string(jobs))).string());
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir / "jobs1")) {
        // The manifest records the run's timings; every rendered file must match.
        if (!entry.is_regular_file() || entry.path().filename() == "manifest.json") continue;
        ++files;
        const fs::path other = dir / "jobs2" / fs::relative(entry.path(), dir / "jobs1");
        const bool same = file_fingerprint(entry.path()) == file_fingerprint(other);
        if (!same) {
            // Keep both for a look (a difference seen once under load; docs/reliability.md).
            const fs::path kept = fs::temp_directory_path() / "samen-sturen-jobs-difference";
            fs::create_directories(kept);
            fs::copy_file(entry.path(), kept / ("jobs1-" + entry.path().filename().string()), fs::copy_options::overwrite_existing);
            fs::copy_file(other, kept / ("jobs2-" + other.filename().string()), fs::copy_options::overwrite_existing);
        }
        CHECK_MESSAGE(same, entry.path());
    }
    CHECK(files > 20);
}

TEST_CASE("run: the public folder holds no internal file, and no page links outside it") {
    const auto& run = small_demo_run();
    const fs::path root = fs::weakly_canonical(run.public_folder());
    size_t pages = 0, links = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        const std::string name = entry.path().filename().string();
        CAPTURE(entry.path());
        CHECK(entry.path().extension() != ".xlsx");
        CHECK(name != "kpis.csv");
        CHECK(name.rfind("samen-sturen-", 0) != 0);
        CHECK(name.rfind("gi-benchmark-", 0) != 0);
        if (entry.path().extension() != ".html") continue;
        ++pages;
        const std::string html = read_file(entry.path());
        for (size_t at = 0; (at = html.find("href=\"", at)) != std::string::npos;) {
            at += 6;
            std::string href = html.substr(at, html.find('"', at) - at);
            if (href.empty() || href[0] == '#') continue;
            ++links;
            CHECK_MESSAGE(href.find("://") == std::string::npos, href);
            href = href.substr(0, href.find('#'));
            const fs::path target = fs::weakly_canonical(entry.path().parent_path() / href);
            CHECK_MESSAGE(target.string().rfind(root.string(), 0) == 0, href << " leaves the public folder");
            CHECK_MESSAGE(fs::exists(target), href << " does not exist");
        }
    }
    CHECK(pages >= 9); // the index, 3 towns' pages and letters, the region's page and transparency table
    CHECK(links >= 20);
}
