#include "metrics/calibration.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "error.h"

namespace ft::metrics {

Calibration calibration(const Classification& c, int bins) {
    validate(c);
    if (!hasScores(c)) {
        throw Error(ErrorCode::InvalidArgument, "metrics: calibration needs scores");
    }
    if (bins < 1) {
        throw Error(ErrorCode::InvalidArgument,
                    "metrics: calibration needs at least one bin, found " + std::to_string(bins));
    }
    Calibration out;
    out.bins.resize(bins);
    std::vector<double> confSum(bins, 0), correct(bins, 0);
    for (size_t i = 0; i < c.yTrue.size(); ++i) {
        const double conf = *std::max_element(c.scores[i].begin(), c.scores[i].end());
        int b = static_cast<int>(std::floor(conf * bins));
        b = std::clamp(b, 0, bins - 1);
        ++out.bins[b].count;
        confSum[b] += conf;
        correct[b] += c.yPred[i] == c.yTrue[i] ? 1.0 : 0.0;
    }
    const auto n = static_cast<double>(c.yTrue.size());
    for (int b = 0; b < bins; ++b) {
        CalibrationBin& bin = out.bins[b];
        bin.lower = static_cast<double>(b) / bins;
        bin.upper = static_cast<double>(b + 1) / bins;
        if (bin.count == 0) {
            continue;
        }
        const auto count = static_cast<double>(bin.count);
        bin.meanConfidence = confSum[b] / count;
        bin.accuracy = correct[b] / count;
        const double gap = std::fabs(bin.accuracy - bin.meanConfidence);
        out.expectedCalibrationError += count / n * gap;
        out.maximumCalibrationError = std::max(out.maximumCalibrationError, gap);
    }
    return out;
}

}  // namespace ft::metrics
