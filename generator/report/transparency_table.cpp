#include "report/transparency_table.hpp"

#include <map>

namespace ss {

namespace {

std::string profile_label(const TransparencyRow& row) {
    return row.profile.empty() ? "geen profiel" : "profiel " + row.profile;
}

} // namespace

TransparencyTable transparency_table(const std::vector<TransparencyRow>& rows) {
    TransparencyTable table;
    std::map<std::string, size_t> provider_at;
    std::vector<const TransparencyRow*> profiles, intensities;
    // transparency_rows sorts by level first, so a provider's line comes before its parts, and
    // each level's rows come in name, profile and intensity order.
    for (const auto& row : rows) {
        switch (row.level) {
        case TransparencyLevel::profile: profiles.push_back(&row); continue;
        case TransparencyLevel::intensity: intensities.push_back(&row); continue;
        default: break;
        }
        auto [at, added] = provider_at.emplace(row.provider_id, table.providers.size());
        if (added) table.providers.push_back({nullptr, row.provider_name, {}});
        ProviderRows& provider = table.providers[at->second];
        if (row.level == TransparencyLevel::provider) provider.total = &row;
        else provider.parts.push_back(&row);
    }
    table.region = intensities;
    table.region.insert(table.region.end(), profiles.begin(), profiles.end());
    return table;
}

std::string transparency_row_label(const TransparencyRow& row) {
    switch (row.level) {
    case TransparencyLevel::provider: return row.provider_name;
    case TransparencyLevel::provider_intensity: return "alle profielen, " + row.intensity;
    case TransparencyLevel::profile: return profile_label(row);
    case TransparencyLevel::intensity: return row.intensity;
    case TransparencyLevel::cell: break;
    }
    return profile_label(row) + ", " + row.intensity;
}

} // namespace ss
