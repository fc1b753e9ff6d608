#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "metrics/classification.h"

// Uncertainty of a metric (seeded percentile bootstrap) and the comparison of two
// classifiers on the same rows (McNemar's test). Pure functions; the same inputs and
// seed give the same numbers on every platform (util/random.h).
namespace ft::metrics {

struct Interval {
    double estimate = 0;  // the metric on all rows
    double lower = 0;     // percentile (1 - level) / 2 of the resampled metric
    double upper = 0;     // percentile (1 + level) / 2
    double level = 0.95;
    int resamples = 0;
    uint64_t seed = 0;
};

struct BootstrapOptions {
    int resamples = 1000;
    uint64_t seed = 42;
    double level = 0.95;
};

// Percentile bootstrap: `resamples` times, draw n rows with replacement (xoshiro256**
// seeded with `seed`), build the resampled Classification (hard predictions only) and
// evaluate `metric` on it; the bounds are percentiles of those values with linear
// interpolation between order statistics (numpy's default). Throws InvalidArgument
// for resamples < 1 or a level outside (0, 1).
Interval bootstrap(const Classification& c,
                   const std::function<double(const Classification&)>& metric,
                   const BootstrapOptions& options = {});
Interval bootstrapAccuracy(const Classification& c, const BootstrapOptions& options = {});
Interval bootstrapMacroF1(const Classification& c, const BootstrapOptions& options = {});

// McNemar's test on the discordant pairs of two classifiers evaluated on the same rows:
// b = rows only A gets right, c = rows only B gets right. With b + c < 25 it uses the
// exact two-sided binomial test (p = min(1, 2 P[X <= min(b, c)]), X ~ Bin(b + c, 1/2),
// statistic = min(b, c)); otherwise the chi-square test with continuity correction
// (statistic = (|b - c| - 1)^2 / (b + c), one degree of freedom). b + c = 0 gives p = 1.
struct McNemar {
    int64_t onlyA = 0;  // b
    int64_t onlyB = 0;  // c
    bool exact = false;
    double statistic = 0;
    double pValue = 1;
};
// Throws InvalidArgument when the three vectors differ in length.
McNemar mcnemar(const std::vector<int>& yTrue, const std::vector<int>& predA,
                const std::vector<int>& predB);
// The same from the two discordant counts.
McNemar mcnemar(int64_t onlyA, int64_t onlyB);

}  // namespace ft::metrics
