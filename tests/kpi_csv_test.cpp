// kpis.csv: the long form of kpis.md, exact numbers, empty for no value.
#include <doctest/doctest.h>

#include "kpi/kpi_csv.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

TEST_CASE("kpis.csv: header, exact numbers, and empty fields for no value") {
    const std::vector<KpiValue> values = {
        {"2025-Q3", "municipality", "GM0505", "JH01", "", 1814.0, 21851.0, 1000.0 * 1814 / 21851},
        {"2025-Q3", "region", "JZ31", "JB07", "", 12.0, std::nullopt, 12.0},
        {"2025-Q3", "municipality", "GM0003", "JH03", "referrer=gp", 0.0, 0.0, std::nullopt},
        {"2025-Q3", "region", "JZ31", "UI02", "provider=P,profile=,intensity=acuut", 1.0, 2.0, 50.0},
    };
    const std::string csv = kpis_csv(values);
    CHECK(csv == "quarter,scope_type,scope_code,kpi_id,breakdown,numerator,denominator,value\n"
                 "2025-Q3,municipality,GM0505,JH01,,1814,21851,83.0167955699968\n"
                 "2025-Q3,region,JZ31,JB07,,12,,12\n"
                 "2025-Q3,municipality,GM0003,JH03,referrer=gp,0,0,\n"
                 "2025-Q3,region,JZ31,UI02,\"provider=P,profile=,intensity=acuut\",1,2,50\n");
    // Full precision: the text reads back to exactly the same double.
    CHECK(std::stod(exact_number(1000.0 * 1814 / 21851)) == 1000.0 * 1814 / 21851);
    CHECK(exact_number(0.1 + 0.2) == "0.30000000000000004");
}

TEST_CASE("cli: kpis writes the long form of a quarter for every scope") {
    TempDir dir;
    REQUIRE(run_cli("demo --db '" + (dir / "d.db").string() + "' --scale small").exit_code == 0);
    auto r = run_cli("kpis --db '" + (dir / "d.db").string() + "' --quarter 2025-Q3 --queries '" +
                     std::string(SAMEN_STUREN_SOURCE_DIR) + "/queries'");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("quarter,scope_type,scope_code,kpi_id,breakdown,numerator,denominator,value\n", 0) == 0);
    CHECK(r.out.find("\n2025-Q3,municipality,GM0505,JH01,,") != std::string::npos);
    CHECK(r.out.find("\n2025-Q3,region,JZ31,WL01,,") != std::string::npos);
    CHECK(r.out.find("\n2025-Q3,gi,JZ31/GI-JBW,GI01,,") != std::string::npos);
    CHECK(r.err.find("kpis: ") == 0);
    CHECK(r.err.find("  JH01 ") == std::string::npos);

    // --timings: the seconds of the scope tables and of every query, for profiling.
    auto timed = run_cli("kpis --db '" + (dir / "d.db").string() + "' --quarter 2025-Q3 --timings --queries '" +
                         std::string(SAMEN_STUREN_SOURCE_DIR) + "/queries'");
    REQUIRE(timed.exit_code == 0);
    CHECK(timed.out == r.out);
    for (const char* step : {"\n  scopes ", "\n  GI01 ", "\n  JH01 ", "\n  WL01 "})
        CHECK(timed.err.find(step) != std::string::npos);

    auto bad = run_cli("kpis --db '" + (dir / "d.db").string() + "' --quarter 2025-Q5");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "samen-sturen: --quarter: '2025-Q5' is not a quarter (YYYY-Qn, e.g. 2025-Q3)\n");
    auto missing = run_cli("kpis --db '" + (dir / "none.db").string() + "' --quarter 2025-Q3");
    CHECK(missing.exit_code == 4);
    CHECK(missing.err.find("no such database") != std::string::npos);
}
