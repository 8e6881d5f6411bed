// The national overview: every region's headline figures side by side, as published on the
// regions' own pages (the small-number rules applied), for the public site.
#pragma once

#include <string>
#include <vector>

#include "report/report_model.hpp"

namespace ss {

struct OverviewRegion {
    std::string name;
    std::string href;               ///< the region's page, relative to the site's root
    std::vector<std::string> cells; ///< one per column; "–" where the region has no such figure
};

struct NationalOverview {
    Quarter quarter;
    std::vector<std::string> columns; ///< the headline items' titles, in report order
    std::vector<OverviewRegion> regions; ///< by name
};

/// The overview of published region models (publish()), each with the href of its page. The
/// columns are the headline items of the first model; a region shows each item's figure as on its
/// own page's summary table.
NationalOverview national_overview(const std::vector<ReportModel>& regions, const std::vector<std::string>& hrefs);

} // namespace ss
