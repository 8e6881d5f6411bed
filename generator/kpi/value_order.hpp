// The order of a quarter's KPI values: by scope, KPI and breakdown, the order kpis.csv lists them
// in and the run splits them into scope folders by.
#pragma once

#include <vector>

#include "kpi/kpi_engine.hpp"

namespace ss {

/// Sorts `values` by (scope_type, scope_code, kpi_id, breakdown); values with equal keys keep the
/// order they came in (as std::stable_sort on those four fields would leave them).
void sort_by_scope(std::vector<KpiValue>& values);

} // namespace ss
