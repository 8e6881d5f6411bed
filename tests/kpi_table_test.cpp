// The report builder's look-up table: values by quarter, scope, KPI and breakdown; tables built
// per quarter by the SQL workers and merged give what one table of all values gives.
#include <doctest/doctest.h>

#include "report/kpi_table.hpp"

using namespace ss;

namespace {

KpiValue value(const std::string& quarter, const std::string& scope, const std::string& kpi, const std::string& breakdown,
               double numerator) {
    return {quarter, "municipality", scope, kpi, breakdown, numerator, 10.0, numerator / 10.0};
}

} // namespace

TEST_CASE("kpi table: quarters built apart and merged look up as one table, a later value replacing an earlier one") {
    const std::vector<KpiValue> q3{value("2025-Q3", "GM0001", "JB02", "", 3), value("2025-Q3", "GM0001", "JB02", "kind=ots", 2),
                                   value("2025-Q3", "GM0001", "JB02", "kind=uhp", 1)};
    const std::vector<KpiValue> q2{value("2025-Q2", "GM0001", "JB02", "", 5), value("2025-Q2", "GM0002", "JB02", "kind=ots", 4)};
    KpiTable whole;
    whole.add(q3);
    whole.add(q2);

    KpiTable merged, second;
    merged.add(q3);
    second.add(q2);
    second.add(value("2025-Q3", "GM0001", "JB02", "kind=vots", 7)); // a quarter both tables have
    second.add(value("2025-Q3", "GM0001", "JB02", "", 9));          // replaces the first table's 3
    merged.merge(std::move(second));

    CHECK(merged.size() == whole.size() + 1);
    CHECK(*merged.get("2025-Q2", ScopeType::municipality, "GM0001", "JB02").numerator == 5);
    CHECK(*merged.get("2025-Q2", ScopeType::municipality, "GM0002", "JB02", "kind=ots").value == 0.4);
    CHECK(*merged.get("2025-Q3", ScopeType::municipality, "GM0001", "JB02").numerator == 9);
    CHECK_FALSE(merged.get("2025-Q1", ScopeType::municipality, "GM0001", "JB02").value.has_value()); // no such quarter
    CHECK_FALSE(merged.get("2025-Q3", ScopeType::region, "GM0001", "JB02").value.has_value());      // no such scope
    // Breakdowns in the order they came, the merged quarter's new one after the others.
    CHECK(merged.breakdowns("2025-Q3", ScopeType::municipality, "GM0001", "JB02", "kind") ==
          std::vector<std::string>{"kind=ots", "kind=uhp", "kind=vots"});
    CHECK(whole.breakdowns("2025-Q2", ScopeType::municipality, "GM0002", "JB02", "kind") == std::vector<std::string>{"kind=ots"});
    CHECK(merged.breakdowns("2025-Q2", ScopeType::municipality, "GM0002", "JB02", "kind") == std::vector<std::string>{"kind=ots"});
}
