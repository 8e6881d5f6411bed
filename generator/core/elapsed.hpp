// Wall seconds since a moment: the one clock the stage timings, progress lines and summaries use,
// and the list of steps timed with it.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace ss {

inline double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Wall seconds per step of one thread, in the order the steps ran: the import's stages, the SQL
/// stage's queries (`--timings`, `make bench`). A run's parallel stages add up in StageTimings.
using StepSeconds = std::vector<std::pair<std::string, double>>;

/// Adds each step's wall seconds to a StepSeconds: `steps.start(); …; steps.lap("check");`.
class StepClock {
public:
    explicit StepClock(StepSeconds& steps) : steps_(steps) {}
    /// Starts the next step now (a step that is not counted ran before).
    void restart() { start_ = std::chrono::steady_clock::now(); }
    /// Ends the current step as `name` and starts the next.
    void lap(std::string name) {
        steps_.emplace_back(std::move(name), seconds_since(start_));
        restart();
    }

private:
    StepSeconds& steps_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

} // namespace ss
