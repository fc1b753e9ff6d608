#pragma once

#include <cstdint>
#include <vector>

#include "metrics/classification.h"

// Reliability diagram and expected calibration error of the top-label confidence
// (Guo et al. 2017, "On Calibration of Modern Neural Networks"). Pure functions.
namespace ft::metrics {

// Bin i of n covers confidences [i/n, (i+1)/n); the last bin also holds 1.0.
// Empty bins have count 0 and meanConfidence = accuracy = 0.
struct CalibrationBin {
    double lower = 0, upper = 0;
    int64_t count = 0;
    double meanConfidence = 0;  // mean of the highest score of the rows in the bin
    double accuracy = 0;        // fraction of those rows predicted correctly
};

struct Calibration {
    std::vector<CalibrationBin> bins;
    // ECE = sum over bins of count / N * |accuracy - meanConfidence|.
    double expectedCalibrationError = 0;
    // MCE = the largest |accuracy - meanConfidence| over non-empty bins.
    double maximumCalibrationError = 0;
};

// Confidence of a row = its highest score; correct = yPred equals yTrue (yPred is
// taken as given, not recomputed from the scores). Requires scores and bins >= 1;
// throws InvalidArgument otherwise.
Calibration calibration(const Classification& c, int bins = 15);

}  // namespace ft::metrics
