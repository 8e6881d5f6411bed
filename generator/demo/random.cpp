#include "demo/random.hpp"

#include <string>

namespace ss::demo {

std::uint64_t hash_name(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

Rng Rng::derived(std::uint64_t seed, std::string_view part) {
    Rng r(seed ^ hash_name(part));
    r.next_u64();
    return r;
}

// SplitMix64 (Steele, Lea, Flood 2014): fast, and every seed gives a full-quality stream.
std::uint64_t Rng::next_u64() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double Rng::uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

int Rng::integer(int lo, int hi) {
    return lo + static_cast<int>(uniform() * (hi - lo + 1));
}

double Rng::normal(double mean, double sd) {
    // Box-Muller; 1 - uniform() keeps the logarithm finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

double Rng::lognormal_with_mean(double mean, double sigma) {
    const double mu = std::log(mean) - sigma * sigma / 2.0;
    return std::exp(normal(mu, sigma));
}

int Rng::poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean > 50) {
        const double x = normal(mean, std::sqrt(mean));
        return x < 0 ? 0 : static_cast<int>(std::lround(x));
    }
    const double limit = std::exp(-mean);
    int k = 0;
    double p = uniform();
    while (p > limit) {
        ++k;
        p *= uniform();
    }
    return k;
}

size_t Rng::pick(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
        if (x < weights[i]) return i;
        x -= weights[i];
    }
    return weights.size() - 1;
}

std::string pseudonym(char prefix, std::uint64_t value) {
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::string id(1, prefix);
    for (int i = 0; i < 12; ++i) {
        id += alphabet[value & 31];
        value >>= 5;
    }
    return id;
}

} // namespace ss::demo
