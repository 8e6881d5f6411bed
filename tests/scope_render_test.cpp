// A scope renders in-process, from values made in the test, into a memory sink: every file the
// report registry lists for its kinds, with the pages' links from the registry, and the same
// figures in kpis.csv, the PDF, the pages and the workbook.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include "core/sha256.hpp"
#include "kpi/kpi_definition.hpp"
#include "render/html_report.hpp"
#include "report/kpi_table.hpp"
#include "run/scope_render.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

const std::string templates = std::string(SAMEN_STUREN_SOURCE_DIR) + "/templates";

/// One municipality and its region with a few figures, and the project's templates.
struct Fixture {
    std::map<std::string, ReportDefinition> definitions;
    CodeLabels labels = load_code_labels(templates + "/labels.json");
    HtmlTemplates html = load_html_templates(templates + "/html");
    std::vector<Scope> scopes{{ScopeType::municipality, "GM0001", "Aadorp", "R1", "Regio Een"},
                              {ScopeType::region, "R1", "Regio Een", "R1", "Regio Een"}};
    std::vector<KpiValue> quarter_values;
    KpiTable table;
    StageTimings timings;
    ScopeRenderShared shared;

    Fixture() {
        for (const auto& kind : report_registry())
            if (!definitions.count(kind.definition))
                definitions.emplace(kind.definition, load_report_definition(templates + "/" + kind.definition));
        // JH01: 95 per 1.000 in Aadorp (95 of 1.000 youths), 47,5 in the region; JB02 by kind.
        for (const char* q : {"2025-Q2", "2025-Q3"}) {
            table.add({{q, "municipality", "GM0001", "JH01", "", 95, 1000, 95}, {q, "region", "R1", "JH01", "", 190, 4000, 47.5}});
        }
        quarter_values = {{"2025-Q3", "municipality", "GM0001", "JB02", "kind=ots", 7, {}, 7},
                          {"2025-Q3", "municipality", "GM0001", "JH01", "", 95, 1000, 95},
                          {"2025-Q3", "region", "R1", "JB02", "kind=ots", 70, {}, 70},
                          {"2025-Q3", "region", "R1", "JH01", "", 190, 4000, 47.5}};
        table.add(quarter_values);
        ReportContext base;
        base.labels = &labels;
        base.texts = &project_texts();
        for (const auto& k : load_kpi_queries(query_folder())) base.kpis[k.id] = k;
        base.values = &table;
        base.quarter = Quarter{2025, 3};
        base.delivered_on = "2025-10-05";
        base.run_date = "2025-10-20";
        base.scopes = &scopes;
        for (const auto& [file, definition] : definitions) {
            ReportContext context = base;
            context.definition = &definition;
            shared.contexts.emplace(file, std::move(context));
        }
        shared.html = &html;
        shared.kinds = all_report_kinds();
        shared.timings = &timings;
    }

    /// Renders the scope's files into `sink`; returns the manifest's records of them.
    std::vector<ManifestFile> render(const Scope& scope, MemorySink& sink) {
        double cpu = 0;
        ScopeRows rows;
        for (const auto& v : quarter_values)
            if (v.scope_code == scope.code || (v.scope_code == scope.region_code && v.scope_type == "region")) rows.folder.push_back(v);
        return render_scope(shared, scope, std::move(rows), sink, cpu);
    }
};

std::vector<std::string> paths_of(const MemorySink& sink) {
    std::vector<std::string> paths;
    for (const auto& [path, bytes] : sink.files()) paths.push_back(path);
    return paths;
}

/// The href and text of every download link of a page, in page order.
std::vector<std::string> links_of(const std::string& html) {
    static const std::regex link(R"re(<a href="([^"]+)"[^>]*>([^<]+)</a>)re");
    std::vector<std::string> links;
    for (std::sregex_iterator m(html.begin(), html.end(), link), end; m != end; ++m) links.push_back((*m)[1].str() + " " + (*m)[2].str());
    return links;
}

bool has_link_to(const std::string& html, const std::string& href) {
    return html.find("href=\"" + href + "\"") != std::string::npos;
}

/// The text of a PDF held in memory (pdftotext reads a file).
std::string pdf_text_of(const std::string& bytes) {
    TempDir dir;
    write_file(dir / "f.pdf", bytes);
    return pdf_text(dir / "f.pdf");
}

/// The XML of every sheet of a workbook held in memory.
std::string sheets_xml(const std::string& xlsx) {
    TempDir dir;
    write_file(dir / "w.xlsx", xlsx);
    return run_cli_text("unzip -p '" + (dir / "w.xlsx").string() + "' 'xl/worksheets/*.xml'");
}

} // namespace

TEST_CASE("scope render: a municipality gets exactly the registry's files of its kinds, each recorded with its checksum") {
    Fixture f;
    MemorySink sink;
    const auto files = f.render(f.scopes[0], sink);
    CHECK(paths_of(sink) == std::vector<std::string>{
                                "internal/GM0001-aadorp/kpis.csv",
                                "internal/GM0001-aadorp/samen-sturen-2025-Q3-GM0001.html",
                                "internal/GM0001-aadorp/samen-sturen-2025-Q3-GM0001.pdf",
                                "internal/GM0001-aadorp/samen-sturen-2025-Q3-GM0001.xlsx",
                                "public/GM0001-aadorp/cijfers.csv",
                                "public/GM0001-aadorp/cijfers.json",
                                "public/GM0001-aadorp/index.html",
                                "public/GM0001-aadorp/raadsinformatiebrief-2025-Q3-GM0001.pdf",
                                "public/GM0001-aadorp/raadsinformatiebrief.html",
                            });
    REQUIRE(files.size() == 9);
    for (const auto& file : files) {
        CHECK(file.scope == "GM0001");
        CHECK(file.sha256 == sha256_hex(sink.at(file.path)));
        CHECK(file.bytes == sink.at(file.path).size());
        CHECK(file.audience == file.path.substr(0, file.path.find('/')));
        const bool letter = file.path.find("raadsinformatiebrief") != std::string::npos;
        CHECK(file.kind == (letter ? "council" : "samen-sturen"));
    }
}

TEST_CASE("scope render: kpis.csv, the PDF, both pages and the workbook show the same figure") {
    Fixture f;
    MemorySink sink;
    const auto files = f.render(f.scopes[0], sink);
    // kpis.csv is the folder's rows, exact (golden).
    CHECK(sink.at("internal/GM0001-aadorp/kpis.csv") ==
          "quarter,scope_type,scope_code,kpi_id,breakdown,numerator,denominator,value\n"
          "2025-Q3,municipality,GM0001,JB02,kind=ots,7,,7\n"
          "2025-Q3,municipality,GM0001,JH01,,95,1000,95\n"
          "2025-Q3,region,R1,JB02,kind=ots,70,,70\n"
          "2025-Q3,region,R1,JH01,,190,4000,47.5\n");
    // JH01 reads "95,0" per 1.000 beside the region's "47,5" in the PDF and on both pages.
    const std::string pdf = pdf_text_of(sink.at("internal/GM0001-aadorp/samen-sturen-2025-Q3-GM0001.pdf"));
    CHECK(pdf.find("Aadorp") != std::string::npos);
    CHECK(pdf.find("95,0") != std::string::npos);
    CHECK(pdf.find("47,5") != std::string::npos);
    for (const char* page : {"public/GM0001-aadorp/index.html", "internal/GM0001-aadorp/samen-sturen-2025-Q3-GM0001.html"}) {
        CAPTURE(page);
        const std::string html = sink.at(page);
        CHECK(html.find("95,0") != std::string::npos);
        CHECK(html.find("47,5") != std::string::npos);
    }
    // The workbook's KPI sheet holds the numerator as a number, not as text.
    const std::string sheets = sheets_xml(sink.at("internal/GM0001-aadorp/samen-sturen-2025-Q3-GM0001.xlsx"));
    CHECK(sheets.find("<v>1000</v>") != std::string::npos);
    CHECK(sheets.find("<v>4000</v>") != std::string::npos);
    // The council letter names the municipality and is public.
    CHECK(pdf_text_of(sink.at("public/GM0001-aadorp/raadsinformatiebrief-2025-Q3-GM0001.pdf")).find("Aadorp") != std::string::npos);
}

TEST_CASE("scope render: each page links the files of its own audience, in registry order, and nothing else") {
    Fixture f;
    MemorySink sink;
    const auto files = f.render(f.scopes[0], sink);
    const std::string page = sink.at("public/GM0001-aadorp/index.html");
    CHECK(has_link_to(page, "raadsinformatiebrief.html"));
    CHECK(has_link_to(page, "raadsinformatiebrief-2025-Q3-GM0001.pdf"));
    CHECK(has_link_to(page, "cijfers.csv"));
    CHECK(has_link_to(page, "cijfers.json"));
    CHECK(has_link_to(page, "../regio-R1-regio-een/index.html"));
    CHECK(page.find("raadsinformatiebrief.html") < page.find("cijfers.csv")); // the letter leads
    // The public page never links an internal file.
    CHECK_FALSE(has_link_to(page, "kpis.csv"));
    CHECK(page.find(".xlsx") == std::string::npos);
    CHECK(page.find("samen-sturen-2025-Q3-GM0001.pdf") == std::string::npos);
    const std::string internal = sink.at("internal/GM0001-aadorp/samen-sturen-2025-Q3-GM0001.html");
    CHECK(has_link_to(internal, "samen-sturen-2025-Q3-GM0001.pdf"));
    CHECK(has_link_to(internal, "samen-sturen-2025-Q3-GM0001.xlsx"));
    CHECK(has_link_to(internal, "kpis.csv"));
    CHECK_FALSE(has_link_to(internal, "cijfers.csv"));
    // The letter's page links its own PDF.
    CHECK(has_link_to(sink.at("public/GM0001-aadorp/raadsinformatiebrief.html"), "raadsinformatiebrief-2025-Q3-GM0001.pdf"));
    CHECK_FALSE(links_of(page).empty());
}

TEST_CASE("scope render: a region gets its report, transparency page and GI benchmark; the benchmark links back") {
    Fixture f;
    MemorySink sink;
    const auto files = f.render(f.scopes[1], sink);
    const auto paths = paths_of(sink);
    for (const char* expected : {"internal/regio-R1-regio-een/samen-sturen-regio-2025-Q3-R1.pdf",
                                 "internal/regio-R1-regio-een/samen-sturen-regio-2025-Q3-R1.html",
                                 "internal/regio-R1-regio-een/gi-benchmark-2025-Q3-R1.html",
                                 "internal/regio-R1-regio-een/gi-benchmark-2025-Q3-R1.pdf",
                                 "internal/regio-R1-regio-een/gi-benchmark-2025-Q3-R1.xlsx",
                                 "public/regio-R1-regio-een/transparantie.html", "public/regio-R1-regio-een/index.html"})
        CHECK_MESSAGE(std::find(paths.begin(), paths.end(), expected) != paths.end(), expected);
    CHECK(paths.size() == 11); // eight of the report, three of the benchmark
    CHECK(std::none_of(paths.begin(), paths.end(), [](const std::string& p) { return p.find("raadsinformatiebrief") != std::string::npos; }));
    CHECK(has_link_to(sink.at("internal/regio-R1-regio-een/gi-benchmark-2025-Q3-R1.html"), "samen-sturen-regio-2025-Q3-R1.html"));
    CHECK(has_link_to(sink.at("public/regio-R1-regio-een/index.html"), "transparantie.html"));
    const std::string internal = sink.at("internal/regio-R1-regio-een/samen-sturen-regio-2025-Q3-R1.html");
    CHECK(has_link_to(internal, "gi-benchmark-2025-Q3-R1.pdf"));
    for (const auto& file : files)
        CHECK(file.kind == (file.path.find("gi-benchmark") != std::string::npos ? "gi-benchmark" : "region"));
}

TEST_CASE("scope render: only the kinds asked for, and no model a kind does not need") {
    Fixture f;
    f.shared.kinds = {ReportKind::council};
    MemorySink sink;
    CHECK(f.render(f.scopes[0], sink).size() == 2);
    CHECK(paths_of(sink) == std::vector<std::string>{"public/GM0001-aadorp/raadsinformatiebrief-2025-Q3-GM0001.pdf",
                                                     "public/GM0001-aadorp/raadsinformatiebrief.html"});
    for (const auto& [stage, time] : f.timings.stages()) CHECK(stage == "council letters"); // no report model built
    // A region asked for council letters only gets nothing.
    MemorySink region;
    CHECK(f.render(f.scopes[1], region).empty());
    CHECK(region.files().empty());
}

TEST_CASE("report registry: names, mailing and what a recipient's report kind stands for") {
    CHECK(file_name_of(report_kind_spec(ReportKind::region).outputs.front(), "JZ31", "2025-Q3") == "samen-sturen-regio-2025-Q3-JZ31.pdf");
    const OutputSpec* letter = output_named(ReportKind::council, "raadsinformatiebrief-2025-Q3-GM0505.pdf", "GM0505", "2025-Q3");
    REQUIRE(letter != nullptr);
    CHECK(letter->mailed);
    CHECK(letter->audience == Publication::public_site);
    CHECK(output_named(ReportKind::council, "raadsinformatiebrief-2025-Q3-GM0606.pdf", "GM0505", "2025-Q3") == nullptr);
    // Mailed: the internal reports and the letter's PDF; never a page or the open data.
    for (const auto& kind : report_registry())
        for (const auto& output : kind.outputs) {
            CAPTURE(output.file);
            const bool page = output.file.ends_with(".html");
            if (page || output.open_data) CHECK_FALSE(output.mailed);
            if (output.audience == Publication::internal && !page) CHECK(output.mailed);
            CHECK((output.render != nullptr) != (output.write != nullptr)); // one renderer each
        }
    CHECK(report_kinds_for(ScopeType::region).size() == 2);
    CHECK(report_kind_spec(ReportKind::region).asked_as == std::vector<std::string>{"samen-sturen", "region"});
    CHECK(report_kind_named("GI-Benchmark") == ReportKind::gi_benchmark);
    CHECK_FALSE(report_kind_named("letters"));
    CHECK(report_kind_list() == "samen-sturen, council, region, gi-benchmark");
}
