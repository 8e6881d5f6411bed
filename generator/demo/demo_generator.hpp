// `samen-sturen demo`: a synthetic but realistic delivery for all or part of the Netherlands.
#pragma once

#include "demo/demo_world.hpp"
#include "import/delivery.hpp"

namespace ss::demo {

/// The whole demo delivery; deterministic for settings.seed.
Delivery generate_demo(const DemoSettings& settings);

/// "small", "region", "national"; throws UsageError otherwise.
Scale parse_scale(const std::string& text);

} // namespace ss::demo
