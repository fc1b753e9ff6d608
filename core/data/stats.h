#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ft::store {
class Project;
}

namespace ft::data {

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
    std::vector<int64_t> lengthHistogram;  // counts per bin
    int64_t lengthBinWidth = 1;
    std::string toJson() const;  // what `finetune data stats --json` prints
};

DatasetStats computeStats(store::Project& project, int64_t datasetId, int histogramBins = 30);

}  // namespace ft::data
