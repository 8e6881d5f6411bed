// Provisional cost figures (kpis.md, "Data completeness"): while too few of a quarter's cost
// records have an actual amount, the cost KPIs of that scope and quarter are marked provisional,
// so that no output tells a fall in costs that is only invoices still to come.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/kpi_engine.hpp"

namespace ss {

/// templates/data-completeness.json: the DQ01 threshold and which KPIs rest on which cost records.
struct CompletenessRule {
    double threshold = 95.0;                      ///< DQ01 in % below which the figures are provisional
    std::map<std::string, std::string> cost_kpis; ///< KPI id -> subject type (`trajectory`, `measure`)
};

/// Parses the rule. Throws InputError naming the file and what is wrong.
CompletenessRule parse_completeness_rule(std::string_view file_name, std::string_view json_text);
CompletenessRule load_completeness_rule(const std::filesystem::path& file);

/// Marks every value of a cost KPI provisional whose scope and quarter have a DQ01 of its subject
/// type below the threshold (`values` holds the DQ01 rows of the same quarters). A GI's cost
/// figures follow its region's DQ01. A DQ01 without value (no cost records) marks nothing.
void mark_provisional(std::vector<KpiValue>& values, const CompletenessRule& rule);

} // namespace ss
