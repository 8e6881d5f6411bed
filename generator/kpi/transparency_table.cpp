#include "kpi/transparency_table.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace ss {

namespace {

using History = TrajectoryHistory;

/// Each code's place when the codes are sorted as text, as SQLite sorts them.
std::vector<std::uint32_t> text_ranks(const std::vector<std::string>& codes) {
    std::vector<std::uint32_t> order(codes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return codes[a] < codes[b]; });
    std::vector<std::uint32_t> rank(codes.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    return rank;
}

/// A profile as the table spells it: `3`, or empty for none.
std::string profile_text(std::int16_t profile) { return profile == History::none ? "" : std::to_string(profile); }

void add_trajectory(TransparencySums& s, const History::Trajectory& t, int early_termination, int no_show) {
    if (t.experience_youth != History::none) s.youth += t.experience_youth, s.youths += 1;
    if (t.experience_parent != History::none) s.parent += t.experience_parent, s.parents += 1;
    s.early += t.end_reason == early_termination;
    s.no_show += t.end_reason == no_show;
    s.ended += 1;
    for (size_t g = 0; g < 4; ++g)
        if (t.goals[g] != History::none) s.goals_reached[g] += t.goals[g] == 1, s.goals_answered[g] += 1;
    s.eur += t.eur;
}

void add_cell(TransparencySums& row, const TransparencySums& cell) {
    row.youth += cell.youth, row.youths += cell.youths, row.parent += cell.parent, row.parents += cell.parents;
    row.early += cell.early, row.no_show += cell.no_show, row.ended += cell.ended;
    for (size_t g = 0; g < 4; ++g) row.goals_reached[g] += cell.goals_reached[g], row.goals_answered[g] += cell.goals_answered[g];
    row.eur += cell.eur;
}

} // namespace

std::vector<TransparencyTableRow> transparency_rows(const History& h, std::int32_t first_day, std::int32_t last_day) {
    const int crisis_care = code_number(h.intensities, "acuut");
    const int early_termination = code_number(h.end_reasons, "early_termination"), no_show = code_number(h.end_reasons, "no_show");
    const auto provider_rank = text_ranks(h.providers), intensity_rank = text_ranks(h.intensities);
    std::vector<std::string> profiles(1002);
    for (int p = -1; p <= 1000; ++p) profiles[static_cast<size_t>(p + 1)] = profile_text(static_cast<std::int16_t>(p));
    const auto profile_rank = text_ranks(profiles);
    // Each ended trajectory's finest cell as one number (region, provider, profile, intensity in
    // code order), then its id order: sorted once, the cells come out in the queries' order.
    const auto cell_of = [&](const History::Trajectory& t) {
        return std::uint64_t{h.region_of[t.municipality]} << 48 | std::uint64_t{provider_rank[t.provider]} << 24 |
               std::uint64_t{profile_rank[static_cast<size_t>(t.profile + 1)]} << 12 | intensity_rank[t.intensity - 1u];
    };
    std::vector<std::pair<std::uint64_t, std::uint32_t>> ended;
    for (std::uint32_t i = 0; i < h.trajectories.size(); ++i) {
        const auto& t = h.trajectories[i];
        if (t.end >= first_day && t.end <= last_day && t.intensity != crisis_care) ended.emplace_back(cell_of(t), i);
    }
    std::sort(ended.begin(), ended.end());

    std::map<std::pair<std::uint16_t, std::string>, TransparencySums> rows;
    for (size_t first = 0; first < ended.size();) {
        size_t last = first;
        TransparencySums cell;
        for (; last < ended.size() && ended[last].first == ended[first].first; ++last)
            add_trajectory(cell, h.trajectories[ended[last].second], early_termination, no_show);
        const auto& t = h.trajectories[ended[first].second];
        const std::uint16_t region = h.region_of[t.municipality];
        const std::string provider = "provider=" + h.providers[t.provider], intensity = "intensity=" + h.intensities[t.intensity - 1u],
                          profile = "profile=" + profile_text(t.profile);
        for (const std::string& key : {provider, provider + "," + intensity, profile, intensity,
                                       provider + "," + profile + "," + intensity})
            add_cell(rows[{region, key}], cell);
        first = last;
    }
    std::vector<TransparencyTableRow> table;
    table.reserve(rows.size());
    for (auto& [at, sums] : rows) table.push_back({h.regions[at.first], at.second, sums});
    return table;
}

} // namespace ss
