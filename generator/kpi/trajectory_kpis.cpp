#include "kpi/trajectory_kpis.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

#include "kpi/fast_path_counters.hpp"
#include "kpi/kpi_periods.hpp"
#include "kpi/transparency_table.hpp"

namespace ss {

namespace {

using History = TrajectoryHistory;

/// Counts per municipality and per region, written out for every scope of the quarter.
struct ScopeCounts {
    std::vector<double> municipality, region;
    explicit ScopeCounts(const History& h) : municipality(h.municipalities.size()), region(h.regions.size()) {}
};

/// The index of a scope's municipality or region in the history, or -1.
long scope_index(const History& h, const QuarterScopes::Scope& s) {
    const auto& codes = s.type == "municipality" ? h.municipalities : h.regions;
    const auto it = std::lower_bound(codes.begin(), codes.end(), s.code);
    return it != codes.end() && *it == s.code ? it - codes.begin() : -1;
}

double count_of(const ScopeCounts& c, const History& h, const QuarterScopes::Scope& s) {
    const long i = scope_index(h, s);
    if (i < 0) return 0;
    return s.type == "municipality" ? c.municipality[static_cast<size_t>(i)] : c.region[static_cast<size_t>(i)];
}

/// The municipalities whose counts a scope adds up: itself, or its region's.
std::vector<size_t> municipalities_of(const History& h, const QuarterScopes::Scope& s) {
    const long i = scope_index(h, s);
    if (i < 0) return {};
    if (s.type == "municipality") return {static_cast<size_t>(i)};
    return h.region_members[static_cast<size_t>(i)];
}

/// A numerator and a denominator per municipality and column (a segment, an end reason, a goal),
/// rolled up to a scope by adding its municipalities' cells in municipality and column order: the
/// order the queries add their per-municipality rows in.
class MunicipalitySums {
public:
    MunicipalitySums(const History& h, size_t columns) : columns_(columns), n_(h.municipalities.size() * columns), d_(n_.size()) {}
    void add(size_t municipality, size_t column, double n, double d) {
        n_[municipality * columns_ + column] += n;
        d_[municipality * columns_ + column] += d;
    }
    /// The sums of columns [first, last) over `municipalities` (municipalities_of a scope).
    std::pair<double, double> of(const std::vector<size_t>& municipalities, size_t first, size_t last) const {
        double n = 0, d = 0;
        for (const size_t m : municipalities)
            for (size_t c = first; c < last; ++c) n += n_[m * columns_ + c], d += d_[m * columns_ + c];
        return {n, d};
    }
    size_t columns() const { return columns_; }

private:
    size_t columns_;
    std::vector<double> n_, d_;
};

constexpr size_t segment_columns = 64;

/// Sums per segment written as every scope's total row and one row per segment code;
/// `with_denominator` false: a count, whose query returns no denominator.
std::vector<KpiRow> segment_rows(const History& h, const QuarterScopes& scopes, const MunicipalitySums& sums,
                                 bool with_denominator) {
    std::vector<KpiRow> rows;
    for (const auto& s : scopes.scopes) {
        const std::vector<size_t> own = municipalities_of(h, s);
        const auto row = [&](std::string breakdown, size_t first, size_t last) {
            const auto [n, d] = sums.of(own, first, last);
            rows.push_back({s.type, s.code, std::move(breakdown), n, with_denominator ? std::optional(d) : std::nullopt});
        };
        row("", 0, segment_columns);
        for (const auto& [breakdown, segment] : scopes.segments) {
            const auto at = static_cast<size_t>(std::clamp(segment, 0, static_cast<int>(segment_columns)));
            row(breakdown, at, segment >= 0 && segment < static_cast<int>(segment_columns) ? at + 1 : at);
        }
    }
    return rows;
}

struct Window {
    std::int32_t qs, qe, rolling_start, two_year_start;
    std::string quarter;
    bool full_detail; ///< the report quarter: the transparency table too
};

/// What the counts of one quarter read, and what several of them share, made when first asked for.
struct QuarterInput {
    const History& history;
    const QuarterScopes& scopes;
    Window window;
    std::optional<std::vector<TransparencyTableRow>> transparency{}; ///< TR01-TR04
    std::optional<std::vector<char>> providers_active{};             ///< WL01-WL03
    std::optional<std::vector<std::uint32_t>> near{};                ///< near_trajectories
};

Window window_of(const Quarter& q, bool full_detail) {
    return {q.first_day().days, q.last_day().days, rolling_year_start(q).days, two_year_start(q).days, q.code(), full_detail};
}

/// The trajectories any count of Q can take in, in trajectory order: those that end on or after
/// the first day of the rolling year ending Q, or run on, and start by Q's last day (a trajectory
/// never ends before it starts: the history refuses it). Each count below walks these instead of
/// the whole history, so that a longer history costs a quarter little more (docs/performance.md,
/// item 14); a walk in the same order adds the same numbers in the same order.
const std::vector<std::uint32_t>& near_trajectories(QuarterInput& q) {
    if (q.near) return *q.near;
    auto& near = q.near.emplace();
    const auto& trajectories = q.history.trajectories;
    for (std::uint32_t i = 0; i < trajectories.size(); ++i)
        if (trajectories[i].end >= q.window.rolling_start && trajectories[i].start <= q.window.qe) near.push_back(i);
    return near;
}

/// Calls `count(child)` once for each child with a near trajectory that `counts` (counts of
/// whole children, in an order of no consequence).
template <typename Counts, typename Count>
void for_each_child_with(QuarterInput& q, Counts counts, Count count) {
    const History& h = q.history;
    std::vector<char> seen(h.children(), 0);
    for (const auto i : near_trajectories(q)) {
        const auto& t = h.trajectories[i];
        if (!counts(t) || seen[t.child]) continue;
        seen[t.child] = 1;
        count(t.child);
    }
}

/// JH01: distinct children with a trajectory active in Q, in total and per segment; a child
/// counts once per municipality and once per region, whatever it had there.
std::vector<KpiRow> jh01(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    constexpr size_t bits = 64;
    ScopeCounts total(h);
    std::vector<double> municipality_segments(h.municipalities.size() * bits), region_segments(h.regions.size() * bits);
    struct Place {
        size_t index;
        std::uint64_t segments;
    };
    std::vector<Place> municipalities, regions;
    const auto add = [](std::vector<Place>& places, size_t index, std::uint64_t segment) {
        for (auto& p : places)
            if (p.index == index) return void(p.segments |= segment);
        places.push_back({index, segment});
    };
    const auto count = [](const std::vector<Place>& places, std::vector<double>& totals, std::vector<double>& segments) {
        for (const auto& p : places) {
            totals[p.index] += 1;
            for (std::uint64_t s = p.segments; s; s &= s - 1) segments[p.index * bits + std::countr_zero(s)] += 1;
        }
    };
    const auto active = [&](const History::Trajectory& t) { return t.start <= q.window.qe && t.end >= q.window.qs; };
    for_each_child_with(q, active, [&](std::uint32_t c) {
        municipalities.clear();
        regions.clear();
        for (auto i = h.child_begin[c]; i < h.child_begin[c + 1]; ++i) {
            const auto& t = h.trajectories[h.by_child[i]];
            if (!active(t)) continue;
            add(municipalities, t.municipality, std::uint64_t{1} << t.segment);
            add(regions, h.region_of[t.municipality], std::uint64_t{1} << t.segment);
        }
        count(municipalities, total.municipality, municipality_segments);
        count(regions, total.region, region_segments);
    });
    std::vector<KpiRow> rows;
    for (const auto& s : scopes.scopes) {
        rows.push_back({s.type, s.code, "", count_of(total, h, s), s.youths});
        const long i = scope_index(h, s);
        const auto& segments = s.type == "municipality" ? municipality_segments : region_segments;
        for (const auto& [breakdown, segment] : scopes.segments) {
            const double n = i < 0 || segment < 0 || segment >= static_cast<int>(bits)
                                 ? 0
                                 : segments[static_cast<size_t>(i) * bits + static_cast<size_t>(segment)];
            rows.push_back({s.type, s.code, breakdown, n, s.youths});
        }
    }
    return rows;
}

/// JH08: of the children who entered youth care in Q (a trajectory started in Q while no other
/// of theirs was active the day before), those whose last earlier trajectory ended within 365
/// days; per scope a child counts once, with its first entry there.
std::vector<KpiRow> jh08(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    ScopeCounts entered(h), returned(h);
    struct Entry {
        size_t municipality;
        std::int32_t start;
    };
    std::vector<Entry> entries;
    const auto started = [&](const History::Trajectory& t) { return t.start >= q.window.qs && t.start <= q.window.qe; };
    for_each_child_with(q, started, [&](std::uint32_t c) {
        const auto first = h.child_begin[c], last = h.child_begin[c + 1];
        entries.clear();
        for (auto i = first; i < last; ++i) {
            const auto& t = h.trajectories[h.by_child[i]];
            if (!started(t)) continue;
            const std::int32_t day_before = t.start - 1;
            bool continued = false;
            for (auto j = first; j < last && !continued; ++j)
                continued = j != i && h.trajectories[h.by_child[j]].start <= day_before && h.trajectories[h.by_child[j]].end >= day_before;
            if (continued) continue;
            auto e = std::find_if(entries.begin(), entries.end(), [&](const Entry& known) { return known.municipality == t.municipality; });
            if (e == entries.end()) entries.push_back({t.municipality, t.start});
            else e->start = std::min(e->start, t.start);
        }
        if (entries.empty()) return;
        // Whether the child's last trajectory ended before `start` ended within 365 days of it.
        const auto returned_at = [&](std::int32_t start) {
            std::int32_t last_end = History::open_end;
            for (auto j = first; j < last; ++j) {
                const auto end = h.trajectories[h.by_child[j]].end;
                if (end < start && (last_end == History::open_end || end > last_end)) last_end = end;
            }
            return last_end != History::open_end && start - last_end <= 365;
        };
        std::vector<std::pair<size_t, std::int32_t>> region_starts;
        for (const auto& e : entries) {
            entered.municipality[e.municipality] += 1;
            returned.municipality[e.municipality] += returned_at(e.start);
            const size_t r = h.region_of[e.municipality];
            auto it = std::find_if(region_starts.begin(), region_starts.end(), [&](const auto& p) { return p.first == r; });
            if (it == region_starts.end()) region_starts.emplace_back(r, e.start);
            else it->second = std::min(it->second, e.start);
        }
        for (const auto& [r, start] : region_starts) {
            entered.region[r] += 1;
            returned.region[r] += returned_at(start);
        }
    });
    std::vector<KpiRow> rows;
    for (const auto& s : scopes.scopes) rows.push_back({s.type, s.code, "", count_of(returned, h, s), count_of(entered, h, s)});
    return rows;
}

/// JH09: the actual euros of the trajectories ended in the rolling year over how many there are,
/// in total and per end reason. Summed per municipality and end reason in trajectory order, then
/// per scope in municipality and end reason order, as the query adds them.
std::vector<KpiRow> jh09(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    // Column 0 is "no end reason": in the total only.
    MunicipalitySums ended(h, h.end_reasons.size() + 1);
    for (const auto i : near_trajectories(q))
        if (const auto& t = h.trajectories[i]; t.end >= q.window.rolling_start && t.end <= q.window.qe) ended.add(t.municipality, t.end_reason, t.eur, 1);
    std::vector<KpiRow> rows;
    for (const auto& s : scopes.scopes) {
        const std::vector<size_t> own = municipalities_of(h, s);
        const auto [eur, n] = ended.of(own, 0, ended.columns());
        rows.push_back({s.type, s.code, "", eur, n});
        for (const auto& [breakdown, code] : scopes.end_reasons) {
            const int r = code_number(h.end_reasons, code);
            const auto [reason_eur, reason_n] =
                r < 0 ? std::pair(0.0, 0.0) : ended.of(own, static_cast<size_t>(r), static_cast<size_t>(r) + 1);
            rows.push_back({s.type, s.code, breakdown, reason_eur, reason_n});
        }
    }
    return rows;
}

/// UI02: the share of trajectories ended in the rolling year that ended early or as a no-show.
std::vector<KpiRow> ui02(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    const int early_termination = code_number(h.end_reasons, "early_termination"), no_show = code_number(h.end_reasons, "no_show");
    MunicipalitySums ended(h, 2); // each ended trajectory, counted as early (column 0) and as no show (column 1)
    for (const auto i : near_trajectories(q)) {
        const auto& t = h.trajectories[i];
        if (t.end < q.window.rolling_start || t.end > q.window.qe) continue;
        ended.add(t.municipality, 0, t.end_reason == early_termination, 1);
        ended.add(t.municipality, 1, t.end_reason == no_show, 1);
    }
    std::vector<KpiRow> rows;
    for (const auto& s : scopes.scopes) {
        const std::vector<size_t> own = municipalities_of(h, s);
        const auto [early, n] = ended.of(own, 0, 1);
        const double not_shown = ended.of(own, 1, 2).first;
        rows.push_back({s.type, s.code, "", early + not_shown, n});
        rows.push_back({s.type, s.code, "end_reason=early_termination", early, n});
        rows.push_back({s.type, s.code, "end_reason=no_show", not_shown, n});
    }
    return rows;
}

/// JH02: trajectories started in Q, in total and per segment.
std::vector<KpiRow> jh02(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    MunicipalitySums started(h, segment_columns);
    for (const auto i : near_trajectories(q))
        if (const auto& t = h.trajectories[i]; t.start >= q.window.qs && t.start <= q.window.qe) started.add(t.municipality, t.segment, 1, 0);
    return segment_rows(h, scopes, started, false);
}

/// JH04: the mean duration in days of the trajectories ended in Q, in total and per segment.
std::vector<KpiRow> jh04(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    MunicipalitySums days(h, segment_columns);
    for (const auto i : near_trajectories(q))
        if (const auto& t = h.trajectories[i]; t.end >= q.window.qs && t.end <= q.window.qe) days.add(t.municipality, t.segment, t.end - t.start, 1);
    return segment_rows(h, scopes, days, true);
}

/// JH05: of the trajectories ended in Q that have a norm, the share that lasted longer.
std::vector<KpiRow> jh05(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    MunicipalitySums over(h, segment_columns);
    for (const auto i : near_trajectories(q))
        if (const auto& t = h.trajectories[i]; t.end >= q.window.qs && t.end <= q.window.qe && t.norm_days != History::no_norm)
            over.add(t.municipality, t.segment, t.end - t.start > t.norm_days, 1);
    return segment_rows(h, scopes, over, true);
}

/// Whether a provider has a trajectory of a region's municipalities active in Q, per
/// [region * providers + provider].
const std::vector<char>& providers_active_in(QuarterInput& q) {
    if (q.providers_active) return *q.providers_active;
    const History& h = q.history;
    auto& active = q.providers_active.emplace(h.regions.size() * h.providers.size(), 0);
    for (const auto i : near_trajectories(q))
        if (const auto& t = h.trajectories[i]; t.start <= q.window.qe && t.end >= q.window.qs) active[h.region_of[t.municipality] * h.providers.size() + t.provider] = 1;
    return active;
}

/// WL01 (regions only): the providers with a trajectory of the region active in Q whose waiting
/// list for Q has a longest wait over 120 days.
std::vector<KpiRow> wl01(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    const auto& active = providers_active_in(q);
    std::vector<char> long_wait(h.providers.size(), 0);
    for (const auto& list : h.waiting_lists)
        if (list.quarter == q.window.quarter && list.longest_wait_days > 120) long_wait[list.provider] = 1;
    std::vector<KpiRow> rows;
    for (const auto& s : scopes.scopes) {
        if (s.type != "region") continue;
        const long r = scope_index(h, s);
        double n = 0;
        for (size_t p = 0; r >= 0 && p < h.providers.size(); ++p)
            n += active[static_cast<size_t>(r) * h.providers.size() + p] && long_wait[p];
        rows.push_back({s.type, s.code, "", n, std::nullopt});
    }
    return rows;
}

/// WL03 (regions only): the children waiting on the Q lists of the providers with a trajectory
/// of the region active in Q, in total and per segment.
std::vector<KpiRow> wl03(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    const auto& active = providers_active_in(q);
    constexpr size_t segments = 64;
    std::vector<double> waiting(h.regions.size() * segments, 0), total(h.regions.size(), 0);
    for (const auto& list : h.waiting_lists) {
        if (list.quarter != q.window.quarter) continue;
        for (size_t r = 0; r < h.regions.size(); ++r) {
            if (!active[r * h.providers.size() + list.provider]) continue;
            total[r] += list.waiting_count;
            if (list.segment >= 0 && list.segment < static_cast<int>(segments))
                waiting[r * segments + static_cast<size_t>(list.segment)] += list.waiting_count;
        }
    }
    std::vector<KpiRow> rows;
    for (const auto& s : scopes.scopes) {
        if (s.type != "region") continue;
        const long r = scope_index(h, s);
        rows.push_back({s.type, s.code, "", r < 0 ? 0.0 : total[static_cast<size_t>(r)], std::nullopt});
        for (const auto& [breakdown, segment] : scopes.segments) {
            const bool known = r >= 0 && segment >= 0 && segment < static_cast<int>(segments);
            rows.push_back({s.type, s.code, breakdown,
                            known ? waiting[static_cast<size_t>(r) * segments + static_cast<size_t>(segment)] : 0.0,
                            std::nullopt});
        }
    }
    return rows;
}

/// WL02 (regions only): per provider with a trajectory of the region active in Q and a waiting
/// list for Q, its longest wait over its segments.
std::vector<KpiRow> wl02(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    const auto& active = providers_active_in(q);
    std::vector<int> longest(h.providers.size(), -1);
    for (const auto& list : h.waiting_lists)
        if (list.quarter == q.window.quarter) longest[list.provider] = std::max(longest[list.provider], list.longest_wait_days);
    std::vector<KpiRow> rows;
    for (const auto& s : scopes.scopes) {
        if (s.type != "region") continue;
        const long r = scope_index(h, s);
        for (size_t p = 0; r >= 0 && p < h.providers.size(); ++p)
            if (active[static_cast<size_t>(r) * h.providers.size() + p] && longest[p] >= 0)
                rows.push_back({s.type, s.code, "provider=" + h.providers[p], static_cast<double>(longest[p]), std::nullopt});
    }
    return rows;
}

/// Sums of the `end` outcomes of the trajectories ended in the rolling year ending Q, per
/// municipality, rolled up to every scope (UI01, UI03). The sums are whole numbers: exact in any order.
std::vector<KpiRow> outcome_rows(const History& h, const QuarterScopes& scopes, QuarterInput& q,
                                 const std::vector<std::string>& breakdowns,
                                 std::array<double, 2> (*score)(const History::Trajectory&, size_t breakdown)) {
    MunicipalitySums sums(h, breakdowns.size());
    for (const auto i : near_trajectories(q)) {
        const auto& t = h.trajectories[i];
        if (t.end < q.window.rolling_start || t.end > q.window.qe) continue;
        for (size_t k = 0; k < breakdowns.size(); ++k) {
            const auto [numerator, denominator] = score(t, k);
            sums.add(t.municipality, k, numerator, denominator);
        }
    }
    std::vector<KpiRow> rows;
    for (const auto& s : scopes.scopes) {
        const std::vector<size_t> own = municipalities_of(h, s);
        for (size_t k = 0; k < breakdowns.size(); ++k) {
            const auto [numerator, denominator] = sums.of(own, k, k + 1);
            rows.push_back({s.type, s.code, breakdowns[k], numerator, denominator});
        }
    }
    return rows;
}

/// UI01: the mean experience of youth and parent.
std::vector<KpiRow> ui01(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    return outcome_rows(h, scopes, q, {"respondent=youth", "respondent=parent"}, [](const History::Trajectory& t, size_t k) {
        const std::int16_t score = k == 0 ? t.experience_youth : t.experience_parent;
        return score == History::none ? std::array<double, 2>{0, 0} : std::array<double, 2>{static_cast<double>(score), 1};
    });
}

/// UI03: per goal, the share reached among those answered.
std::vector<KpiRow> ui03(const History& h, const QuarterScopes& scopes, QuarterInput& q) {
    return outcome_rows(h, scopes, q, {"goal=education", "goal=family_balance", "goal=problem_reduction", "goal=participation"},
                        [](const History::Trajectory& t, size_t k) {
                            const std::int8_t goal = t.goals[k];
                            return goal == History::none ? std::array<double, 2>{0, 0}
                                                         : std::array<double, 2>{goal == 1 ? 1.0 : 0.0, 1};
                        });
}

/// TR01-TR04: the transparency table's rows (report quarter only), each KPI its own columns.
std::vector<KpiRow> transparency_kpi(QuarterInput& q, void (*columns)(const TransparencyTableRow&, std::vector<KpiRow>&)) {
    std::vector<KpiRow> rows;
    if (!q.window.full_detail) return rows;
    if (!q.transparency) q.transparency = transparency_rows(q.history, q.window.two_year_start, q.window.qe);
    for (const auto& row : *q.transparency) columns(row, rows);
    return rows;
}

std::vector<KpiRow> tr01(const History&, const QuarterScopes&, QuarterInput& q) {
    return transparency_kpi(q, [](const TransparencyTableRow& r, std::vector<KpiRow>& rows) {
        rows.push_back({"region", r.region_code, r.key + ",respondent=youth", r.sums.youth, r.sums.youths});
        rows.push_back({"region", r.region_code, r.key + ",respondent=parent", r.sums.parent, r.sums.parents});
    });
}

std::vector<KpiRow> tr02(const History&, const QuarterScopes&, QuarterInput& q) {
    return transparency_kpi(q, [](const TransparencyTableRow& r, std::vector<KpiRow>& rows) {
        rows.push_back({"region", r.region_code, r.key, r.sums.early + r.sums.no_show, r.sums.ended});
        rows.push_back({"region", r.region_code, r.key + ",end_reason=early_termination", r.sums.early, r.sums.ended});
        rows.push_back({"region", r.region_code, r.key + ",end_reason=no_show", r.sums.no_show, r.sums.ended});
    });
}

std::vector<KpiRow> tr03(const History&, const QuarterScopes&, QuarterInput& q) {
    return transparency_kpi(q, [](const TransparencyTableRow& r, std::vector<KpiRow>& rows) {
        static const char* goals[] = {",goal=education", ",goal=family_balance", ",goal=problem_reduction", ",goal=participation"};
        for (size_t g = 0; g < 4; ++g)
            rows.push_back({"region", r.region_code, r.key + goals[g], r.sums.goals_reached[g], r.sums.goals_answered[g]});
    });
}

std::vector<KpiRow> tr04(const History&, const QuarterScopes&, QuarterInput& q) {
    return transparency_kpi(q, [](const TransparencyTableRow& r, std::vector<KpiRow>& rows) {
        rows.push_back({"region", r.region_code, r.key, r.sums.eur, r.sums.ended});
    });
}

using Counter = std::vector<KpiRow> (*)(const History&, const QuarterScopes&, QuarterInput&);

constexpr std::pair<std::string_view, Counter> counters[] = {
    {"JH01", jh01}, {"JH02", jh02}, {"JH04", jh04}, {"JH05", jh05}, {"JH08", jh08}, {"JH09", jh09},
    {"TR01", tr01}, {"TR02", tr02}, {"TR03", tr03}, {"TR04", tr04}, {"UI01", ui01}, {"UI02", ui02},
    {"UI03", ui03}, {"WL01", wl01}, {"WL02", wl02}, {"WL03", wl03}};

} // namespace

bool has_trajectory_fast_path(std::string_view kpi_id) { return counter_of(counters, kpi_id) != nullptr; }

std::string trajectory_fast_path_ids() { return counter_ids(counters); }

struct TrajectoryCounts::Input : QuarterInput {};

TrajectoryCounts::TrajectoryCounts(const TrajectoryHistory& history, QuarterScopes scopes, const Quarter& quarter,
                                   bool full_detail)
    : scopes_(std::move(scopes)), input_(new Input{{history, scopes_, window_of(quarter, full_detail)}}) {}

TrajectoryCounts::~TrajectoryCounts() = default;

std::vector<KpiRow> TrajectoryCounts::rows(std::string_view kpi_id) {
    const Counter counter = counter_of(counters, kpi_id);
    return counter ? counter(input_->history, input_->scopes, *input_) : std::vector<KpiRow>{};
}

} // namespace ss
