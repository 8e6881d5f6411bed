#include "report/kpi_table.hpp"

#include <algorithm>

namespace ss {

namespace {

std::string scope_key(const std::string& quarter, const std::string& scope_type, const std::string& scope_code,
                      const std::string& kpi_id) {
    std::string key;
    key.reserve(quarter.size() + scope_type.size() + scope_code.size() + kpi_id.size() + 4);
    key.append(quarter).append(1, '|').append(scope_type).append(1, '|').append(scope_code).append(1, '|').append(kpi_id);
    return key;
}

} // namespace

void KpiTable::add(const std::vector<KpiValue>& values) {
    for (const auto& v : values) {
        std::string key = scope_key(v.quarter, v.scope_type, v.scope_code, v.kpi_id);
        if (!v.breakdown.empty()) {
            auto& list = breakdowns_[key];
            if (std::find(list.begin(), list.end(), v.breakdown) == list.end()) list.push_back(v.breakdown);
        }
        key.append(1, '|').append(v.breakdown);
        figures_[key] = Figure{v.value, v.numerator, v.denominator, v.provisional};
    }
}

Figure KpiTable::get(const std::string& quarter, ScopeType scope_type, const std::string& scope_code,
                     const std::string& kpi_id, const std::string& breakdown) const {
    std::string key = scope_key(quarter, scope_type_name(scope_type), scope_code, kpi_id);
    key.append(1, '|').append(breakdown);
    const auto found = figures_.find(key);
    return found == figures_.end() ? Figure{} : found->second;
}

std::vector<std::string> KpiTable::breakdowns(const std::string& quarter, ScopeType scope_type,
                                              const std::string& scope_code, const std::string& kpi_id,
                                              const std::string& dimension) const {
    const auto found = breakdowns_.find(scope_key(quarter, scope_type_name(scope_type), scope_code, kpi_id));
    if (found == breakdowns_.end()) return {};
    std::vector<std::string> keys;
    const std::string prefix = dimension + "=";
    for (const auto& b : found->second)
        if (b.rfind(prefix, 0) == 0 && b.find(',') == std::string::npos) keys.push_back(b);
    return keys;
}

bool is_transparency_cell(const KpiValue& value) { return value.kpi_id.rfind("TR", 0) == 0; }

} // namespace ss
