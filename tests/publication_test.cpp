// The publication rules of reports.md, applied once to the model (report/publication.cpp): each
// rule at its boundary, secondary suppression in every kind of public table, rule 4 on changes
// and statuses, and public renderers refusing a model that was not published.
#include <doctest/doctest.h>

#include <stdexcept>

#include "render/html_report.hpp"
#include "render/transparency_page.hpp"
#include "report/publication.hpp"

using namespace ss;

namespace {

Figure count(double n) { return {n, n, {}}; }
Figure share(double n, double d) { return {100.0 * n / d, n, d}; }

Suppression primary(const Figure& f, KpiKind kind) { return primary_suppression(f, kind); }

} // namespace

TEST_CASE("publication rule 1: a count from 1 to 4 is <5; 0 and 5 are shown") {
    CHECK(primary(count(0), KpiKind::count) == Suppression::none);
    for (double n : {1.0, 4.0}) CHECK(primary(count(n), KpiKind::count) == Suppression::small_count);
    CHECK(primary(count(5), KpiKind::count) == Suppression::none);
}

TEST_CASE("publication rule 2: shares, means and rates over too few, and shares with a small part") {
    CHECK(primary(share(5, 9), KpiKind::share) == Suppression::small_base);   // denominator 9
    CHECK(primary(share(5, 10), KpiKind::share) == Suppression::none);        // 5 of 10, 5 not
    CHECK(primary(share(1, 14), KpiKind::share) == Suppression::small_base);  // 1 of 14: 7%
    CHECK(primary(share(10, 14), KpiKind::share) == Suppression::small_base); // 4 not: the complement
    CHECK(primary(share(9, 14), KpiKind::share) == Suppression::none);
    CHECK(primary(share(0, 14), KpiKind::share) == Suppression::none);        // 0% and 100% are shown
    CHECK(primary(share(14, 14), KpiKind::share) == Suppression::none);
    CHECK(primary({7.5, 67.5, 9.0}, KpiKind::mean) == Suppression::small_base);
    CHECK(primary({7.5, 75.0, 10.0}, KpiKind::mean) == Suppression::none);
    CHECK(primary({2.0, 2.0, 1000.0}, KpiKind::rate_per_1000) == Suppression::small_base); // 2 children
    CHECK(primary({5.0, 5.0, 1000.0}, KpiKind::rate_per_1000) == Suppression::none);
    CHECK(primary({}, KpiKind::count) == Suppression::none); // no value: nothing to protect
}

TEST_CASE("publication: a suppressed figure forgets its value and counts") {
    Figure f = count(3);
    suppress(f, Suppression::small_count);
    CHECK_FALSE(f.value.has_value());
    CHECK_FALSE(f.numerator.has_value());
    CHECK_FALSE(f.denominator.has_value());
}

TEST_CASE("publication rule 3: one suppressed part of a total takes the next smallest with it") {
    // Placements 20 = OTS 12 + voogdij 5 + JR 3: JR is <5, and would be 20 - 12 - 5.
    Figure total = count(20), ots = count(12), voogdij = count(5), jr = count(3);
    CHECK(protect_group(&total, {&ots, &voogdij, &jr}, KpiKind::count));
    CHECK(jr.suppression == Suppression::small_count);
    CHECK(voogdij.suppression == Suppression::secondary); // the smallest shown part
    CHECK(ots.suppression == Suppression::none);
    CHECK(total.suppression == Suppression::none);
}

TEST_CASE("publication rule 3: a suppressed total with all its parts shown loses a part too") {
    // A share over 9 cases, its two parts over 30 and 40: the total's counts are the parts' sum.
    Figure total = share(3, 9), a = share(10, 30), b = share(20, 40);
    protect_group(&total, {&a, &b}, KpiKind::share);
    CHECK(total.suppression == Suppression::small_base);
    CHECK(a.suppression == Suppression::secondary); // the smaller base
    CHECK(b.suppression == Suppression::none);
}

TEST_CASE("publication rule 3: two suppressed parts need nothing more; a lone part under its total takes the total") {
    Figure total = count(30), a = count(2), b = count(3), c = count(25);
    protect_group(&total, {&a, &b, &c}, KpiKind::count);
    CHECK(c.suppression == Suppression::none);
    CHECK(total.suppression == Suppression::none);
    Figure only_total = count(3), only = count(3);
    protect_group(&only_total, {&only}, KpiKind::count);
    CHECK(only.suppression == Suppression::small_count);
    CHECK(only_total.suppression == Suppression::small_count);
    // Parts side by side with no total shown: nothing adds up, nothing more to suppress.
    Figure x = count(2), y = count(40), z = count(50);
    protect_group(nullptr, {&x, &y, &z}, KpiKind::count);
    CHECK(y.suppression == Suppression::none);
}

TEST_CASE("publication: a region's municipalities side by side protect each other") {
    ReportModel m;
    Comparison cmp;
    cmp.kind = KpiKind::count;
    cmp.region = count(100);
    cmp.municipalities = {{"GM1", "Groot", count(60)}, {"GM2", "Middel", count(37)}, {"GM3", "Klein", count(3)}};
    m.comparisons.push_back(cmp);
    const ReportModel p = publish(m);
    CHECK(p.published);
    CHECK(p.comparisons[0].municipalities[2].figure.suppression == Suppression::small_count);
    CHECK(p.comparisons[0].municipalities[1].figure.suppression == Suppression::secondary); // 100 - 60 - 3 = 37
    CHECK(p.comparisons[0].municipalities[0].figure.value == 60);
}

TEST_CASE("publication rule 4: no rise or fall and no status for a suppressed value or year ago") {
    KpiBlock b;
    b.kind = KpiKind::count;
    b.value = count(7);
    b.year_ago = count(3);
    b.change = Change::rises;
    b.status = TargetStatus::on_target;
    publish_block(b);
    CHECK(b.year_ago.suppression == Suppression::small_count);
    CHECK_FALSE(b.change.has_value());
    CHECK(b.status == TargetStatus::on_target); // the value itself is shown: its status stands
    KpiBlock c;
    c.kind = KpiKind::count;
    c.value = count(2);
    c.year_ago = count(9);
    c.change = Change::falls;
    c.status = TargetStatus::off_target;
    publish_block(c);
    CHECK_FALSE(c.change.has_value());
    CHECK_FALSE(c.status.has_value());
}

TEST_CASE("publication: a breakdown's rows, its region rows and each quarter of its trend are tables") {
    KpiBlock b;
    b.kind = KpiKind::count;
    b.value = count(20);
    b.region = count(200);
    b.trend = {count(18), count(20)};
    b.rows = {{"kind=ots", "OTS", count(16), count(150), {count(15), count(16)}},
              {"kind=jr", "Jeugdreclassering", count(4), count(50), {count(3), count(4)}}};
    publish_block(b);
    CHECK(b.rows[1].scope.suppression == Suppression::small_count);
    CHECK(b.rows[0].scope.suppression == Suppression::secondary); // 20 - 4 would give it away
    CHECK(b.rows[0].region.suppression == Suppression::none);
    CHECK(b.rows[1].trend[0].suppression == Suppression::small_count);
    CHECK(b.rows[0].trend[0].suppression == Suppression::secondary);
}

TEST_CASE("publication: the transparency table's provider rows and their intensity rows") {
    auto row = [](TransparencyLevel level, const std::string& provider, const std::string& intensity, double n, double drop) {
        TransparencyRow r;
        r.level = level;
        r.provider_id = provider;
        r.intensity = intensity;
        r.ended = count(n);
        r.dropout = share(drop, n);
        r.goals.resize(goal_keys().size());
        return r;
    };
    ReportModel m;
    m.transparency = {row(TransparencyLevel::provider, "P1", "", 40, 10),
                      row(TransparencyLevel::provider_intensity, "P1", "licht", 37, 9),
                      row(TransparencyLevel::provider_intensity, "P1", "zwaar", 3, 1)};
    const ReportModel p = publish(m);
    CHECK(p.transparency[2].ended.suppression == Suppression::small_count);
    CHECK(p.transparency[1].ended.suppression == Suppression::secondary); // 40 - 3
    CHECK(p.transparency[2].dropout.suppression == Suppression::small_base);
    CHECK(p.transparency[1].dropout.suppression == Suppression::secondary);
    CHECK(p.transparency[0].dropout.value.has_value());
}

TEST_CASE("publication: case-level lists never reach a published model; public renderers refuse a raw one") {
    ReportModel m;
    m.signalled = {{"M1", "ots", "2024-01-01", {"stagnation"}}};
    CHECK(publish(m).signalled.empty());
    CHECK_THROWS_AS(render_transparency_html(m, HtmlTemplates{}), std::logic_error);
    CHECK_THROWS_AS(render_report_html(m, HtmlTemplates{}, {}, Audience::published), std::logic_error);
}

TEST_CASE("publication: a municipality hidden beside its region's others is hidden on its own page too") {
    // Region R: Groot 60, Middel 37, Klein 3 new measures. On the region's page Klein is <5 and
    // Middel goes with it (100 - 60 - 3 = 37); Middel's own page must not show 37 either.
    ReportDefinition definition = parse_report_definition("t.json", R"({"kind": "samen-sturen", "title": "S",
      "sections": [{"id": "a", "title": "A", "items": [{"kpi": "JB02", "headline": true, "chart": "none"}]}]})");
    std::vector<Scope> scopes{{ScopeType::region, "R", "Regio", "R", "Regio"},
                              {ScopeType::municipality, "GM1", "Groot", "R", "Regio"},
                              {ScopeType::municipality, "GM2", "Middel", "R", "Regio"},
                              {ScopeType::municipality, "GM3", "Klein", "R", "Regio"}};
    KpiTable table;
    table.add({{"2025-Q3", "region", "R", "JB02", "", 100, {}, 100},
               {"2025-Q3", "municipality", "GM1", "JB02", "", 60, {}, 60},
               {"2025-Q3", "municipality", "GM2", "JB02", "", 37, {}, 37},
               {"2025-Q3", "municipality", "GM3", "JB02", "", 3, {}, 3}});
    ReportContext c;
    c.definition = &definition;
    c.kpis["JB02"] = {.id = "JB02", .name = "nieuwe maatregelen", .kind = KpiKind::count, .file = "JB02.sql"};
    c.values = &table;
    c.scopes = &scopes;
    c.quarter = Quarter{2025, 3};
    const PublicationDecisions decisions = side_by_side_decisions(c);
    CHECK(decisions.at("GM3|JB02|") == Suppression::small_count);
    CHECK(decisions.at("GM2|JB02|") == Suppression::secondary);
    CHECK(decisions.count("GM1|JB02|") == 0);

    const ReportModel middel = publish(build_report(c, scopes[2], {}, {}), decisions);
    const KpiBlock& b = middel.sections[0].blocks[0];
    CHECK(b.value.suppression == Suppression::secondary);
    CHECK_FALSE(b.value.value.has_value());
    CHECK(b.trend.back().suppression == Suppression::secondary); // the chart's last point too
    const ReportModel region = publish(build_report(c, scopes[0], {}, {}), decisions);
    REQUIRE(region.comparisons.size() == 1);
    for (const auto& m : region.comparisons[0].municipalities)
        CHECK((m.code == "GM1") == (m.figure.suppression == Suppression::none));
    const ReportModel groot = publish(build_report(c, scopes[1], {}, {}), decisions);
    CHECK(groot.sections[0].blocks[0].value.value == 60);
}
