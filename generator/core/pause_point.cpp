#include "core/pause_point.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace ss {

void pause_point(const char* name) {
    const char* wanted = std::getenv("SAMEN_STUREN_PAUSE_AT");
    if (!wanted || std::strcmp(wanted, name) != 0) return;
    std::fprintf(stderr, "samen-sturen: paused at %s\n", name);
    std::fflush(stderr);
    std::this_thread::sleep_for(std::chrono::seconds(60));
}

} // namespace ss
