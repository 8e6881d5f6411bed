// The table of KPI ids and the functions that count them, shared by the fast paths
// (kpi/trajectory_kpis, kpi/measure_kpis).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace ss {

/// The counter of `kpi_id` in `counters`, or nullptr.
template <typename Counter, std::size_t N>
Counter counter_of(const std::pair<std::string_view, Counter> (&counters)[N], std::string_view kpi_id) {
    for (const auto& [id, counter] : counters)
        if (id == kpi_id) return counter;
    return nullptr;
}

/// The KPI ids of `counters`, as `JH01, JH02, …` (for the message that refuses a fast path).
template <typename Counter, std::size_t N>
std::string counter_ids(const std::pair<std::string_view, Counter> (&counters)[N]) {
    std::string ids;
    for (const auto& entry : counters) ids += (ids.empty() ? "" : ", ") + std::string(entry.first);
    return ids;
}

} // namespace ss
