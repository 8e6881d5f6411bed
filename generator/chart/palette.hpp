// The chart colours: the Okabe-Ito palette, distinguishable with every common colour-vision
// deficiency, and line styles so that series differ in more than colour.
#pragma once

namespace ss {

struct Rgb {
    double r, g, b;
};

inline constexpr Rgb palette[] = {
    {0.000, 0.447, 0.698}, // blue: the scope itself
    {0.902, 0.624, 0.000}, // orange: the region
    {0.000, 0.620, 0.451}, // bluish green: the target
    {0.800, 0.475, 0.655}, // reddish purple
    {0.337, 0.706, 0.914}, // sky blue
    {0.835, 0.369, 0.000}, // vermilion
};
inline constexpr Rgb text_colour{0.13, 0.13, 0.13};
inline constexpr Rgb background_colour{1.0, 1.0, 1.0};
inline constexpr Rgb grid_colour{0.85, 0.85, 0.85};
inline constexpr Rgb muted_colour{0.40, 0.40, 0.40};

} // namespace ss
