// The GI benchmark of a region: every GI carrying out measures for the region's municipalities,
// side by side on the KPIs of templates/gi-benchmark.json, with the region beside them and
// funnel plots (control limits) for the shares.
#pragma once

#include <string>
#include <vector>

#include "report/control_limits.hpp"
#include "report/report_builder.hpp"
#include "report/report_model.hpp"

namespace ss {

struct GiColumn {
    std::string scope_code; ///< <region>/<institution>
    std::string id;
    std::string name;
};

struct GiRow {
    ReportItem item;
    KpiKind kind = KpiKind::count;
    Figure region;
    std::vector<Figure> gis; ///< in the order of GiBenchmark::gis
};

struct GiBenchmark {
    std::string title;
    std::string subtitle;
    Scope region;
    Quarter quarter;
    std::string delivered_on;
    std::vector<GiColumn> gis;
    std::vector<GiRow> rows;
    const CodeLabels* labels = nullptr;
};

/// The benchmark of `region` from the KPI values; the GIs are the region's GI scopes among
/// `region_rows` (the region folder's long form). Throws InputError for a KPI without a query.
GiBenchmark build_gi_benchmark(const ReportContext& context, const Scope& region,
                               const std::vector<KpiValue>& region_rows);

/// Where each GI's share lies against the control limits around the region's share.
FunnelPosition gi_position(const GiRow& row, size_t gi);

} // namespace ss
