// The measure KPIs counted in C++ from the measure history instead of by their query (AK02, DQ02,
// GI01, GI02, JB01, JB05, JB06, JB08, JB09, JB10, JB11, JB12): with the trajectory KPIs counted in C++ they were most of
// what a trend quarter cost. Their query files stay the definition (`-- fast path: measures`);
// tests/measure_kpis_test.cpp holds both equal.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "kpi/measure_history.hpp"
#include "kpi/quarter_scopes.hpp"

namespace ss {

/// Whether `kpi_id` can be counted here.
bool has_measure_fast_path(std::string_view kpi_id);

/// The KPIs that can be counted here, as `JB01, JB05, …`.
std::string measure_fast_path_ids();

/// What the counts of a quarter read beside the history.
struct MeasureQuarterRecords {
    std::vector<ContactRecord> contacts; ///< the progress records (read_contact_records), for DQ02 and JB10
    std::vector<MeasureCostSum> costs;   ///< the cost sums (read_measure_cost_sums), for JB09
};

/// The fast-path measure KPIs of one quarter, counted from the history.
class MeasureCounts {
public:
    MeasureCounts(const MeasureHistory& history, QuarterScopes scopes, const Quarter& quarter, MeasureQuarterRecords records);
    ~MeasureCounts();
    MeasureCounts(const MeasureCounts&) = delete;
    MeasureCounts& operator=(const MeasureCounts&) = delete;

    /// The KPI's rows, the same as its query returns (in another order).
    std::vector<KpiRow> rows(std::string_view kpi_id) const;

private:
    struct Input;
    std::unique_ptr<Input> input_;
};

} // namespace ss
