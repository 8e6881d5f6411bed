// Wall and CPU seconds per stage of a run, summed over the workers: what `run --timings` prints
// and `make bench` reads (docs/performance.md).
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace ss {

struct StageTime {
    double wall = 0; ///< seconds, summed over the threads that ran the stage
    double cpu = 0;  ///< CPU seconds of those threads
};

/// CPU seconds the calling thread has used so far.
double thread_cpu_seconds();
/// CPU seconds the whole process has used so far (all threads, user and system).
double process_cpu_seconds();
/// The process's peak resident memory so far, in MiB.
double peak_resident_mib();
/// The process's resident memory backed by files right now (the database the readers map, and the
/// program's libraries), in MiB: pages the kernel shares with its page cache and can drop.
double resident_file_mib();

/// The middle value (the mean of the two middle ones for an even count); 0 for none.
double median(std::vector<double> values);

/// Stages in the order they were first reported; safe to add to from several threads.
class StageTimings {
public:
    void add(const std::string& stage, StageTime time);
    std::vector<std::pair<std::string, StageTime>> stages() const;

    /// Measures the calling thread from construction to destruction and adds it to `stage`; also
    /// adds the CPU seconds to `*cpu_total` when given (a scope's package).
    class Measure {
    public:
        Measure(StageTimings& timings, std::string stage, double* cpu_total = nullptr);
        ~Measure();
        Measure(const Measure&) = delete;
        Measure& operator=(const Measure&) = delete;

    private:
        StageTimings& timings_;
        std::string stage_;
        double* cpu_total_;
        std::chrono::steady_clock::time_point wall_start_;
        double cpu_start_;
    };

private:
    mutable std::mutex mutex_;
    std::vector<std::pair<std::string, StageTime>> stages_;
};

} // namespace ss
