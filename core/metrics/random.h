#pragma once

#include <cstdint>

namespace ft::metrics {

// xoshiro256** (Blackman & Vigna, 2018) seeded through splitmix64. Used wherever the
// metrics and baselines need randomness (bootstrap resamples, typos, splits), because
// std::uniform_int_distribution and friends give different sequences on different
// standard libraries: with this generator the same seed gives the same numbers
// everywhere. Not thread-safe; one instance per thread.
class Random {
public:
    explicit Random(uint64_t seed);

    uint64_t next();
    // Uniform integer in [0, n) without modulo bias (Lemire's method); n > 0.
    uint64_t below(uint64_t n);
    // Uniform double in [0, 1) with 53 random bits.
    double uniform();

private:
    uint64_t m_s[4];
};

// One step of splitmix64: advances `state` and returns the next output.
uint64_t splitmix64(uint64_t& state);

}  // namespace ft::metrics
