// The Samen Sturen PDF's flow of blocks: a chart without a table of the same figures under it, one
// line for a KPI without data, the signalled measures counted in the body and listed in an annex.
#include <doctest/doctest.h>

#include "render/pdf_report.hpp"
#include "report/report_builder.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

struct Fixture {
    ReportDefinition definition = parse_report_definition("t.json", R"({"kind": "samen-sturen", "title": "Samen Sturen",
      "sections": [{"id": "a", "title": "Jeugdbescherming", "signals": true, "items": [
        {"kpi": "JH01", "title": "Jongeren met jeugdhulp"},
        {"kpi": "JB07", "title": "Stagnatie"},
        {"kpi": "WL01", "title": "Lange wachttijden", "chart": "none"}]}]})");
    CodeLabels labels = parse_code_labels("l.json", R"({"signal": {"stagnation": "Stagnatie"}})");
    KpiTable table;
    ReportContext context;
    Scope town{ScopeType::municipality, "GM0001", "Aadorp", "R1", "Regio Een"};

    Fixture() {
        std::vector<KpiValue> values;
        for (const char* q : {"2025-Q2", "2025-Q3"}) {
            values.push_back({q, "municipality", "GM0001", "JH01", "", 90, 1000, 90});
            values.push_back({q, "municipality", "GM0001", "WL01", "", 2, {}, 2});
        }
        table.add(values);
        context.definition = &definition;
        context.labels = &labels;
        context.texts = &project_texts();
        context.kpis["JH01"] = {.id = "JH01", .name = "jongeren", .kind = KpiKind::rate_per_1000, .file = "JH01.sql"};
        context.kpis["JB07"] = {.id = "JB07", .name = "stagnatie", .kind = KpiKind::count, .file = "JB07.sql"};
        context.kpis["WL01"] = {.id = "WL01", .name = "wachttijden", .kind = KpiKind::count, .file = "WL01.sql"};
        context.values = &table;
        context.quarter = Quarter{2025, 3};
    }
};

std::vector<std::string> texts_of(const PdfDocument& doc, PdfBlock::Kind kind) {
    std::vector<std::string> texts;
    for (const auto& b : doc.blocks)
        if (b.kind == kind) texts.push_back(b.text);
    return texts;
}

size_t count_of(const PdfDocument& doc, PdfBlock::Kind kind) {
    size_t n = 0;
    for (const auto& b : doc.blocks) n += b.kind == kind;
    return n;
}

bool has_paragraph(const PdfDocument& doc, const std::string& text) {
    for (const auto& p : texts_of(doc, PdfBlock::Kind::paragraph))
        if (p.find(text) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("pdf report: a chart has no table of its own figures under it; a KPI without a chart keeps its table") {
    Fixture f;
    const PdfDocument doc = pdf_document_of(build_report(f.context, f.town, {}, {}));
    CHECK(count_of(doc, PdfBlock::Kind::chart) == 1); // JH01; JB07 has no data, WL01 no chart
    // The summary table and WL01's eight quarters; none for JH01's chart.
    CHECK(count_of(doc, PdfBlock::Kind::table) == 2);
}

TEST_CASE("pdf report: a KPI without data for the scope is one line, not an empty chart") {
    Fixture f;
    const PdfDocument doc = pdf_document_of(build_report(f.context, f.town, {}, {}));
    CHECK(has_paragraph(doc, "Geen gegevens voor Aadorp over deze periode."));
    for (const auto& b : doc.blocks) CHECK_FALSE((b.kind == PdfBlock::Kind::chart && b.text == "Stagnatie"));
}

TEST_CASE("pdf report: a quarter with nothing to count says so, not '– (Teller 0, noemer 0)'") {
    Fixture f;
    // JH01 had youths with care in Q2, and none to count over in Q3 (the denominator is 0).
    f.table.add({{"2025-Q3", "municipality", "GM0001", "JH01", "", 0, 0, std::nullopt}});
    const PdfDocument doc = pdf_document_of(build_report(f.context, f.town, {}, {}));
    CHECK(has_paragraph(doc, "Dit kwartaal geen cijfer: er was niets om over te tellen (noemer 0)."));
    CHECK_FALSE(has_paragraph(doc, "Teller 0, noemer 0"));
    CHECK(count_of(doc, PdfBlock::Kind::chart) == 1); // Q2's value is still drawn
}

TEST_CASE("pdf report: signalled measures are counted in the body and listed once in the annex at the end") {
    Fixture f;
    const std::vector<Signal> signals{{"stagnation", "M1", "ots", "2023-01-05"}, {"stagnation", "M2", "ots", "2023-02-05"}};
    const PdfDocument doc = pdf_document_of(build_report(f.context, f.town, signals, {}));
    CHECK(has_paragraph(doc, "2 maatregelen hebben een signaal (2 × stagnatie); de lijst staat in de bijlage"));
    REQUIRE_FALSE(doc.blocks.empty());
    const PdfBlock& last = doc.blocks.back();
    REQUIRE(last.kind == PdfBlock::Kind::table);
    REQUIRE(last.table.rows.size() == 2);
    CHECK(last.table.rows[0][0] == "M1");
    CHECK(last.table.rows[1][0] == "M2");
    const auto headings = texts_of(doc, PdfBlock::Kind::heading);
    CHECK(headings.back() == "Bijlage: maatregelen met een signaal");
}

TEST_CASE("pdf report: without signals there is no annex") {
    Fixture f;
    const PdfDocument doc = pdf_document_of(build_report(f.context, f.town, {}, {}));
    for (const auto& h : texts_of(doc, PdfBlock::Kind::heading)) CHECK(h.find("Bijlage") == std::string::npos);
    CHECK(has_paragraph(doc, "Er zijn dit kwartaal geen maatregelen met een signaal."));
}
