#include "metrics/curves.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "error.h"

namespace ft::metrics {

namespace {

// sklearn's _binary_clf_curve: counts of false and true positives when every row
// scoring at least each distinct score is called positive, distinct scores in
// decreasing order.
struct ClfCounts {
    std::vector<double> fps, tps, thresholds;
};

ClfCounts binaryClfCurve(const std::vector<bool>& positives, const std::vector<double>& scores) {
    if (positives.size() != scores.size() || scores.empty()) {
        throw Error(ErrorCode::InvalidArgument,
                    "metrics: curve needs one score per row and at least one row, found " +
                        std::to_string(positives.size()) + " rows and " +
                        std::to_string(scores.size()) + " scores");
    }
    std::vector<size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return scores[a] > scores[b]; });
    ClfCounts out;
    double tp = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        tp += positives[order[i]] ? 1.0 : 0.0;
        const bool last = i + 1 == order.size() || scores[order[i + 1]] != scores[order[i]];
        if (last) {
            out.tps.push_back(tp);
            out.fps.push_back(static_cast<double>(i + 1) - tp);
            out.thresholds.push_back(scores[order[i]]);
        }
    }
    return out;
}

[[noreturn]] void fail(const std::string& message) {
    throw Error(ErrorCode::InvalidArgument, "metrics: " + message);
}

void requireScores(const Classification& c) {
    validate(c);
    if (!hasScores(c)) {
        fail("ROC AUC needs scores");
    }
}

bool allClassesPresent(const Classification& c) {
    std::vector<bool> seen(c.numClasses, false);
    for (int t : c.yTrue) {
        seen[t] = true;
    }
    return std::all_of(seen.begin(), seen.end(), [](bool b) { return b; });
}

}  // namespace

bool RocCurve::defined() const {
    return !fpr.empty() && std::isfinite(fpr.back()) && std::isfinite(tpr.back());
}

RocCurve rocCurve(const std::vector<bool>& positives, const std::vector<double>& scores,
                  bool dropIntermediate) {
    ClfCounts cc = binaryClfCurve(positives, scores);
    if (dropIntermediate && cc.fps.size() > 2) {
        ClfCounts kept;
        const size_t n = cc.fps.size();
        for (size_t i = 0; i < n; ++i) {
            bool keep = i == 0 || i + 1 == n;
            if (!keep) {
                const double d2f = cc.fps[i + 1] - 2 * cc.fps[i] + cc.fps[i - 1];
                const double d2t = cc.tps[i + 1] - 2 * cc.tps[i] + cc.tps[i - 1];
                keep = d2f != 0 || d2t != 0;
            }
            if (keep) {
                kept.fps.push_back(cc.fps[i]);
                kept.tps.push_back(cc.tps[i]);
                kept.thresholds.push_back(cc.thresholds[i]);
            }
        }
        cc = std::move(kept);
    }
    RocCurve r;
    const double fpMax = cc.fps.back();
    const double tpMax = cc.tps.back();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    r.fpr.push_back(fpMax > 0 ? 0.0 : nan);
    r.tpr.push_back(tpMax > 0 ? 0.0 : nan);
    r.thresholds.push_back(cc.thresholds.front() + 1);
    for (size_t i = 0; i < cc.fps.size(); ++i) {
        r.fpr.push_back(fpMax > 0 ? cc.fps[i] / fpMax : nan);
        r.tpr.push_back(tpMax > 0 ? cc.tps[i] / tpMax : nan);
        r.thresholds.push_back(cc.thresholds[i]);
    }
    return r;
}

PrCurve precisionRecallCurve(const std::vector<bool>& positives,
                             const std::vector<double>& scores) {
    const ClfCounts cc = binaryClfCurve(positives, scores);
    const size_t n = cc.tps.size();
    const double tpMax = cc.tps.back();
    PrCurve pr;
    pr.precision.reserve(n + 1);
    pr.recall.reserve(n + 1);
    pr.thresholds.reserve(n);
    for (size_t j = n; j-- > 0;) {
        const double predicted = cc.tps[j] + cc.fps[j];
        pr.precision.push_back(predicted != 0 ? cc.tps[j] / predicted : 0.0);
        pr.recall.push_back(tpMax != 0 ? cc.tps[j] / tpMax : 1.0);
        pr.thresholds.push_back(cc.thresholds[j]);
    }
    pr.precision.push_back(1.0);
    pr.recall.push_back(0.0);
    return pr;
}

double trapezoidArea(const std::vector<double>& x, const std::vector<double>& y) {
    double area = 0;
    for (size_t i = 1; i < x.size() && i < y.size(); ++i) {
        area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
    }
    return area;
}

std::optional<double> rocAuc(const std::vector<bool>& positives,
                             const std::vector<double>& scores) {
    const RocCurve r = rocCurve(positives, scores, true);
    if (!r.defined()) {
        return std::nullopt;
    }
    return trapezoidArea(r.fpr, r.tpr);
}

std::optional<double> averagePrecision(const std::vector<bool>& positives,
                                       const std::vector<double>& scores) {
    if (std::none_of(positives.begin(), positives.end(), [](bool b) { return b; })) {
        return std::nullopt;
    }
    const PrCurve pr = precisionRecallCurve(positives, scores);
    // Recall decreases along the curve: -sum(diff(recall) * precision[:-1]).
    double ap = 0;
    for (size_t i = 0; i + 1 < pr.recall.size(); ++i) {
        ap -= (pr.recall[i + 1] - pr.recall[i]) * pr.precision[i];
    }
    return ap;
}

std::vector<double> scoreColumn(const Classification& c, int cls) {
    std::vector<double> s(c.scores.size());
    for (size_t i = 0; i < c.scores.size(); ++i) {
        s[i] = c.scores[i][cls];
    }
    return s;
}

std::vector<bool> isClass(const std::vector<int>& yTrue, int cls) {
    std::vector<bool> b(yTrue.size());
    for (size_t i = 0; i < yTrue.size(); ++i) {
        b[i] = yTrue[i] == cls;
    }
    return b;
}

std::optional<double> rocAucOvrMacro(const Classification& c) {
    requireScores(c);
    if (!allClassesPresent(c)) {
        return std::nullopt;
    }
    double sum = 0;
    for (int k = 0; k < c.numClasses; ++k) {
        sum += *rocAuc(isClass(c.yTrue, k), scoreColumn(c, k));
    }
    return sum / c.numClasses;
}

std::optional<double> rocAucOvrWeighted(const Classification& c) {
    requireScores(c);
    if (!allClassesPresent(c)) {
        return std::nullopt;
    }
    double sum = 0, weights = 0;
    for (int k = 0; k < c.numClasses; ++k) {
        const std::vector<bool> pos = isClass(c.yTrue, k);
        const auto w = static_cast<double>(std::count(pos.begin(), pos.end(), true));
        sum += w * *rocAuc(pos, scoreColumn(c, k));
        weights += w;
    }
    return sum / weights;
}

std::optional<double> rocAucOvoMacro(const Classification& c) {
    requireScores(c);
    if (!allClassesPresent(c)) {
        return std::nullopt;
    }
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < c.numClasses; ++a) {
        for (int b = a + 1; b < c.numClasses; ++b) {
            std::vector<bool> aTrue, bTrue;
            std::vector<double> aScore, bScore;
            for (size_t i = 0; i < c.yTrue.size(); ++i) {
                if (c.yTrue[i] == a || c.yTrue[i] == b) {
                    aTrue.push_back(c.yTrue[i] == a);
                    bTrue.push_back(c.yTrue[i] == b);
                    aScore.push_back(c.scores[i][a]);
                    bScore.push_back(c.scores[i][b]);
                }
            }
            sum += (*rocAuc(aTrue, aScore) + *rocAuc(bTrue, bScore)) / 2.0;
            ++pairs;
        }
    }
    return sum / pairs;
}

std::optional<double> rocAucMicro(const Classification& c) {
    requireScores(c);
    std::vector<bool> pos;
    std::vector<double> s;
    pos.reserve(c.yTrue.size() * c.numClasses);
    s.reserve(c.yTrue.size() * c.numClasses);
    for (size_t i = 0; i < c.yTrue.size(); ++i) {
        for (int k = 0; k < c.numClasses; ++k) {
            pos.push_back(c.yTrue[i] == k);
            s.push_back(c.scores[i][k]);
        }
    }
    return rocAuc(pos, s);
}

}  // namespace ft::metrics
