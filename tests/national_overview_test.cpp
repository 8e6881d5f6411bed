// The national overview: every region's published headline figures side by side, by name, with
// a link to each region's page; a small share published on no page is published here neither.
#include <doctest/doctest.h>

#include "render/overview_page.hpp"
#include "report/national_overview.hpp"
#include "report/publication.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

const std::string templates = std::string(SAMEN_STUREN_SOURCE_DIR) + "/templates";

KpiBlock headline(const char* kpi, const char* title, ValueStyle style, double numerator, double denominator, double value) {
    KpiBlock b;
    b.item.kpi = kpi;
    b.item.title = title;
    b.item.style = style;
    b.item.headline = true;
    b.kind = style == ValueStyle::percent ? KpiKind::share : KpiKind::rate_per_1000;
    b.value = {value, numerator, denominator};
    return b;
}

/// A region with JH01 (a rate) and UI02 (a share); `dropped` of `ended` trajectories dropped out.
ReportModel region(const char* code, const char* name, double jh01, double dropped, double ended) {
    ReportModel m;
    m.scope = {ScopeType::region, code, name, code, name};
    m.quarter = Quarter{2025, 3};
    Section s;
    s.blocks = {headline("JH01", "Jongeren met jeugdhulp per 1.000 jongeren", ValueStyle::number, jh01 * 10, 10000, jh01),
                headline("UI02", "Uitval", ValueStyle::percent, dropped, ended, 100 * dropped / ended)};
    m.sections = {s};
    return publish(m);
}

} // namespace

TEST_CASE("national overview: regions by name, each headline as on its own page, small shares hidden") {
    const std::vector<ReportModel> regions{region("JZ31", "Zuid-Holland Zuid", 86.04, 17, 100),
                                           region("JZ13", "Amsterdam-Amstelland", 85.6, 3, 40)};
    const auto overview = national_overview(regions, {"regio-JZ31-zuid-holland-zuid/index.html", "regio-JZ13-amsterdam-amstelland/index.html"});
    CHECK(overview.columns == std::vector<std::string>{"Jongeren met jeugdhulp per 1.000 jongeren", "Uitval"});
    REQUIRE(overview.regions.size() == 2);
    CHECK(overview.regions[0].name == "Amsterdam-Amstelland");
    CHECK(overview.regions[0].href == "regio-JZ13-amsterdam-amstelland/index.html");
    CHECK(overview.regions[0].cells == std::vector<std::string>{"85,6", "*"}); // 3 of 40: a numerator under five
    CHECK(overview.regions[1].cells == std::vector<std::string>{"86,0", "17,0%"});
    // An unpublished model never reaches the page.
    ReportModel raw = regions[0];
    raw.published = false;
    CHECK_THROWS_AS(national_overview({raw}, {"x"}), std::logic_error);
}

TEST_CASE("national overview page: a row group per region, sortable, linked, under its own policy") {
    const HtmlTemplates html = load_html_templates(templates + "/html");
    const auto overview = national_overview({region("JZ31", "Zuid-Holland Zuid", 86.04, 17, 100)}, {"regio-JZ31-zuid-holland-zuid/index.html"});
    const std::string page = render_overview_html(overview, html, project_texts());
    CHECK(page.find("<tbody data-name=\"zuid-holland zuid\"><tr><th scope=\"row\"><a href=\"regio-JZ31-zuid-holland-zuid/index.html\">"
                    "Zuid-Holland Zuid</a></th><td>86,0</td><td>17,0%</td></tr></tbody>") != std::string::npos);
    CHECK(page.find("<th scope=\"col\">Uitval</th>") != std::string::npos);
    CHECK(page.find("table class=\"overview\" data-sortable") != std::string::npos);
    CHECK(page.find("Content-Security-Policy") != std::string::npos);
    CHECK(page.find("<script>") != std::string::npos);
    CHECK(page.find("<title>Samen Sturen, alle regio’s naast elkaar, 3e kwartaal 2025</title>") != std::string::npos);
}
