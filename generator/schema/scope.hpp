// What a report is about: a municipality, a region, or a GI within a region. Plain data, used
// from the report model down to the output folders.
#pragma once

#include <string>

namespace ss {

/// A municipality, region or GI a report is about.
struct Scope {
    std::string type; ///< municipality, region, gi
    std::string code; ///< GM0505, the region code, or <region>/<institution>
    std::string name;
    std::string region_code;
    std::string region_name;
};

} // namespace ss
