// Wall seconds since a moment: the one clock the stage timings, progress lines and summaries use.
#pragma once

#include <chrono>

namespace ss {

inline double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace ss
