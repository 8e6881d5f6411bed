// Plausible populations for the demo. No public per-municipality population was found, so the
// largest municipalities and the smallest (Wadden islands) get rounded known sizes and the others
// a deterministic model; docs/demo-data.md says so.
#pragma once

#include <cstdint>

#include "demo/reference_data.hpp"

namespace ss::demo {

struct PopulationEstimate {
    std::int64_t inhabitants = 0;
    std::int64_t youths_0_17 = 0;
};

/// The municipality's population on 1 January of `year` (2000..2100).
PopulationEstimate estimate_population(const MunicipalityRef& m, int year);

} // namespace ss::demo
