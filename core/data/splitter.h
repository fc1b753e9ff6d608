#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "progress.h"

namespace ft::store {
class Project;
}

namespace ft::data {

struct SplitOptions {
    uint64_t seed = 42;
    std::vector<double> ratios{0.70, 0.15, 0.15};  // train, validation, test
    bool stratify = true;
    // "70,15,15" (percentages summing to 100) or "0.7,0.15,0.15" (fractions summing
    // to 1); three values. Throws InvalidArgument naming the value otherwise.
    static std::vector<double> parseRatios(const std::string& s);
};

struct PartCounts {
    int64_t total = 0;
    std::vector<std::pair<std::string, int64_t>> perLabel;  // in label-set order
};

struct SplitReport {
    int64_t splitId = 0;
    uint64_t seed = 0;
    std::vector<double> ratios;
    bool stratified = true;
    PartCounts train, validation, test;
    int64_t excludedUnlabelled = 0;
    int64_t excludedDropped = 0;
    // Leakage check: groups of identical (cleaned) texts kept together in one part.
    int64_t duplicateGroups = 0;
    int64_t textsInTwoParts = 0;  // always 0 after a split of ours; counted to prove it
    std::string toJson() const;
};

// Splits the labelled, not-dropped rows of a dataset (random or stratified by label,
// seeded: the same seed and data give the same split). Rows with identical text
// (after cleaning, if cleaned) are kept in one part. Refuses with a clear message
// a dataset with fewer than two classes, or too few rows for the ratios. Saves the
// split in the project in one transaction.
SplitReport splitDataset(store::Project& project, int64_t datasetId, const SplitOptions& options,
                         const Progress& progress = {});

}  // namespace ft::data
