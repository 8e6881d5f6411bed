// Report definitions are data: templates/*.json parse into sections and items, and a broken
// definition is refused with a message that names the file, the section and the item.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/errors.hpp"
#include "kpi/kpi_definition.hpp"
#include "report/report_definition.hpp"

using namespace ss;

namespace {
const std::string source_dir = SAMEN_STUREN_SOURCE_DIR;

std::string error_of(const std::string& json) {
    try {
        parse_report_definition("test.json", json);
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}
} // namespace

TEST_CASE("report definition: items carry KPI, breakdown, chart, format and texts") {
    const auto def = parse_report_definition("t.json", R"({"kind": "samen-sturen", "title": "Samen Sturen",
      "sections": [{"id": "a", "title": "A", "intro": "In", "signals": true, "items": [
        {"kpi": "JH01", "chart": "trend", "decimals": 1, "headline": true, "unit": "per 1.000"},
        {"kpi": "JH03", "breakdown": "referrer", "chart": "bars", "format": "percent", "decimals": 2},
        {"kpi": "WL01", "region_level": true, "format": "euro"}]}]})");
    REQUIRE(def.sections.size() == 1);
    const auto& s = def.sections[0];
    CHECK(s.signals);
    REQUIRE(s.items.size() == 3);
    CHECK(s.items[0].headline);
    CHECK(s.items[0].unit == "per 1.000");
    CHECK(s.items[1].chart == ChartKind::bars);
    CHECK(s.items[1].style == ValueStyle::percent);
    CHECK(s.items[1].decimals == 2);
    CHECK(s.items[2].chart == ChartKind::trend);
    CHECK(s.items[2].region_level);
    CHECK(s.items[2].style == ValueStyle::euro);
}

TEST_CASE("report definition: only KPIs shown over time are computed for the quarters before the report's") {
    const auto report = parse_report_definition("r.json", R"({"kind": "samen-sturen", "title": "R", "sections": [
      {"id": "a", "title": "A", "items": [
        {"kpi": "JH01", "chart": "trend"},
        {"kpi": "JH01", "breakdown": "segment", "chart": "bars"},
        {"kpi": "JH03", "breakdown": "referrer", "chart": "bars"},
        {"kpi": "JB01", "breakdown": "kind", "chart": "stacked_trend"},
        {"kpi": "WL01", "chart": "none"}]}]})");
    const auto letter = parse_report_definition("l.json", R"({"kind": "council", "title": "L", "sections": [
      {"id": "b", "title": "B", "items": [{"kpi": "JB04", "select": "kind=ots", "chart": "none"}]}]})");
    // A total without a chart still shows a year ago (and eight quarters in Excel); a breakdown
    // in bars shows the report quarter only.
    CHECK(kpis_shown_over_time({&report, &letter}) == std::set<std::string>{"JB01", "JB04", "JH01", "WL01"});
    CHECK(kpis_shown_over_time({}).empty());
}

TEST_CASE("report definition: errors name the file, section and item") {
    CHECK(error_of("{") .find("test.json: not valid JSON") == 0);
    CHECK(error_of(R"({"kind": "x", "title": "X", "sections": []})") ==
          "test.json: 'sections' must be a list with at least one section");
    CHECK(error_of(R"({"kind": "x", "title": "X", "sections": [{"id": "a", "title": "A", "items": [{"chart": "trend"}]}]})") ==
          "test.json: section 1 (a), item 1: 'kpi' is missing");
    CHECK(error_of(R"({"kind": "x", "title": "X", "sections": [{"id": "a", "title": "A", "items": [{"kpi": "JH01", "chart": "pie"}]}]})") ==
          "test.json: section 1 (a), item 1: chart 'pie' is not none, trend, bars, columns, stacked_trend or funnel");
    CHECK(error_of(R"({"kind": "x", "title": "X", "sections": [{"id": "a", "title": "A", "items": [{"kpi": "JH03", "chart": "bars"}]}]})") ==
          "test.json: section 1 (a), item 1: chart 'bars' needs a 'breakdown' (segment, kind, …)");
    CHECK(error_of(R"({"kind": "x", "title": "X", "sections": [{"id": "a", "title": "A", "items": [{"kpi": "JH01", "format": "pct"}]}]})") ==
          "test.json: section 1 (a), item 1: format 'pct' is not number, percent or euro");
    CHECK(error_of(R"({"title": "X", "sections": [{"id": "a", "title": "A"}]})") == "test.json: 'kind' is missing");
}

TEST_CASE("report definition: the shipped Samen Sturen report names only KPIs that have a query") {
    const auto def = load_report_definition(source_dir + "/templates/samen-sturen.json");
    const auto kpis = load_kpi_queries(source_dir + "/queries");
    int items = 0;
    for (const auto& s : def.sections)
        for (const auto& item : s.items) {
            ++items;
            const bool known = std::any_of(kpis.begin(), kpis.end(), [&](const KpiDefinition& k) { return k.id == item.kpi; });
            CHECK_MESSAGE(known, item.kpi);
        }
    // Every KPI of the catalogue is in the report (kpis.md; GI01-GI03 belong to the GI benchmark, the
    // TR KPIs to the region's transparency table).
    for (const auto& k : kpis) {
        if (k.id.rfind("GI", 0) == 0 || k.id.rfind("TR", 0) == 0) continue;
        bool shown = false;
        for (const auto& s : def.sections)
            for (const auto& item : s.items) shown = shown || item.kpi == k.id;
        CHECK_MESSAGE(shown, k.id << " is not in the Samen Sturen report");
    }
    CHECK(items >= 25);
}

TEST_CASE("report definition: a breakdown in words names providers and municipalities and each part of a cell") {
    const auto labels = parse_code_labels("l.json", R"({"dimension": {"intensity": "intensiteit", "goal": "doel",
                                                                     "end_reason": "reden van einde"},
                                                       "intensity": {"duurzaam": "Duurzaam"},
                                                       "goal": {"education": "Onderwijs"},
                                                       "end_reason": {"no_show": "Niet meer verschenen"}})");
    const std::map<std::string, std::string> providers{{"P-NL-2", "Stichting Het Anker"}};
    const std::vector<Scope> scopes{{ScopeType::region, "JZ39", "Zuidoost-Brabant", "", ""},
                                    {ScopeType::municipality, "GM0772", "Eindhoven", "JZ39", "Zuidoost-Brabant"}};
    const DataNames names{&providers, &scopes};
    // One part: the name or label alone, as the report's own breakdown rows show it.
    CHECK(breakdown_words(labels, names, "provider=P-NL-2") == "Stichting Het Anker");
    CHECK(breakdown_words(labels, names, "municipality=GM0772") == "Eindhoven");
    CHECK(breakdown_words(labels, names, "municipality=GM9999") == "GM9999"); // unknown to the data: the code
    CHECK(breakdown_words(labels, names, "intensity=duurzaam") == "Duurzaam");
    CHECK(breakdown_words(labels, names, "profile=6") == "profiel 6");
    // A cell of the transparency table: every part in words, each labelled code with its dimension.
    CHECK(breakdown_words(labels, names, "provider=P-NL-2,profile=6,intensity=duurzaam,end_reason=no_show") ==
          "Stichting Het Anker; profiel 6; intensiteit: Duurzaam; reden van einde: Niet meer verschenen");
    CHECK(breakdown_words(labels, names, "provider=P-X,profile=,intensity=duurzaam,goal=education") ==
          "P-X; geen profiel; intensiteit: Duurzaam; doel: Onderwijs");
    CHECK(breakdown_words(labels, names, "no key") == "no key");
}

TEST_CASE("report definition: code labels keep the file's order and fall back to the code") {
    const auto labels = parse_code_labels("l.json", R"({"kind": {"ots": "OTS", "jr": "Jeugdreclassering"}})");
    CHECK(breakdown_words(labels, {}, "kind=jr") == "Jeugdreclassering");
    CHECK(breakdown_words(labels, {}, "kind=xx") == "xx");
    CHECK(breakdown_words(labels, {}, "segment=4") == "4");
    CHECK(breakdown_order(labels, "kind=ots") == 0);
    CHECK(breakdown_order(labels, "kind=jr") == 1);
    CHECK(breakdown_order(labels, "kind=xx") == 2);
    CHECK_THROWS_WITH_AS(parse_code_labels("l.json", R"({"kind": ["ots"]})"), "l.json: 'kind' must map codes to labels",
                         InputError);
}
