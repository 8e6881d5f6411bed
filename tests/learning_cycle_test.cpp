// The learning cycle (issue #13, reports.md "The learning cycle"): an agreement of the development
// table stays in every report of its scope while open, an overdue one is an attention point, an
// explanation stands beside its KPI; all of it internal, escaped in every format.
#include <doctest/doctest.h>

#include <algorithm>

#include "render/html_report.hpp"
#include "render/pdf_report.hpp"
#include "report/attention.hpp"
#include "report/publication.hpp"
#include "report/report_builder.hpp"
#include "report/report_text.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

Note agreement(const std::string& id, const std::string& quarter, const std::string& due, const std::string& status,
               const std::string& scope = "GM0001") {
    return {id, scope, quarter, "", "afspraak", "Afspraak " + id, "contractmanagement", due, status};
}

Note explanation(std::string id, std::string quarter, std::string kpi, std::string text) {
    return {std::move(id), "GM0001", std::move(quarter), std::move(kpi), "toelichting", std::move(text), "", "", ""};
}

struct Fixture {
    ReportDefinition definition = parse_report_definition("t.json", R"({"kind": "samen-sturen", "title": "Samen Sturen",
      "sections": [{"id": "a", "title": "A", "items": [
        {"kpi": "JH01", "headline": true},
        {"kpi": "JH01", "breakdown": "segment", "chart": "bars"}]}]})");
    CodeLabels labels;
    KpiTable table;
    ReportContext context;
    Scope town{ScopeType::municipality, "GM0001", "Aadorp", "R1", "Regio Een"};
    std::vector<Note> notes = {
        agreement("A1", "2025-Q1", "2025-Q2", "open"),    // open and overdue in 2025-Q3
        agreement("A2", "2025-Q2", "2025-Q4", ""),        // open, not due yet
        agreement("A3", "2025-Q1", "2025-Q3", "done"),    // done: shown until its due quarter
        agreement("A4", "2025-Q1", "2025-Q2", "dropped"), // dropped and past due: gone
        agreement("A5", "2025-Q4", "2026-Q1", "open"),    // made after the report quarter
        agreement("A6", "2025-Q1", "", "open", "GM0002"), // another municipality's
        explanation("T1", "2025-Q3", "JH01", "De <b>stijging</b> komt door één grote aanbieder & een nieuwe wijk."),
        explanation("T2", "2025-Q2", "JH01", "Oud."),
        explanation("T3", "2025-Q3", "", "Het kwartaal had een korte zomerstop."),
    };

    Fixture() {
        std::vector<KpiValue> values;
        for (const char* q : {"2024-Q3", "2025-Q3"}) {
            values.push_back({q, "municipality", "GM0001", "JH01", "", 90, 1000, 90});
            values.push_back({q, "region", "R1", "JH01", "", 180, 4000, 45});
        }
        table.add(values);
        context.definition = &definition;
        context.labels = &labels;
        context.texts = &project_texts();
        context.kpis["JH01"] = {.id = "JH01", .name = "jongeren in jeugdhulp per 1.000", .kind = KpiKind::rate_per_1000, .file = "JH01.sql"};
        context.values = &table;
        context.quarter = Quarter{2025, 3};
        context.notes = &notes;
    }
    ReportModel model() const { return build_report(context, town, {}, {}); }
};

std::vector<std::string> ids(const std::vector<Note>& notes) {
    std::vector<std::string> out;
    for (const auto& n : notes) out.push_back(n.id);
    return out;
}

} // namespace

TEST_CASE("learning cycle: open agreements stay until done, a done one until its due quarter, explanations in their quarter") {
    const Fixture f;
    const ReportModel m = f.model();
    CHECK(ids(m.agreements) == std::vector<std::string>{"A1", "A2", "A3"});
    CHECK(ids(m.explanations) == std::vector<std::string>{"T1", "T3"});
    const auto rows = agreement_rows(m);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == std::vector<std::string>{"Afspraak A1", "contractmanagement", "K2 2025", "open, over de termijn"});
    CHECK(rows[1][3] == "open");
    CHECK(rows[2][3] == "afgerond");
}

TEST_CASE("learning cycle: an open agreement past its due quarter is an attention point") {
    const Fixture f;
    const auto points = attention_points(f.model());
    const auto overdue_point = std::find_if(points.begin(), points.end(), [](const AttentionPoint& p) { return p.rank == 5; });
    REQUIRE(overdue_point != points.end());
    CHECK(overdue_point->text == "Afspraak over de termijn (gepland 2e kwartaal 2025, eigenaar contractmanagement): Afspraak A1");
    CHECK(overdue_point->section == project_texts().fill("report.agreements_heading"));
    CHECK(std::count_if(points.begin(), points.end(), [](const AttentionPoint& p) { return p.rank == 5; }) == 1);
}

TEST_CASE("learning cycle: an explanation stands beside its KPI once, escaped, in the internal PDF and page only") {
    const Fixture f;
    const ReportModel m = f.model();
    const auto& blocks = m.sections.front().blocks;
    REQUIRE(blocks.size() == 2);
    CHECK(block_explanations(m, blocks[0]) ==
          std::vector<std::string>{"Toelichting van de ontwikkeltafel: De <b>stijging</b> komt door één grote aanbieder & een nieuwe wijk."});
    CHECK(block_explanations(m, blocks[1]).empty()); // the breakdown block of the same KPI does not repeat it

    const PdfDocument pdf = pdf_document_of(m);
    auto has_paragraph = [&](const std::string& text) {
        return std::any_of(pdf.blocks.begin(), pdf.blocks.end(), [&](const PdfBlock& b) { return b.text == text; });
    };
    CHECK(has_paragraph("Toelichting van de ontwikkeltafel: Het kwartaal had een korte zomerstop."));
    CHECK(has_paragraph(project_texts().fill("report.agreements_heading")));

    const HtmlTemplates templates = load_html_templates(std::string(SAMEN_STUREN_SOURCE_DIR) + "/templates/html");
    const std::string internal = render_report_html(m, templates, {}, Audience::internal);
    CHECK(internal.find("De &lt;b&gt;stijging&lt;/b&gt; komt door één grote aanbieder &amp; een nieuwe wijk.") != std::string::npos);
    CHECK(internal.find("<b>stijging</b>") == std::string::npos);
    CHECK(internal.find("id=\"afspraken\"") != std::string::npos);
    const std::string published = render_report_html(publish(m), templates, {}, Audience::published);
    CHECK(published.find("Toelichting van de ontwikkeltafel") == std::string::npos);
    CHECK(published.find("Afspraak A1") == std::string::npos);
}

TEST_CASE("learning cycle: the demo region's agreements are in its internal PDF and workbook, not on its public page") {
    const auto& run = small_demo_run();
    const fs::path region = run.internal_folder() / "regio-JZ31-zuid-holland-zuid";
    const std::string pdf = pdf_text(region / "samen-sturen-regio-2025-Q3-JZ31.pdf");
    CHECK(pdf.find(project_texts().fill("report.agreements_heading")) != std::string::npos);
    CHECK(pdf.find("De aanbieders met een wachttijd boven vier maanden") != std::string::npos);
    const std::string strings = run_cli_text("unzip -p '" + (region / "samen-sturen-regio-2025-Q3-JZ31.xlsx").string() +
                                             "' xl/sharedStrings.xml xl/workbook.xml");
    CHECK(strings.find("name=\"Afspraken\"") != std::string::npos);
    CHECK(strings.find("leveren een herstelplan aan") != std::string::npos);
    const std::string page = read_file(run.public_folder() / "regio-JZ31-zuid-holland-zuid" / "index.html");
    CHECK(page.find("leveren een herstelplan aan") == std::string::npos);
    CHECK(page.find(project_texts().fill("report.agreements_heading")) == std::string::npos);
}
