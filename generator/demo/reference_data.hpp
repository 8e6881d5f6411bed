// The real Dutch municipalities (CBS 2026 division) and youth-care regions (CBS 2025) the demo is
// built on; compiled in from data/reference/ (sources in its README).
#pragma once

#include <string>
#include <vector>

namespace ss::demo {

struct MunicipalityRef {
    std::string code;        ///< GM0505
    std::string name;        ///< Dordrecht
    std::string province;
    std::string region_code; ///< JZ31
};

struct RegionRef {
    std::string code; ///< JZ31
    std::string name; ///< Zuid-Holland Zuid
};

const std::vector<MunicipalityRef>& reference_municipalities();
const std::vector<RegionRef>& reference_regions();

} // namespace ss::demo
