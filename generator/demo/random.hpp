// A small deterministic random generator for the demo. std::*_distribution results differ between
// standard libraries, so the same seed must go through our own, fully specified arithmetic.
#pragma once

#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ss::demo {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    /// A generator for one part of the demo (a municipality, a table), independent of the order
    /// in which parts are generated.
    static Rng derived(std::uint64_t seed, std::string_view part);

    std::uint64_t next_u64();
    double uniform(); ///< [0, 1)
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int integer(int lo, int hi); ///< inclusive
    bool chance(double p) { return uniform() < p; }
    double normal(double mean, double sd);
    /// Log-normal with the given mean and shape (sigma of the underlying normal).
    double lognormal_with_mean(double mean, double sigma);
    int poisson(double mean);
    /// An index into `weights` with probability proportional to its weight.
    size_t pick(const std::vector<double>& weights);

private:
    std::uint64_t state_;
};

/// FNV-1a, for deriving seeds from names.
std::uint64_t hash_name(std::string_view text);

/// An opaque pseudonym: `prefix` and 12 base-32 characters derived from `value`.
std::string pseudonym(char prefix, std::uint64_t value);

} // namespace ss::demo
