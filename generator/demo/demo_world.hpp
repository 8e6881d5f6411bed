// The fixed frame of a demo database: which municipalities, regions, GIs, providers and case
// workers exist, and the rates the synthetic records are drawn with.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "demo/population_model.hpp"
#include "demo/reference_data.hpp"

namespace ss::demo {

enum class Scale { small, region, national };

struct DemoSettings {
    Scale scale = Scale::small;
    std::uint64_t seed = 1;
    int history_years = 3; ///< years of records delivered, ending 2025 (the benchmark doubles it)
};

/// The period the demo holds: by default twelve quarters 2023-Q1 .. 2025-Q4, delivered in
/// January 2026.
struct DemoPeriod {
    Date history_start = make_date(2023, 1, 1);
    Date data_end = make_date(2025, 12, 31);
    std::string delivered_on = "2026-01-20";
    Quarter first_quarter{2023, 1};
    Quarter last_quarter{2025, 4};
};

/// The period of `history_years` years ending with 2025 (1 to 10; throws UsageError otherwise).
DemoPeriod demo_period(int history_years);

struct DemoMunicipality {
    MunicipalityRef ref;
    std::int64_t youths_2024 = 0;
    /// Relative need for care (1 = national average): cities and some regions use more.
    double need = 1.0;
};

struct DemoInstitution {
    std::string id;
    std::string name;
    std::string kind;                  ///< gi, provider, local_team
    std::vector<std::string> regions;  ///< regions served; empty = national
    std::vector<int> segments;         ///< providers: segments offered
    std::string municipality_code;     ///< local teams: their municipality
};

struct CaseWorker {
    std::string id;
    std::string institution_id;
    std::string skj_number;      ///< empty: not registered
    std::string skj_valid_until; ///< ISO date or empty
    std::string region_code;     ///< the region the case worker mostly works in
};

struct DemoWorld {
    DemoSettings settings;
    DemoPeriod period;
    std::vector<RegionRef> regions;
    std::vector<DemoMunicipality> municipalities;
    std::vector<DemoInstitution> institutions;
    std::map<std::string, std::vector<CaseWorker>> case_workers; ///< by GI id
    /// (GI id, region code) -> indexes into case_workers.at(GI id) of the case workers of that region.
    std::map<std::pair<std::string, std::string>, std::vector<size_t>> case_workers_by_region;

    const DemoInstitution& institution(const std::string& id) const;
    /// The regional GI of a region (the one that is not national).
    const std::string& regional_gi(const std::string& region_code) const;
    std::vector<const DemoInstitution*> providers_for(const std::string& region_code,
                                                      int segment) const;
    const std::string& local_team(const std::string& municipality_code) const;

    std::map<std::string, std::string> regional_gi_by_region;
    std::map<std::string, std::string> local_team_by_municipality;
};

/// National GI ids, used across every region.
inline const char* const gi_wss = "GI-WSS";
inline const char* const gi_ljr = "GI-LJR";
inline const char* const gi_nidos = "GI-NIDOS";

DemoWorld build_world(const DemoSettings& settings);

} // namespace ss::demo
