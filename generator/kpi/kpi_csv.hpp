// The long form of kpis.md as CSV (`kpis.csv`): one row per KPI value, full precision.
#pragma once

#include <string>
#include <vector>

#include "kpi/kpi_engine.hpp"

namespace ss {

/// Header `quarter,scope_type,scope_code,kpi_id,breakdown,numerator,denominator,value`; `,` as
/// delimiter, `.` as decimal separator, numbers unrounded (shortest exact form), empty for none.
std::string kpis_csv(const std::vector<KpiValue>& values);

/// A number as kpis.csv writes it: shortest text that reads back to the same double.
std::string exact_number(double value);

} // namespace ss
