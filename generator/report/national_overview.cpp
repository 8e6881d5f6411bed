#include "report/national_overview.hpp"

#include <algorithm>
#include <stdexcept>

#include "report/publication.hpp"
#include "report/report_text.hpp"

namespace ss {

NationalOverview national_overview(const std::vector<ReportModel>& regions, const std::vector<std::string>& hrefs) {
    NationalOverview overview;
    if (regions.size() != hrefs.size()) throw std::logic_error("national_overview: a page per region");
    if (regions.empty()) return overview;
    overview.quarter = regions.front().quarter;
    std::vector<std::string> kpis; // the column's item: its KPI and selection, as the title may be anything
    for (const KpiBlock* b : headline_blocks(regions.front())) {
        overview.columns.push_back(b->item.title);
        kpis.push_back(b->item.kpi + "|" + b->item.select);
    }
    for (size_t r = 0; r < regions.size(); ++r) {
        require_published(regions[r], "national overview");
        OverviewRegion row{regions[r].scope.name, hrefs[r], std::vector<std::string>(kpis.size(), "–")};
        for (const KpiBlock* b : headline_blocks(regions[r])) {
            const auto column = std::find(kpis.begin(), kpis.end(), b->item.kpi + "|" + b->item.select);
            if (column != kpis.end()) row.cells[column - kpis.begin()] = figure_text(*b, b->value);
        }
        overview.regions.push_back(std::move(row));
    }
    std::sort(overview.regions.begin(), overview.regions.end(),
              [](const OverviewRegion& a, const OverviewRegion& b) { return a.name < b.name; });
    return overview;
}

} // namespace ss
