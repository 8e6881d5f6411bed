// The report model of a scope follows from the KPI values alone: this quarter, the region beside
// it, a year ago, the eight-quarter trend with gaps, targets and breakdown rows in label order.
#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "render/block_charts.hpp"
#include "report/report_builder.hpp"
#include "report/report_text.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

KpiValue value(const std::string& quarter, const std::string& type, const std::string& code, const std::string& kpi,
               const std::string& breakdown, std::optional<double> n, std::optional<double> d, std::optional<double> v) {
    return {quarter, type, code, kpi, breakdown, n, d, v};
}

struct Fixture {
    ReportDefinition definition = parse_report_definition("t.json", R"({"kind": "samen-sturen", "title": "Samen Sturen",
      "sections": [{"id": "a", "title": "A", "items": [
        {"kpi": "JH01", "headline": true},
        {"kpi": "JB02", "breakdown": "kind", "chart": "bars", "decimals": 0},
        {"kpi": "WL01", "region_level": true, "decimals": 0}]}]})");
    CodeLabels labels = parse_code_labels("l.json", R"({"kind": {"ots": "OTS", "uhp": "Uithuisplaatsing", "jr": "Jeugdreclassering"}})");
    KpiTable table;
    ReportContext context;
    Scope town{ScopeType::municipality, "GM0001", "Aadorp", "R1", "Regio Een"};
    Scope region{ScopeType::region, "R1", "Regio Een", "R1", "Regio Een"};

    Fixture() {
        std::vector<KpiValue> values;
        // JH01 in six of the eight quarters 2023-Q4 … 2025-Q3: 2024-Q2 and 2024-Q3 are missing.
        const char* quarters[] = {"2023-Q4", "2024-Q1", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"};
        double n = 90;
        for (const char* q : quarters) {
            values.push_back(value(q, "municipality", "GM0001", "JH01", "", n, 1000, n));
            values.push_back(value(q, "region", "R1", "JH01", "", 2 * n, 4000, n / 2));
            n += 1;
        }
        values.push_back(value("2024-Q3", "region", "R1", "JH01", "", 150, 4000, 37.5));
        values.push_back(value("2024-Q3", "municipality", "GM0001", "JH01", "", 80, 1000, 80)); // a year ago
        // Breakdown rows come in query order (alphabetical); the report lists them in label order.
        for (const auto& [kind, count] : std::vector<std::pair<std::string, double>>{{"jr", 1}, {"ots", 7}, {"uhp", 2}}) {
            values.push_back(value("2025-Q3", "municipality", "GM0001", "JB02", "kind=" + kind, count, {}, count));
            values.push_back(value("2025-Q3", "region", "R1", "JB02", "kind=" + kind, 10 * count, {}, 10 * count));
        }
        values.push_back(value("2025-Q3", "region", "R1", "WL01", "", 3, {}, 3));
        table.add(values);
        context.definition = &definition;
        context.labels = &labels;
        context.texts = &project_texts();
        context.kpis["JH01"] = {.id = "JH01", .name = "jongeren in jeugdhulp per 1.000", .kind = KpiKind::rate_per_1000, .file = "JH01.sql"};
        context.kpis["JB02"] = {.id = "JB02", .name = "nieuwe maatregelen", .kind = KpiKind::count, .file = "JB02.sql"};
        context.kpis["WL01"] = {.id = "WL01", .name = "lange wachttijden", .kind = KpiKind::count, .file = "WL01.sql"};
        context.values = &table;
        context.targets[{.kpi_id = "JH01", .scope_code = "GM0001"}] = Target{90, Direction::lower_is_better};
        context.quarter = Quarter{2025, 3};
        context.delivered_on = "2025-10-05";
    }
};

} // namespace

TEST_CASE("report builder: the trend is eight quarters ending with the report quarter") {
    const auto q = trend_quarters(Quarter{2025, 3});
    REQUIRE(q.size() == 8);
    CHECK(q.front().code() == "2023-Q4");
    CHECK(q.back().code() == "2025-Q3");
}

TEST_CASE("report builder: a total block has its value, region, year ago, change and target status") {
    Fixture f;
    const auto model = build_report(f.context, f.town, {}, {});
    REQUIRE(model.sections.size() == 1);
    const KpiBlock& b = model.sections[0].blocks[0];
    CHECK(b.item.title == "jongeren in jeugdhulp per 1.000"); // the query's name when the item has no title
    CHECK(*b.value.value == 95);
    CHECK(*b.value.numerator == 95);
    CHECK(*b.value.denominator == 1000);
    CHECK(*b.region.value == 47.5);
    CHECK(*b.year_ago.value == 80);
    CHECK(b.change == Change::rises);
    REQUIRE(b.target.has_value());
    CHECK(b.status == TargetStatus::near); // 95 misses 90 by 5, within 10% of the target
    REQUIRE(b.trend.size() == 8);
    CHECK(*b.trend[0].value == 90);
    CHECK_FALSE(b.trend[2].value.has_value()); // 2024-Q2 is missing: a gap, not a zero
    CHECK(*b.trend[3].value == 80);
    CHECK(*b.region_trend[3].value == 37.5);
    CHECK(model.delivered_on == "2025-10-05");
    CHECK(model.author == "Regio Een");
    REQUIRE(headline_blocks(model).size() == 1);
}

TEST_CASE("report builder: breakdown rows follow the labels' order, with the region beside them") {
    Fixture f;
    const auto model = build_report(f.context, f.town, {}, {});
    const KpiBlock& b = model.sections[0].blocks[1];
    REQUIRE(b.rows.size() == 3);
    CHECK(b.rows[0].label == "OTS");
    CHECK(*b.rows[0].scope.value == 7);
    CHECK(*b.rows[0].region.value == 70);
    CHECK(b.rows[1].label == "Uithuisplaatsing");
    CHECK(b.rows[2].label == "Jeugdreclassering");
}

TEST_CASE("report builder: a municipality's count is not drawn against its region's count; a rate is") {
    Fixture f;
    const auto model = build_report(f.context, f.town, {}, {});
    const KpiBlock& rate = model.sections[0].blocks[0];  // JH01 per 1.000
    const KpiBlock& count = model.sections[0].blocks[1]; // JB02: 7 OTS here, 70 in the region
    CHECK(trend_chart_of(model, rate).series.size() == 2);
    const BarChart counts = bar_chart_of(model, count);
    REQUIRE(counts.series.size() == 1);
    CHECK(counts.series[0].label == "Aadorp");
    CHECK(chart_alt_text(model, count, AltValues::every_value).find("Regio Een") == std::string::npos);
    CHECK(count.rows[0].region.value == 70.0); // the region's count stays in the tables
}

TEST_CASE("report builder: a region-level KPI shows the region's figure in a municipality's report") {
    Fixture f;
    const auto model = build_report(f.context, f.town, {}, {});
    const KpiBlock& b = model.sections[0].blocks[2];
    CHECK(*b.value.value == 3);
    CHECK(b.region_trend.empty()); // no second line: the figure is the region's already
}

TEST_CASE("report builder: a region's own report has no region beside it") {
    Fixture f;
    const auto model = build_report(f.context, f.region, {}, {});
    const KpiBlock& b = model.sections[0].blocks[0];
    CHECK(*b.value.value == 47.5);
    CHECK_FALSE(b.region.value.has_value());
    CHECK(b.region_trend.empty());
    CHECK_FALSE(b.target.has_value()); // the target is the municipality's
    CHECK_FALSE(compares_with_region(model));
}

TEST_CASE("report builder: a scope without any values gets empty figures, not errors") {
    Fixture f;
    const auto model = build_report(f.context, Scope{ScopeType::municipality, "GM0009", "Leeg", "R1", "Regio Een"}, {}, {});
    const KpiBlock& b = model.sections[0].blocks[0];
    CHECK_FALSE(b.value.value.has_value());
    CHECK_FALSE(b.change.has_value());
    CHECK_FALSE(b.status.has_value());
    CHECK(model.sections[0].blocks[1].rows.empty());
}

TEST_CASE("report builder: a definition naming a KPI without a query file is refused") {
    Fixture f;
    f.context.kpis.erase("WL01");
    CHECK_THROWS_WITH_AS(build_report(f.context, f.town, {}, {}), "t.json: KPI WL01 has no query file in queries/",
                         InputError);
}

TEST_CASE("report builder: the transparency table gathers TR01-TR04 per row, providers first") {
    const std::vector<KpiValue> rows{
        value("2025-Q3", "region", "R1", "TR02", "provider=P1,profile=3,intensity=intensief", 2, 20, 10),
        value("2025-Q3", "region", "R1", "TR02", "provider=P1,profile=3,intensity=intensief,end_reason=no_show", 1, 20, 5),
        value("2025-Q3", "region", "R1", "TR01", "provider=P1,profile=3,intensity=intensief,respondent=youth", 140, 20, 7),
        value("2025-Q3", "region", "R1", "TR01", "provider=P1,profile=3,intensity=intensief,respondent=parent", 90, 12, 7.5),
        value("2025-Q3", "region", "R1", "TR03", "provider=P1,profile=3,intensity=intensief,goal=family_balance", 6, 12, 50),
        value("2025-Q3", "region", "R1", "TR04", "provider=P1,profile=3,intensity=intensief", 40000, 20, 2000),
        value("2025-Q3", "region", "R1", "TR02", "provider=P1", 3, 24, 12.5),
        value("2025-Q3", "region", "R1", "TR02", "provider=P1,intensity=intensief", 2, 20, 10),
        value("2025-Q3", "region", "R1", "TR02", "profile=", 0, 4, 0),
        value("2025-Q3", "region", "R1", "TR02", "intensity=intensief", 2, 20, 10),
        value("2025-Q3", "region", "R1", "TR02", "provider=P0,profile=,intensity=duurzaam", 0, 4, 0),
        value("2025-Q3", "region", "R1", "UI02", "", 30, 300, 10)}; // the region's own total: not a row
    const auto table = transparency_rows(rows, {{"P1", "Aanbieder Een"}});
    REQUIRE(table.size() == 6);
    CHECK(table[0].level == TransparencyLevel::provider);
    CHECK(table[0].provider_name == "Aanbieder Een");
    CHECK(*table[0].dropout.denominator == 24);
    CHECK_FALSE(table[0].has_profile);
    CHECK(table[1].level == TransparencyLevel::provider_intensity);
    CHECK(table[1].intensity == "intensief");
    CHECK(table[2].level == TransparencyLevel::profile);
    CHECK(table[2].has_profile);
    CHECK(table[2].profile.empty()); // trajectories without a profile
    CHECK(table[3].level == TransparencyLevel::intensity);
    CHECK(table[3].provider_id.empty());
    const TransparencyRow& cell = table[4].provider_id == "P1" ? table[4] : table[5];
    CHECK(cell.level == TransparencyLevel::cell);
    CHECK(cell.profile == "3");
    CHECK(*cell.dropout.value == 10);
    CHECK(*cell.youth.value == 7);
    CHECK(*cell.parent.value == 7.5);
    CHECK(*cell.goals[1].value == 50);
    CHECK(*cell.cost.value == 2000);
    CHECK_FALSE(cell.goals[0].value.has_value());
    CHECK(table[4].provider_name == "Aanbieder Een"); // cells sort by provider name: "Aanbieder Een" before "P0"
    CHECK(table[5].provider_name == "P0");            // no name known: the id
    const auto cells = transparency_cells(table[2]);
    CHECK(cells[0] == "Alle aanbieders");
    CHECK(cells[1] == "geen profiel");
    CHECK(cells[2] == "alle");
}

TEST_CASE("report builder: a region's report lists its municipalities high to low per headline") {
    Fixture f;
    std::vector<Scope> scopes{f.town, Scope{ScopeType::municipality, "GM0002", "Beedorp", "R1", "Regio Een"},
                              Scope{ScopeType::municipality, "GM0003", "Ceedorp", "R2", "Regio Twee"}, f.region};
    f.table.add({value("2025-Q3", "municipality", "GM0002", "JH01", "", 120, 1000, 120)});
    f.context.scopes = &scopes;
    const auto model = build_report(f.context, f.region, {}, {});
    REQUIRE(model.comparisons.size() == 1);
    const auto& cmp = model.comparisons[0];
    REQUIRE(cmp.municipalities.size() == 2); // Ceedorp lies in another region
    CHECK(cmp.municipalities[0].name == "Beedorp");
    CHECK(*cmp.municipalities[0].figure.value == 120);
    CHECK(cmp.municipalities[1].name == "Aadorp");
    CHECK(*cmp.region.value == 47.5);
}

TEST_CASE("report builder: a measure with several signals is listed once, with all of them") {
    const std::vector<Signal> signals{{"stagnation", "M2", "ots", "2023-01-05"},
                                      {"skj_expired", "M1", "uhp", "2024-02-01"},
                                      {"skj_expired", "M2", "ots", "2023-01-05"},
                                      {"stagnation", "M2", "ots", "2023-01-05"}};
    const auto measures = signalled_measures(signals);
    REQUIRE(measures.size() == 2);
    CHECK(measures[0].measure_id == "M1");
    CHECK(measures[0].signals == std::vector<std::string>{"skj_expired"});
    CHECK(measures[1].measure_id == "M2");
    CHECK(measures[1].signals == std::vector<std::string>{"stagnation", "skj_expired"});

    Fixture f;
    f.labels = parse_code_labels("l.json", R"({"signal": {"stagnation": "Stagnatie: voortgang niet verbeterd",
                                                          "skj_expired": "SKJ-registratie verlopen"}})");
    const auto model = build_report(f.context, f.town, signals, {});
    const auto rows = signal_rows(model);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1][3] == "Stagnatie: voortgang niet verbeterd; SKJ-registratie verlopen");
    CHECK(signal_counts_text(model) == "2 maatregelen hebben een signaal (2 × SKJ-registratie verlopen; "
                                       "1 × stagnatie: voortgang niet verbeterd); de lijst staat in de bijlage");
}
