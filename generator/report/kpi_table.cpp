#include "report/kpi_table.hpp"

#include <algorithm>

namespace ss {

namespace {

std::string scope_key(const std::string& scope_type, const std::string& scope_code, const std::string& kpi_id) {
    std::string key;
    key.reserve(scope_type.size() + scope_code.size() + kpi_id.size() + 3);
    key.append(scope_type).append(1, '|').append(scope_code).append(1, '|').append(kpi_id);
    return key;
}

} // namespace

void KpiTable::add_to(QuarterPart& part, std::string scope_kpi, const std::string& breakdown, const Figure& figure) {
    if (!breakdown.empty()) {
        auto& list = part.breakdowns[scope_kpi];
        if (std::find(list.begin(), list.end(), breakdown) == list.end()) list.push_back(breakdown);
    }
    scope_kpi.append(1, '|').append(breakdown);
    part.figures[std::move(scope_kpi)] = figure;
}

void KpiTable::add(const KpiValue& v) {
    add_to(quarters_[v.quarter], scope_key(v.scope_type, v.scope_code, v.kpi_id), v.breakdown,
           Figure{v.value, v.numerator, v.denominator, v.provisional});
}

void KpiTable::add(const std::vector<KpiValue>& values) {
    for (const auto& v : values) add(v);
}

void KpiTable::merge(KpiTable&& other) {
    for (auto& [quarter, part] : other.quarters_) {
        const auto [own, added] = quarters_.try_emplace(quarter, std::move(part));
        if (added) continue;
        // A quarter both have: the other's values replace these, its breakdowns join these in order.
        for (auto& [key, list] : part.breakdowns) {
            auto& mine = own->second.breakdowns[key];
            for (auto& b : list)
                if (std::find(mine.begin(), mine.end(), b) == mine.end()) mine.push_back(std::move(b));
        }
        for (auto& [key, figure] : part.figures) own->second.figures[key] = figure;
    }
    other.quarters_.clear();
}

size_t KpiTable::size() const {
    size_t n = 0;
    for (const auto& [quarter, part] : quarters_) n += part.figures.size();
    return n;
}

Figure KpiTable::get(const std::string& quarter, ScopeType scope_type, const std::string& scope_code,
                     const std::string& kpi_id, const std::string& breakdown) const {
    const auto part = quarters_.find(quarter);
    if (part == quarters_.end()) return {};
    std::string key = scope_key(scope_type_name(scope_type), scope_code, kpi_id);
    key.append(1, '|').append(breakdown);
    const auto found = part->second.figures.find(key);
    return found == part->second.figures.end() ? Figure{} : found->second;
}

std::vector<std::string> KpiTable::breakdowns(const std::string& quarter, ScopeType scope_type,
                                              const std::string& scope_code, const std::string& kpi_id,
                                              const std::string& dimension) const {
    const auto part = quarters_.find(quarter);
    if (part == quarters_.end()) return {};
    const auto found = part->second.breakdowns.find(scope_key(scope_type_name(scope_type), scope_code, kpi_id));
    if (found == part->second.breakdowns.end()) return {};
    std::vector<std::string> keys;
    const std::string prefix = dimension + "=";
    for (const auto& b : found->second)
        if (b.rfind(prefix, 0) == 0 && b.find(',') == std::string::npos) keys.push_back(b);
    return keys;
}

bool is_transparency_cell(const KpiValue& value) { return value.kpi_id.rfind("TR", 0) == 0; }

} // namespace ss
