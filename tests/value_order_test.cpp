// The order of a quarter's KPI values: the ranked sort gives what a stable sort on the four key
// strings gives, equal keys in the order they came.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "kpi/value_order.hpp"

using namespace ss;

TEST_CASE("value order: by scope type, scope code, KPI and breakdown, equal keys as they came") {
    std::mt19937 random(7);
    const auto pick = [&](std::initializer_list<const char*> choices) {
        return std::string(*(choices.begin() + random() % choices.size()));
    };
    std::vector<KpiValue> values;
    for (int i = 0; i < 5000; ++i) {
        KpiValue v;
        v.quarter = "2025-Q4";
        v.scope_type = pick({"municipality", "region", "gi"});
        v.scope_code = pick({"GM0001", "GM0010", "GM0002", "JZ01", "JZ01/GI-A", "", "GM0001 "});
        v.kpi_id = pick({"JH01", "JB02", "TR02", "AK01", "JH10"});
        v.breakdown = pick({"", "kind=ots", "kind=uhp", "provider=P-NL-2,profile=6,intensity=duurzaam", "segment=10", "segment=2"});
        v.numerator = i; // tells equal keys apart: their order must be the order they came in
        values.push_back(v);
    }
    // Runs of one scope, as queries give them, beside values of every scope mixed.
    for (int i = 0; i < 300; ++i) values.push_back(values[static_cast<size_t>(i % 40)]);

    std::vector<KpiValue> expected = values;
    std::stable_sort(expected.begin(), expected.end(), [](const KpiValue& a, const KpiValue& b) {
        return std::tie(a.scope_type, a.scope_code, a.kpi_id, a.breakdown) < std::tie(b.scope_type, b.scope_code, b.kpi_id, b.breakdown);
    });
    sort_by_scope(values);
    REQUIRE(values.size() == expected.size());
    for (size_t i = 0; i < values.size(); ++i) {
        CAPTURE(i);
        CHECK(values[i].scope_type == expected[i].scope_type);
        CHECK(values[i].scope_code == expected[i].scope_code);
        CHECK(values[i].kpi_id == expected[i].kpi_id);
        CHECK(values[i].breakdown == expected[i].breakdown);
        CHECK(values[i].numerator == expected[i].numerator);
    }
    CHECK(values.front().scope_type == "gi");

    std::vector<KpiValue> none;
    sort_by_scope(none);
    CHECK(none.empty());
}
