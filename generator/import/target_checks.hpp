// Checks of the rows that name a KPI (kpi_targets.csv, notes.csv) against the KPI catalogue, which
// is the headers of queries/*.sql: a KPI exists when its query file does (kpis.md, "Targets").
#pragma once

#include <vector>

#include "import/delivery.hpp"
#include "kpi/kpi_definition.hpp"

namespace ss {

/// A target's KPI and breakdown must be written by a query; a share's target lies within 0-100;
/// no target is negative. A note's KPI, when given, must exist.
void check_kpi_rows(const Delivery& delivery, const std::vector<KpiDefinition>& kpis, std::vector<Issue>& issues);

} // namespace ss
