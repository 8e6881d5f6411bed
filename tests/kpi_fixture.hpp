// A measure database built in the test from SQL rows, with every KPI of queries/ computed for one
// quarter, and the look-ups the KPI tests assert on.
#pragma once

#include <doctest/doctest.h>

#include <stdexcept>
#include <tuple>

#include "db/database.hpp"
#include "kpi/kpi_engine.hpp"
#include "test_support.hpp"

namespace ss::test {

/// The queries of queries/ that say `-- fast path: <path>`.
inline std::vector<KpiDefinition> queries_with_fast_path(FastPath path) {
    std::vector<KpiDefinition> fast;
    for (auto& q : load_kpi_queries(query_folder()))
        if (q.fast_path == path) fast.push_back(std::move(q));
    return fast;
}

struct KpiFixture {
    TempDir dir;
    std::unique_ptr<SQLite::Database> db = open_database((dir / "kpi.db").string(), OpenMode::create_or_update);
    std::vector<KpiValue> values;

    /// Runs each SQL text in turn, then computes `quarter` (2025-Q3 unless told). Every fixture
    /// also holds the KPIs counted in C++ (kpi/trajectory_kpis) equal to their queries.
    explicit KpiFixture(const std::vector<std::string>& sql, Quarter quarter = Quarter{2025, 3}) {
        for (const auto& s : sql) db->exec(s);
        const auto queries = load_kpi_queries(query_folder());
        values = compute_kpis(*db, queries, quarter);
        check_same_values(values, compute_kpis(*db, queries, quarter, KpiDetail::full, nullptr, {}, KpiPath::sql));
    }

    /// Every value of `a` and `b` the same, to the bit.
    static void check_same_values(const std::vector<KpiValue>& a, const std::vector<KpiValue>& b) {
        REQUIRE(a.size() == b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            INFO(a[i].quarter << " " << a[i].scope_code << " " << a[i].kpi_id << " " << a[i].breakdown);
            REQUIRE(std::tie(a[i].scope_type, a[i].scope_code, a[i].kpi_id, a[i].breakdown) ==
                    std::tie(b[i].scope_type, b[i].scope_code, b[i].kpi_id, b[i].breakdown));
            CHECK(a[i].numerator == b[i].numerator);
            CHECK(a[i].denominator == b[i].denominator);
            CHECK(a[i].value == b[i].value);
        }
    }
    const KpiValue& get(const std::string& scope, const std::string& kpi, const std::string& breakdown = "") const {
        for (const auto& v : values)
            if (v.scope_code == scope && v.kpi_id == kpi && v.breakdown == breakdown) return v;
        FAIL("no value for " << scope << " " << kpi << " " << breakdown);
        throw std::logic_error("unreachable");
    }
    double value(const std::string& scope, const std::string& kpi, const std::string& breakdown = "") const {
        const auto& v = get(scope, kpi, breakdown);
        REQUIRE_MESSAGE(v.value.has_value(), scope << " " << kpi << " " << breakdown << " has no value");
        return *v.value;
    }
    /// The numerator, or -1 when there is none.
    double numerator(const std::string& scope, const std::string& kpi, const std::string& breakdown = "") const {
        return get(scope, kpi, breakdown).numerator.value_or(-1);
    }
};

} // namespace ss::test
