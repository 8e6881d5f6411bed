#include "kpi/value_order.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace ss {

namespace {

/// Each key's rank: the place of its distinct key in sorted order. A national report quarter
/// has 560,000 values but about a thousand scopes and forty KPIs: ranked once, most comparisons of
/// the sort are of two integers (comparing the four strings of every pair took 0.47 s).
template <typename Key, typename Hash>
std::vector<std::uint32_t> ranks_of(const std::vector<Key>& keys) {
    std::unordered_map<Key, std::uint32_t, Hash> first_seen;
    std::vector<std::uint32_t> seen_as(keys.size());
    std::vector<Key> distinct;
    for (size_t i = 0; i < keys.size(); ++i) {
        // Values come in runs of one scope and KPI: the look-up is skipped while a run lasts.
        if (i > 0 && keys[i] == keys[i - 1]) {
            seen_as[i] = seen_as[i - 1];
            continue;
        }
        const auto [it, added] = first_seen.try_emplace(keys[i], static_cast<std::uint32_t>(distinct.size()));
        if (added) distinct.push_back(keys[i]);
        seen_as[i] = it->second;
    }
    std::vector<std::uint32_t> by_text(distinct.size());
    for (std::uint32_t d = 0; d < by_text.size(); ++d) by_text[d] = d;
    std::sort(by_text.begin(), by_text.end(), [&](std::uint32_t a, std::uint32_t b) { return distinct[a] < distinct[b]; });
    std::vector<std::uint32_t> rank_of_distinct(distinct.size());
    for (std::uint32_t r = 0; r < by_text.size(); ++r) rank_of_distinct[by_text[r]] = r;
    for (auto& s : seen_as) s = rank_of_distinct[s];
    return seen_as;
}

using ScopeKey = std::pair<std::string_view, std::string_view>;

struct ScopeKeyHash {
    size_t operator()(const ScopeKey& k) const {
        const std::hash<std::string_view> h;
        return h(k.first) * 31 + h(k.second);
    }
};

} // namespace

void sort_by_scope(std::vector<KpiValue>& values) {
    std::vector<ScopeKey> scopes;
    std::vector<std::string_view> kpis;
    scopes.reserve(values.size());
    kpis.reserve(values.size());
    for (const auto& v : values) {
        scopes.emplace_back(v.scope_type, v.scope_code);
        kpis.emplace_back(v.kpi_id);
    }
    const auto scope_rank = ranks_of<ScopeKey, ScopeKeyHash>(scopes);
    const auto kpi_rank = ranks_of<std::string_view, std::hash<std::string_view>>(kpis);

    struct Entry {
        std::uint64_t scope_and_kpi;
        std::uint32_t index;
    };
    std::vector<Entry> order(values.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = {std::uint64_t{scope_rank[i]} << 32 | kpi_rank[i], i};
    std::sort(order.begin(), order.end(), [&](const Entry& a, const Entry& b) {
        if (a.scope_and_kpi != b.scope_and_kpi) return a.scope_and_kpi < b.scope_and_kpi;
        const int breakdown = values[a.index].breakdown.compare(values[b.index].breakdown);
        return breakdown != 0 ? breakdown < 0 : a.index < b.index;
    });
    std::vector<KpiValue> sorted;
    sorted.reserve(values.size());
    for (const Entry& e : order) sorted.push_back(std::move(values[e.index]));
    values = std::move(sorted);
}

} // namespace ss
