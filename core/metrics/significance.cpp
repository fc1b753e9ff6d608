#include "metrics/significance.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "error.h"
#include "util/random.h"

namespace ft::metrics {

namespace {

// numpy.percentile(values, q) with the default linear method; values sorted.
double percentile(const std::vector<double>& sorted, double q) {
    const double pos = q * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}

}  // namespace

Interval bootstrap(const Classification& c,
                   const std::function<double(const Classification&)>& metric,
                   const BootstrapOptions& options) {
    validate(c);
    if (options.resamples < 1) {
        throw Error(ErrorCode::InvalidArgument, "metrics: bootstrap needs at least one resample");
    }
    if (!(options.level > 0 && options.level < 1)) {
        throw Error(
            ErrorCode::InvalidArgument,
            "metrics: bootstrap level must lie in (0, 1), found " + std::to_string(options.level));
    }
    Interval out;
    out.estimate = metric(c);
    out.level = options.level;
    out.resamples = options.resamples;
    out.seed = options.seed;

    util::Random rng(options.seed);
    const size_t n = c.yTrue.size();
    Classification sample;
    sample.numClasses = c.numClasses;
    sample.yTrue.resize(n);
    sample.yPred.resize(n);
    std::vector<double> values;
    values.reserve(options.resamples);
    for (int r = 0; r < options.resamples; ++r) {
        for (size_t i = 0; i < n; ++i) {
            const size_t j = rng.below(n);
            sample.yTrue[i] = c.yTrue[j];
            sample.yPred[i] = c.yPred[j];
        }
        values.push_back(metric(sample));
    }
    std::sort(values.begin(), values.end());
    out.lower = percentile(values, (1 - options.level) / 2);
    out.upper = percentile(values, (1 + options.level) / 2);
    return out;
}

Interval bootstrapAccuracy(const Classification& c, const BootstrapOptions& options) {
    return bootstrap(
        c, [](const Classification& s) { return accuracy(s); }, options);
}

Interval bootstrapMacroF1(const Classification& c, const BootstrapOptions& options) {
    return bootstrap(
        c, [](const Classification& s) { return classScores(s).f1Macro; }, options);
}

McNemar mcnemar(int64_t onlyA, int64_t onlyB) {
    if (onlyA < 0 || onlyB < 0) {
        throw Error(ErrorCode::InvalidArgument, "metrics: McNemar counts must not be negative");
    }
    McNemar m;
    m.onlyA = onlyA;
    m.onlyB = onlyB;
    const int64_t n = onlyA + onlyB;
    if (n == 0) {
        m.exact = true;
        return m;
    }
    if (n < 25) {
        m.exact = true;
        const int64_t k = std::min(onlyA, onlyB);
        m.statistic = static_cast<double>(k);
        // P[X <= k] for X ~ Bin(n, 1/2). With n < 25 every binomial coefficient is an
        // integer below 2^53, so the sum is exact before the final scaling.
        double tail = 0, coefficient = 1;
        for (int64_t i = 0; i <= k; ++i) {
            tail += coefficient;
            coefficient = coefficient * static_cast<double>(n - i) / static_cast<double>(i + 1);
        }
        tail = std::ldexp(tail, -static_cast<int>(n));
        m.pValue = std::min(1.0, 2 * tail);
        return m;
    }
    const double diff = std::fabs(static_cast<double>(onlyA - onlyB)) - 1;
    m.statistic = diff * diff / static_cast<double>(n);
    // Survival function of chi-square with one degree of freedom.
    m.pValue = std::erfc(std::sqrt(m.statistic / 2));
    return m;
}

McNemar mcnemar(const std::vector<int>& yTrue, const std::vector<int>& predA,
                const std::vector<int>& predB) {
    if (yTrue.size() != predA.size() || yTrue.size() != predB.size()) {
        throw Error(ErrorCode::InvalidArgument,
                    "metrics: McNemar needs predictions of both classifiers for every row");
    }
    int64_t onlyA = 0, onlyB = 0;
    for (size_t i = 0; i < yTrue.size(); ++i) {
        const bool a = predA[i] == yTrue[i];
        const bool b = predB[i] == yTrue[i];
        onlyA += a && !b;
        onlyB += b && !a;
    }
    return mcnemar(onlyA, onlyB);
}

}  // namespace ft::metrics
