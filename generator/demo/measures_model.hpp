// Child-protection measures of one municipality: OTS (with VOTS before and UHP within),
// voogdij and jeugdreclassering, with extensions, quarterly progress and GI costs.
#pragma once

#include <string>
#include <vector>

#include "demo/demo_world.hpp"
#include "demo/random.hpp"
#include "import/delivery.hpp"

namespace ss::demo {

/// A child under a measure who also gets youth care through the GI (segment 6).
struct GiRouteReferral {
    std::string child_id;
    Date start;
};

/// Appends the municipality's measures and their dependent rows to `out`.
void generate_measures(const DemoWorld& world, const DemoMunicipality& municipality, Rng& rng,
                       Delivery& out, std::vector<GiRouteReferral>& referrals);

} // namespace ss::demo
