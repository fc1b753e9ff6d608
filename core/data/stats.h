#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ft::store {
class Project;
}

namespace ft::data {

struct SplitSummary {
    int64_t id = 0;
    uint64_t seed = 0;
    std::vector<double> ratios;
    bool stratified = false;
    int64_t train = 0, validation = 0, test = 0;  // rows per part
};

struct SourceSummary {
    std::string path;
    int64_t rows = 0;
    std::string sha256;
};

// rows = labelled + unlabelled + dropped: labelled and unlabelled count kept rows only.
struct DatasetStats {
    int64_t datasetId = 0;
    std::string name;
    int64_t rows = 0;
    int64_t labelled = 0;
    int64_t unlabelled = 0;
    int64_t dropped = 0;
    std::vector<std::pair<std::string, int64_t>> labelCounts;
    // Text length in characters (code points) of the rows that are kept.
    int64_t minLength = 0, maxLength = 0;
    double meanLength = 0, medianLength = 0;
    // Counts per bin; bin i holds lengths in [minLength + i * w, minLength + (i + 1) * w)
    // with w = lengthBinWidth. Empty when no row is kept.
    std::vector<int64_t> lengthHistogram;
    int64_t lengthBinWidth = 1;
    std::optional<SplitSummary> split;            // the latest split
    std::optional<std::string> cleaningPipeline;  // the latest cleaning's pipeline JSON
    std::vector<SourceSummary> sources;
    std::string toJson() const;  // what `finetune data stats --json` prints
};

DatasetStats computeStats(store::Project& project, int64_t datasetId, int histogramBins = 30);

}  // namespace ft::data
