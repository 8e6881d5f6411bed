// The transparency page: each provider on one line with its parts below it in its own row group,
// the region's rows apart, the codes explained, and the small-number rules on every cell.
#include <doctest/doctest.h>

#include <regex>

#include "render/transparency_page.hpp"
#include "report/publication.hpp"
#include "report/report_builder.hpp"
#include "report/transparency_table.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

const std::string templates = std::string(SAMEN_STUREN_SOURCE_DIR) + "/templates";

KpiValue tr02(const std::string& breakdown, double dropped, double ended) {
    return {"2025-Q3", "region", "R1", "TR02", breakdown, dropped, ended, 100 * dropped / ended};
}

/// Aanbieder Een: 40 ended (8 dropped out), 25 intensief (5), 15 perspectief (3), 12 in profile 3
/// intensief (2);
/// Beta Zorg: 20 ended (5 dropped out), no parts; the region: 37 intensief, 12 in profile 3.
std::vector<TransparencyRow> rows() {
    return transparency_rows({tr02("provider=P1", 8, 40), tr02("provider=P1,intensity=intensief", 5, 25),
                              tr02("provider=P1,intensity=perspectief", 3, 15),
                              tr02("provider=P1,profile=3,intensity=intensief", 2, 12), tr02("provider=P2", 5, 20),
                              tr02("intensity=intensief", 3, 37), tr02("profile=3", 2, 12)},
                             {{"P1", "Aanbieder Een"}, {"P2", "Beta Zorg"}});
}

/// The text of every element `tag` (its first `count` matches) inside `html`, tags removed.
std::vector<std::string> texts_of(const std::string& html, const std::string& pattern) {
    std::vector<std::string> found;
    const std::regex re(pattern);
    for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it)
        found.push_back(std::regex_replace((*it)[1].str(), std::regex("<[^>]*>"), ""));
    return found;
}

} // namespace

TEST_CASE("transparency table: providers by name, each with its parts; the region's rows apart, intensity first") {
    const auto all = rows();
    const auto table = transparency_table(all);
    REQUIRE(table.providers.size() == 2);
    CHECK(table.providers[0].provider_name == "Aanbieder Een");
    REQUIRE(table.providers[0].total);
    CHECK(*table.providers[0].total->ended.value == 40);
    REQUIRE(table.providers[0].parts.size() == 3);
    CHECK(transparency_row_label(*table.providers[0].parts[0]) == "alle profielen, intensief");
    CHECK(transparency_row_label(*table.providers[0].parts[1]) == "alle profielen, perspectief");
    CHECK(transparency_row_label(*table.providers[0].parts[2]) == "profiel 3, intensief");
    CHECK(table.providers[1].provider_name == "Beta Zorg");
    CHECK(table.providers[1].parts.empty());
    REQUIRE(table.region.size() == 2);
    CHECK(transparency_row_label(*table.region[0]) == "intensief");
    CHECK(transparency_row_label(*table.region[1]) == "profiel 3");
}

TEST_CASE("transparency page: a row group per provider, its line first; the region's table; the codes in words") {
    const CodeLabels labels = load_code_labels(templates + "/labels.json");
    const HtmlTemplates html = load_html_templates(templates + "/html");
    ReportModel model;
    model.scope = {ScopeType::region, "R1", "Regio Een", "R1", "Regio Een"};
    model.quarter = Quarter{2025, 3};
    model.texts = &project_texts();
    model.labels = &labels;
    model.transparency = rows();
    const std::string page = render_transparency_html(publish(model), html);

    const auto groups = texts_of(page, "<tbody data-name=\"[^\"]*\" data-parts=\"([0-9]+)\">");
    CHECK(groups == std::vector<std::string>{"3", "0"});
    // Aanbieder Een's line, then its three parts, each naming the provider for a screen reader.
    CHECK(texts_of(page, "<tr class=\"provider\"><th scope=\"row\">([^<]*)</th>") ==
          std::vector<std::string>{"Aanbieder Een", "Beta Zorg"});
    CHECK(texts_of(page, "<tr class=\"part\"><th scope=\"row\">(.*?)</th>") ==
          std::vector<std::string>{"Aanbieder Een, alle profielen, intensief", "Aanbieder Een, alle profielen, perspectief",
                                   "Aanbieder Een, profiel 3, intensief"});
    // The provider's line: n 40, drop-out 20% (8 of 40). Perspectief's 3 drop-outs are under five,
    // so intensief's 5 is hidden too (else 8 - 5 gives it away).
    CHECK(page.find("<tr class=\"provider\"><th scope=\"row\">Aanbieder Een</th><td>40</td><td>20%</td>") != std::string::npos);
    CHECK(page.find("alle profielen, intensief</th><td>25</td><td>*</td>") != std::string::npos);
    CHECK(page.find("alle profielen, perspectief</th><td>15</td><td>*</td>") != std::string::npos);
    // Profile 3 intensief: 2 of 12 dropped out, a numerator under five: not shown.
    CHECK(page.find("profiel 3, intensief</th><td>12</td><td>*</td>") != std::string::npos);
    CHECK(page.find("<p class=\"note\">&lt;5: minder dan vijf") != std::string::npos);
    // Without the script every row shows: nothing in the markup hides a part.
    CHECK(page.find("<tr class=\"part\" hidden") == std::string::npos);
    CHECK(page.find("<form class=\"search\" role=\"search\" hidden>") != std::string::npos);
    // The region's own rows, intensity first.
    CHECK(texts_of(page, "<tr><th>([^<]*)</th><td>") == std::vector<std::string>{"intensief", "profiel 3"});
    // The intensities and profiles explained, and the script allowed by its hash only.
    CHECK(page.find("<dt>Perspectief</dt><dd>kortdurende hulp") != std::string::npos);
    CHECK(page.find("Een ondersteuningsprofiel bundelt hulpvragen") != std::string::npos);
    CHECK(std::regex_search(page, std::regex("script-src 'sha256-[A-Za-z0-9+/=]+'")));
    CHECK(page.find("onclick") == std::string::npos);
}
