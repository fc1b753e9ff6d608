#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/classification.h"

// Where a classifier is weak and how brittle it is: metrics per text-length bucket and
// per class, and text perturbations whose metric deltas the evaluator reports. Pure
// functions; seeded ones give the same output for the same seed on every platform.
namespace ft::metrics {

// Length of a text for bucketing: its number of whitespace-separated words.
int64_t wordCount(std::string_view text);

struct SliceMetrics {
    std::string name;  // "12-20 words", a class label, ...
    int64_t rows = 0;
    double accuracy = 0;
    double macroF1 = 0;  // over the classes that occur in the slice's truth or predictions
};

// Rows split into `buckets` quantile buckets of wordCount: the edges are the
// q = 1/b, 2/b, ... quantiles (lower order statistic), each bucket holds lengths in
// (previous edge, edge], and buckets whose edges coincide are merged, so fewer than
// `buckets` may come back. Bucket names read "min-max words" of the lengths inside.
// texts has one entry per row of c; throws InvalidArgument otherwise or for buckets < 1.
std::vector<SliceMetrics> metricsByLength(const Classification& c,
                                          const std::vector<std::string>& texts, int buckets = 4);

// One slice per class (rows whose true class is k): accuracy there is the recall of k;
// macroF1 is the F1 of class k. Named by c.labels when given, else the index.
std::vector<SliceMetrics> metricsByClass(const Classification& c);

// Perturbations (all UTF-8 in, valid UTF-8 out).
// Unicode lowercase.
std::string lowercased(std::string_view text);
// Drops every punctuation character (Unicode category P*) and ASCII symbol
// (!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~); runs of spaces that this leaves are kept.
std::string withoutPunctuation(std::string_view text);
// Each letter or digit is, with probability `rate`, swapped with the next character
// when that is also a letter or digit, dropped, or followed by an inserted random
// letter a-z (each of the three equally likely). Seeded xoshiro256**; rate in [0, 1],
// otherwise InvalidArgument.
std::string withTypos(std::string_view text, double rate, uint64_t seed);
// The first half of the words (rounded up); a single word keeps the first half of its
// characters (rounded up). Whitespace between kept words is kept as it was.
std::string truncatedToHalf(std::string_view text);

enum class Perturbation { Lowercase, NoPunctuation, Typos, TruncateHalf };
const char* toString(Perturbation p);

// Applies one perturbation to every text. Row i of Typos uses seed + i, so a row's
// typos do not depend on the other rows.
std::vector<std::string> perturb(const std::vector<std::string>& texts, Perturbation p,
                                 double typoRate = 0.05, uint64_t seed = 42);

// Metrics on perturbed inputs minus the metrics on the originals (same rows, same
// truth; negative = worse). changedPredictions counts rows whose prediction moved.
struct SensitivityDelta {
    std::string name;
    double accuracy = 0, accuracyDelta = 0;
    double macroF1 = 0, macroF1Delta = 0;
    int64_t changedPredictions = 0;
};
// Throws InvalidArgument when the two differ in rows or truth.
SensitivityDelta compareMetrics(const std::string& name, const Classification& original,
                                const Classification& perturbed);

}  // namespace ft::metrics
