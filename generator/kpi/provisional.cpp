#include "kpi/provisional.hpp"

#include <tuple>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/text_file.hpp"
#include "schema/scope.hpp"

namespace ss {

CompletenessRule parse_completeness_rule(std::string_view file_name, std::string_view json_text) {
    const std::string file(file_name);
    CompletenessRule rule;
    try {
        const auto json = nlohmann::json::parse(json_text);
        rule.threshold = json.at("threshold").get<double>();
        for (const auto& [kpi, subject] : json.at("cost_kpis").items()) {
            const std::string type = subject.get<std::string>();
            if (type != "trajectory" && type != "measure")
                throw InputError(file + ": cost_kpis." + kpi + " is '" + type + "' (expected trajectory or measure)");
            rule.cost_kpis[kpi] = type;
        }
    } catch (const nlohmann::json::exception& e) {
        throw InputError(file + ": " + e.what() + " (expected {\"threshold\": 95, \"cost_kpis\": {\"JH06\": \"trajectory\", …}})");
    }
    if (rule.threshold < 0 || rule.threshold > 100)
        throw InputError(file + ": threshold is a percentage from 0 to 100");
    return rule;
}

CompletenessRule load_completeness_rule(const std::filesystem::path& file) {
    return parse_completeness_rule(file.filename().string(), read_text_file(file, "data completeness rule"));
}

void mark_provisional(std::vector<KpiValue>& values, const CompletenessRule& rule) {
    // (quarter, scope type, scope code, subject breakdown) -> incomplete
    std::map<std::tuple<std::string, std::string, std::string, std::string>, bool> incomplete;
    for (const auto& v : values)
        if (v.kpi_id == "DQ01" && v.value)
            incomplete[{v.quarter, v.scope_type, v.scope_code, v.breakdown}] = *v.value < rule.threshold;
    for (auto& v : values) {
        const auto cost = rule.cost_kpis.find(v.kpi_id);
        if (cost == rule.cost_kpis.end()) continue;
        const bool gi = v.scope_type == scope_type_name(ScopeType::gi);
        const std::string scope_type = gi ? scope_type_name(ScopeType::region) : v.scope_type;
        const std::string scope_code = gi ? v.scope_code.substr(0, v.scope_code.find('/')) : v.scope_code;
        const auto found = incomplete.find({v.quarter, scope_type, scope_code, "subject_type=" + cost->second});
        v.provisional = found != incomplete.end() && found->second;
    }
}

} // namespace ss
