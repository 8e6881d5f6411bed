// What a report is about: a municipality, a region, or a GI within a region. Plain data, used
// from the report model down to the output folders.
#pragma once

#include <string>

namespace ss {

/// The three kinds of scope the KPI queries count for.
enum class ScopeType { municipality, region, gi };

/// "municipality", "region", "gi": the `scope_type` the queries return and kpis.csv carries.
constexpr const char* scope_type_name(ScopeType type) {
    switch (type) {
    case ScopeType::municipality: return "municipality";
    case ScopeType::region: return "region";
    case ScopeType::gi: return "gi";
    }
    return "";
}

/// A municipality, region or GI a report is about.
struct Scope {
    ScopeType type = ScopeType::municipality;
    std::string code; ///< GM0505, the region code, or <region>/<institution>
    std::string name;
    std::string region_code;
    std::string region_name;
};

} // namespace ss
