// The summary's judgement and attention points: control limits computed by hand (p-chart, u-chart),
// better/worse from the desired direction, and one attention point from each source, ranked.
#include <doctest/doctest.h>

#include <cmath>

#include "core/errors.hpp"
#include "report/attention.hpp"
#include "report/control_check.hpp"
#include "report/report_definition.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

/// Seven earlier quarters of n over d, then the report quarter.
std::vector<Figure> trend(double n, double d, Figure now, int earlier = 7) {
    std::vector<Figure> t;
    for (int i = 0; i < earlier; ++i) t.push_back({100.0 * n / d, n, d});
    t.push_back(now);
    return t;
}

} // namespace

TEST_CASE("control limits: a share on a p-chart, pooled over the seven quarters before") {
    // p̄ = 140/700 = 0.2; n = 100: σ = √(0.2·0.8/100) = 0.04; limits 8% to 32%.
    const auto c = control_check(trend(20, 100, {35.0, 35.0, 100.0}), KpiKind::share);
    REQUIRE(c);
    CHECK(c->centre == doctest::Approx(20.0));
    CHECK(c->lower == doctest::Approx(8.0));
    CHECK(c->upper == doctest::Approx(32.0));
    CHECK(c->side == ControlCheck::Side::above);
    CHECK(control_check(trend(20, 100, {32.0, 32.0, 100.0}), KpiKind::share)->side == ControlCheck::Side::inside);
    CHECK(control_check(trend(20, 100, {7.0, 7.0, 100.0}), KpiKind::share)->side == ControlCheck::Side::below);
}

TEST_CASE("control limits: a rate on a u-chart, a count with n = 1") {
    // ū = 350/70,000 = 0.005 per youth; n = 10,000: σ = √(0.005/10,000) = 0.000707; × 1,000.
    const auto r = control_check(trend(50, 10000, {7.5, 75.0, 10000.0}), KpiKind::rate_per_1000);
    REQUIRE(r);
    CHECK(r->lower == doctest::Approx(5.0 - 3000.0 * std::sqrt(0.005 / 10000)));
    CHECK(r->upper == doctest::Approx(5.0 + 3000.0 * std::sqrt(0.005 / 10000)));
    CHECK(r->side == ControlCheck::Side::above);
    // Counts of 16: ū = 16, σ = 4, limits 4 to 28.
    std::vector<Figure> counts(7, Figure{16.0, 16.0, std::nullopt});
    counts.push_back({30.0, 30.0, std::nullopt});
    const auto c = control_check(counts, KpiKind::count);
    REQUIRE(c);
    CHECK(c->lower == doctest::Approx(4.0));
    CHECK(c->upper == doctest::Approx(28.0));
    CHECK(c->side == ControlCheck::Side::above);
    counts.back() = {3.0, 3.0, std::nullopt};
    CHECK(control_check(counts, KpiKind::count)->side == ControlCheck::Side::below);
}

TEST_CASE("control limits: none without five earlier quarters, for a mean, provisional, or without variation") {
    CHECK_FALSE(control_check(trend(20, 100, {35.0, 35.0, 100.0}, 4), KpiKind::share));
    CHECK(control_check(trend(20, 100, {35.0, 35.0, 100.0}, 5), KpiKind::share));
    CHECK_FALSE(control_check(trend(20, 100, {35.0, 35.0, 100.0}), KpiKind::mean));
    Figure provisional{35.0, 35.0, 100.0, true};
    CHECK_FALSE(control_check(trend(20, 100, provisional), KpiKind::share));
    CHECK_FALSE(control_check(trend(100, 100, {90.0, 90.0, 100.0}), KpiKind::share)); // always 100% before
    CHECK_FALSE(control_check(trend(20, 100, {}), KpiKind::share));                    // no value now
}

TEST_CASE("judgement: a change is better or worse by the direction that is better") {
    CHECK(judge(Change::rises, Direction::higher_is_better) == Judgement::better);
    CHECK(judge(Change::rises, Direction::lower_is_better) == Judgement::worse);
    CHECK(judge(Change::falls, Direction::lower_is_better) == Judgement::better);
    CHECK(judge(Change::same, Direction::lower_is_better) == Judgement::same);
}

TEST_CASE("report definition: the desired direction is lower or higher, nothing else") {
    const auto ok = parse_report_definition("t.json", R"({"kind": "k", "title": "T", "sections": [{"id": "a", "title": "A",
        "items": [{"kpi": "UI02", "desired": "lower"}, {"kpi": "JB06", "desired": "higher"}, {"kpi": "JH01"}]}]})");
    CHECK(ok.sections[0].items[0].desired == Direction::lower_is_better);
    CHECK(ok.sections[0].items[1].desired == Direction::higher_is_better);
    CHECK_FALSE(ok.sections[0].items[2].desired.has_value());
    CHECK_THROWS_WITH_AS(parse_report_definition("t.json", R"({"kind": "k", "title": "T", "sections": [{"id": "a", "title": "A",
        "items": [{"kpi": "UI02", "desired": "down"}]}]})"),
                         doctest::Contains("desired must be \"lower\" or \"higher\", not \"down\""), InputError);
}

TEST_CASE("attention points: one from each source, ranked, with the section that explains it") {
    ReportModel m;
    m.texts = &project_texts();
    m.sections.resize(3);
    m.sections[0].title = "Jeugdhulp";
    m.sections[1].title = "Kosten";
    m.sections[2].title = "Jeugdbescherming";
    m.sections[2].signals = true;
    KpiBlock notable;
    notable.item.title = "Trajecten langer dan de norm";
    notable.item.style = ValueStyle::percent;
    notable.value = {35.0, 35.0, 100.0};
    notable.control_lower = 8.0;
    notable.control_upper = 32.0;
    notable.notable_rise = true;
    KpiBlock off;
    off.item.title = "Uitval";
    off.item.headline = true;
    off.item.style = ValueStyle::percent;
    off.value = {21.8, 218.0, 1000.0};
    off.target = Target{15.0, Direction::lower_is_better};
    off.status = TargetStatus::off_target;
    m.sections[0].blocks = {notable, off};
    KpiBlock cost;
    cost.item.title = "Kosten per jongere";
    cost.item.style = ValueStyle::euro;
    cost.item.decimals = 0;
    cost.value = {358.0, 358.0, 1.0, true};
    KpiBlock waits;
    waits.item.kpi = "WL02";
    waits.rows = {{"provider=A", "Zorg A", {150.0, 150.0, std::nullopt}, {}, {}},
                  {"provider=B", "Zorg B", {90.0, 90.0, std::nullopt}, {}, {}}};
    m.sections[1].blocks = {cost, waits};
    KpiBlock stagnation;
    stagnation.item.title = "Stagnatie";
    m.sections[2].blocks = {stagnation};
    m.signalled = {{"M1", "ots", "2024-01-01", {"stagnation"}}};
    const auto points = attention_points(m);
    REQUIRE(points.size() == 5);
    CHECK(points[0].text == "Uitval: 21,8% tegen een doel van 15,0%, niet op doel");
    CHECK(points[0].section == "Jeugdhulp");
    CHECK(points[1].text == "Trajecten langer dan de norm: 35,0%, een opvallende stijging: boven de grenzen van de zeven "
                            "kwartalen ervoor (8,0% tot 32,0%)");
    CHECK(points[2].text.rfind("Kosten per jongere: €\u00A0358 (voorlopig); nog niet alle facturen zijn binnen", 0) == 0);
    CHECK(points[3].text == "Wachttijd langer dan vier maanden bij Zorg A (150 dagen)");
    CHECK(points[3].section == "Kosten");
    CHECK(points[4].text.rfind("1 maatregel heeft een signaal", 0) == 0);
    CHECK(points[4].section == "Jeugdbescherming");
}

TEST_CASE("judgement: the summary colours a judgement by the judgement itself, beside its word") {
    const auto& run = small_demo_run();
    for (const std::string& page : {(run.public_folder() / "GM0505-dordrecht" / "index.html").string(),
                                   (run.internal_folder() / "GM0505-dordrecht" / "samen-sturen-2025-Q3-GM0505.html").string()}) {
        const std::string html = read_file(page);
        CAPTURE(page);
        // Every judged word carries its class, and no class stands on another word.
        size_t coloured = 0;
        for (const char* cls : {"better", "worse"})
            for (size_t at = 0; (at = html.find(std::string("<td class=\"") + cls + "\">", at)) != std::string::npos; ++at) {
                const size_t text = html.find('>', at) + 1;
                const std::string word = html.substr(text, html.find('<', text) - text);
                CHECK(word == (std::string(cls) == "better" ? "beter" : "slechter"));
                ++coloured;
            }
        size_t words = 0;
        for (const char* word : {">beter</td>", ">slechter</td>"})
            for (size_t at = 0; (at = html.find(word, at)) != std::string::npos; ++at) ++words;
        CHECK(coloured == words);
        CHECK(coloured > 0);
    }
}
