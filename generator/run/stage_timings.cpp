#include "run/stage_timings.hpp"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <string>
#include <sys/resource.h>

#include "core/elapsed.hpp"

namespace ss {

double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double process_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double peak_resident_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

double resident_file_mib() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("RssFile:", 0) == 0) return std::stod(line.substr(8)) / 1024.0; // "RssFile:  123 kB"
    return 0;
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

void StageTimings::add(const std::string& stage, StageTime time) {
    std::lock_guard lock(mutex_);
    for (auto& [name, total] : stages_)
        if (name == stage) {
            total.wall += time.wall;
            total.cpu += time.cpu;
            return;
        }
    stages_.emplace_back(stage, time);
}

std::vector<std::pair<std::string, StageTime>> StageTimings::stages() const {
    std::lock_guard lock(mutex_);
    return stages_;
}

StageTimings::Measure::Measure(StageTimings& timings, std::string stage, double* cpu_total)
    : timings_(timings), stage_(std::move(stage)), cpu_total_(cpu_total),
      wall_start_(std::chrono::steady_clock::now()), cpu_start_(thread_cpu_seconds()) {}

StageTimings::Measure::~Measure() {
    const double cpu = thread_cpu_seconds() - cpu_start_;
    const double wall = seconds_since(wall_start_);
    if (cpu_total_) *cpu_total_ += cpu;
    timings_.add(stage_, {wall, cpu});
}

} // namespace ss
