// A notable change, not noise (reports.md "What a report leads with"): the report quarter's value
// against the control limits of the seven quarters before it, a p-chart for a share and a u-chart
// for a rate or a count.
#pragma once

#include <optional>
#include <vector>

#include "kpi/kpi_definition.hpp"
#include "report/report_model.hpp"

namespace ss {

struct ControlCheck {
    double centre = 0;       ///< in the KPI's unit: percent, per 1,000, or a count
    double lower = 0, upper = 0;
    enum class Side { inside, above, below } side = Side::inside;
};

/// The last figure of `trend` against the limits of the ones before it: p̄ ± 3·√(p̄(1−p̄)/n) for a
/// share, ū ± 3·√(ū/n) for a rate (n the last quarter's denominator) or a count (n = 1), with p̄ and
/// ū pooled over the earlier quarters. None for a mean, without a last value, with fewer than five
/// earlier quarters with counts, for a provisional figure, or when the earlier quarters never
/// varied (all 0, or a share always 100%). On a limit counts as inside.
std::optional<ControlCheck> control_check(const std::vector<Figure>& trend, KpiKind kind);

} // namespace ss
