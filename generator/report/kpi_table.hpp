// The KPI values of several quarters, indexed for the report builder: one value by quarter,
// scope, KPI and breakdown, and the breakdowns a KPI has. Built once per run (each quarter's part
// by the worker that computed it, then merged), read by every scope.
#pragma once

#include <map>
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
    void add(const KpiValue& value);
    /// Adds every value of `other`, as add() would; a quarter this table lacks is moved over whole.
    void merge(KpiTable&& other);

    /// The figure, or an empty one (no value) when the table has none.
    Figure get(const std::string& quarter, ScopeType scope_type, const std::string& scope_code,
               const std::string& kpi_id, const std::string& breakdown = "") const;

    /// Breakdown keys of the KPI for the scope and quarter whose dimension is `dimension`
    /// (`segment` gives `segment=1` … `segment=7`), in the order the queries returned them.
    std::vector<std::string> breakdowns(const std::string& quarter, ScopeType scope_type,
                                        const std::string& scope_code, const std::string& kpi_id,
                                        const std::string& dimension) const;

    size_t size() const;

private:
    /// One quarter's values, keyed by scope type, scope code and KPI (and breakdown).
    struct QuarterPart {
        std::unordered_map<std::string, Figure> figures;
        std::unordered_map<std::string, std::vector<std::string>> breakdowns;
    };
    static void add_to(QuarterPart& part, std::string scope_kpi, const std::string& breakdown, const Figure& figure);
    std::map<std::string, QuarterPart, std::less<>> quarters_;
};

/// A row of the provider transparency table (TR01-TR04): a region's report reads them from its
/// own rows (folder_rows), so the lookup table leaves them out.
bool is_transparency_cell(const KpiValue& value);

} // namespace ss
