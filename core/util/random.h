#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace ft::util {

// xoshiro256** (Blackman & Vigna, 2018) seeded through splitmix64: the one generator
// for every seeded choice in core (dataset splits, batch order, bootstrap resamples,
// typos), because std::shuffle and the std distributions give different sequences on
// different standard libraries: with this one the same seed gives the same numbers
// everywhere, and its whole state is four numbers. Not thread-safe; one per thread.
class Random {
public:
    explicit Random(uint64_t seed);

    uint64_t next();
    // Uniform integer in [0, n) without modulo bias; n > 0.
    uint64_t below(uint64_t n);
    // Uniform double in [0, 1) with 53 random bits.
    double uniform();
    // Fisher-Yates, from the back.
    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }

private:
    uint64_t m_s[4];
};

// One step of splitmix64: advances `state` and returns the next output.
uint64_t splitmix64(uint64_t& state);

}  // namespace ft::util
