// The KPI values of several quarters, indexed for the report builder: one value by quarter,
// scope, KPI and breakdown, and the breakdowns a KPI has. Built once per run, read by every scope.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "kpi/kpi_engine.hpp"
#include "report/report_model.hpp"

namespace ss {

class KpiTable {
public:
    /// Adds every value of `values` (any quarters). A later value replaces an earlier one.
    void add(const std::vector<KpiValue>& values);

    /// The figure, or an empty one (no value) when the table has none.
    Figure get(const std::string& quarter, ScopeType scope_type, const std::string& scope_code,
               const std::string& kpi_id, const std::string& breakdown = "") const;

    /// Breakdown keys of the KPI for the scope and quarter whose dimension is `dimension`
    /// (`segment` gives `segment=1` … `segment=7`), in the order the queries returned them.
    std::vector<std::string> breakdowns(const std::string& quarter, ScopeType scope_type,
                                        const std::string& scope_code, const std::string& kpi_id,
                                        const std::string& dimension) const;

    size_t size() const { return figures_.size(); }

private:
    std::unordered_map<std::string, Figure> figures_;
    std::unordered_map<std::string, std::vector<std::string>> breakdowns_;
};

/// A row of the provider transparency table (TR01-TR04): a region's report reads them from its
/// own rows (folder_rows), so the lookup table leaves them out.
bool is_transparency_cell(const KpiValue& value);

} // namespace ss
