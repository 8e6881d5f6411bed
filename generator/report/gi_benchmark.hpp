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

/// One kind's part of a case mix (GI03's breakdown rows): `voogdij`, 19.3 (percent).
struct CaseMixPart {
    std::string kind;
    double percent = 0;
};
using CaseMix = std::vector<CaseMixPart>;

struct GiColumn {
    std::string scope_code; ///< <region>/<institution>
    std::string id;
    std::string name;
    std::string short_name; ///< beside its point in a funnel plot ("JBRA")
    CaseMix case_mix;       ///< of its measures active at the end of the quarter in the region
};

/// Where a GI lies in a funnel plot, and whether that is judged: a GI whose case mix differs
/// from the region's is not called an outlier on a share that mix may explain.
struct GiPosition {
    FunnelPosition position = FunnelPosition::within;
    bool case_mix_differs = false;
    std::string biggest_difference; ///< "voogdij 100% tegen 19% in de regio"
    bool judged() const { return position == FunnelPosition::within || !case_mix_differs; }
};

/// Case mixes differ when at least this share of the GI's measures (percentage points, the total
/// variation distance) would have to be of another kind to match the region's mix.
constexpr double case_mix_difference_limit = 25.0;

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
    CaseMix region_case_mix;
    const CodeLabels* labels = nullptr;
    const Texts* texts = nullptr;
};

/// The benchmark of `region` from the KPI values; the GIs are the region's GI scopes among
/// `region_rows` (the region folder's long form). Throws InputError for a KPI without a query.
GiBenchmark build_gi_benchmark(const ReportContext& context, const Scope& region,
                               const std::vector<KpiValue>& region_rows);

/// Where each GI's share lies against the control limits around the region's share.
GiPosition gi_position(const GiBenchmark& benchmark, const GiRow& row, size_t gi);

/// Half the sum of the differences per kind, in percentage points (0: the same mix, 100: no kind
/// in common).
double case_mix_distance(const CaseMix& a, const CaseMix& b);

/// The GI's short name: from templates/labels.json (`gi_short`), else the name when short, else
/// the initials of its words ("Leger des Heils Jeugdbescherming & Reclassering" -> "LHJ&R").
std::string gi_short_name(const CodeLabels* labels, const std::string& id, const std::string& name);

} // namespace ss
