// Youth-care trajectories of one municipality with their outcomes and quarterly costs.
#pragma once

#include <vector>

#include "demo/demo_world.hpp"
#include "demo/measures_model.hpp"
#include "demo/random.hpp"
#include "import/delivery.hpp"

namespace ss::demo {

/// Appends the municipality's trajectories, outcomes and trajectory costs to `out`; children
/// in `referrals` get a GI-route trajectory (segment 6).
void generate_trajectories(const DemoWorld& world, const DemoMunicipality& municipality, Rng& rng,
                           const std::vector<GiRouteReferral>& referrals, Delivery& out);

/// Maximum trajectory duration in days per segment and intensity (norms.csv).
int norm_days(int segment, const std::string& intensity);
const std::vector<std::string>& intensities();

} // namespace ss::demo
