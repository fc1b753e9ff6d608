#include "metrics/classification.h"

#include <cfloat>
#include <cmath>
#include <string>

#include "error.h"

namespace ft::metrics {

namespace {

[[noreturn]] void fail(const std::string& message) {
    throw Error(ErrorCode::InvalidArgument, "metrics: " + message);
}

double ratio(double num, double den) { return den == 0 ? 0.0 : num / den; }

double fScore(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

void requireScores(const Classification& c, const char* metric) {
    validate(c);
    if (!hasScores(c)) {
        fail(std::string(metric) + " needs scores");
    }
}

}  // namespace

void validate(const Classification& c) {
    if (c.numClasses < 2) {
        fail("numClasses must be at least 2, found " + std::to_string(c.numClasses));
    }
    if (c.yTrue.empty()) {
        fail("no examples");
    }
    if (c.yTrue.size() != c.yPred.size()) {
        fail("yTrue has " + std::to_string(c.yTrue.size()) + " entries but yPred has " +
             std::to_string(c.yPred.size()));
    }
    for (size_t i = 0; i < c.yTrue.size(); ++i) {
        if (c.yTrue[i] < 0 || c.yTrue[i] >= c.numClasses || c.yPred[i] < 0 ||
            c.yPred[i] >= c.numClasses) {
            fail("row " + std::to_string(i) + ": class index out of range [0, " +
                 std::to_string(c.numClasses) + ")");
        }
    }
    if (!c.labels.empty() && c.labels.size() != static_cast<size_t>(c.numClasses)) {
        fail("expected " + std::to_string(c.numClasses) + " labels, found " +
             std::to_string(c.labels.size()));
    }
    if (!c.scores.empty()) {
        if (c.scores.size() != c.yTrue.size()) {
            fail("expected " + std::to_string(c.yTrue.size()) + " score rows, found " +
                 std::to_string(c.scores.size()));
        }
        for (size_t i = 0; i < c.scores.size(); ++i) {
            if (c.scores[i].size() != static_cast<size_t>(c.numClasses)) {
                fail("score row " + std::to_string(i) + " has " +
                     std::to_string(c.scores[i].size()) + " values, expected " +
                     std::to_string(c.numClasses));
            }
            for (double v : c.scores[i]) {
                if (!std::isfinite(v)) {
                    fail("score row " + std::to_string(i) + " has a value that is not finite");
                }
            }
        }
    }
}

bool hasScores(const Classification& c) { return !c.scores.empty(); }

Matrix confusionMatrix(const std::vector<int>& yTrue, const std::vector<int>& yPred,
                       int numClasses) {
    Matrix m(numClasses, std::vector<int64_t>(numClasses, 0));
    for (size_t i = 0; i < yTrue.size() && i < yPred.size(); ++i) {
        ++m[yTrue[i]][yPred[i]];
    }
    return m;
}

double accuracy(const Classification& c) {
    validate(c);
    int64_t correct = 0;
    for (size_t i = 0; i < c.yTrue.size(); ++i) {
        correct += c.yTrue[i] == c.yPred[i];
    }
    return static_cast<double>(correct) / static_cast<double>(c.yTrue.size());
}

double balancedAccuracy(const Classification& c) {
    validate(c);
    const Matrix m = confusionMatrix(c.yTrue, c.yPred, c.numClasses);
    double sum = 0;
    int present = 0;
    for (int k = 0; k < c.numClasses; ++k) {
        int64_t rowSum = 0;
        for (int64_t v : m[k]) {
            rowSum += v;
        }
        if (rowSum > 0) {
            sum += static_cast<double>(m[k][k]) / static_cast<double>(rowSum);
            ++present;
        }
    }
    return sum / present;
}

ClassScores classScores(const Matrix& confusion) {
    const size_t k = confusion.size();
    ClassScores s;
    s.precision.assign(k, 0);
    s.recall.assign(k, 0);
    s.f1.assign(k, 0);
    s.support.assign(k, 0);
    std::vector<int64_t> predicted(k, 0);
    int64_t tpSum = 0, total = 0;
    for (size_t t = 0; t < k; ++t) {
        for (size_t p = 0; p < k; ++p) {
            s.support[t] += confusion[t][p];
            predicted[p] += confusion[t][p];
            total += confusion[t][p];
        }
        tpSum += confusion[t][t];
    }
    double weightSum = 0;
    for (size_t c = 0; c < k; ++c) {
        const auto tp = static_cast<double>(confusion[c][c]);
        s.precision[c] = ratio(tp, static_cast<double>(predicted[c]));
        s.recall[c] = ratio(tp, static_cast<double>(s.support[c]));
        s.f1[c] = fScore(s.precision[c], s.recall[c]);
        s.precisionMacro += s.precision[c];
        s.recallMacro += s.recall[c];
        s.f1Macro += s.f1[c];
        const auto w = static_cast<double>(s.support[c]);
        s.precisionWeighted += w * s.precision[c];
        s.recallWeighted += w * s.recall[c];
        s.f1Weighted += w * s.f1[c];
        weightSum += w;
    }
    s.precisionMacro /= static_cast<double>(k);
    s.recallMacro /= static_cast<double>(k);
    s.f1Macro /= static_cast<double>(k);
    s.precisionWeighted = ratio(s.precisionWeighted, weightSum);
    s.recallWeighted = ratio(s.recallWeighted, weightSum);
    s.f1Weighted = ratio(s.f1Weighted, weightSum);
    // Every row is one prediction, so pooled predictions and pooled truth both equal
    // the row count.
    s.precisionMicro = ratio(static_cast<double>(tpSum), static_cast<double>(total));
    s.recallMicro = s.precisionMicro;
    s.f1Micro = fScore(s.precisionMicro, s.recallMicro);
    return s;
}

ClassScores classScores(const Classification& c) {
    validate(c);
    return classScores(confusionMatrix(c.yTrue, c.yPred, c.numClasses));
}

double matthewsCorrelation(const Matrix& confusion) {
    const size_t k = confusion.size();
    std::vector<double> trueSum(k, 0), predSum(k, 0);
    double correct = 0, n = 0;
    for (size_t t = 0; t < k; ++t) {
        for (size_t p = 0; p < k; ++p) {
            const auto v = static_cast<double>(confusion[t][p]);
            trueSum[t] += v;
            predSum[p] += v;
            n += v;
        }
        correct += static_cast<double>(confusion[t][t]);
    }
    double tp = 0, pp = 0, tt = 0;
    for (size_t c = 0; c < k; ++c) {
        tp += trueSum[c] * predSum[c];
        pp += predSum[c] * predSum[c];
        tt += trueSum[c] * trueSum[c];
    }
    const double covTP = correct * n - tp;
    const double covPP = n * n - pp;
    const double covTT = n * n - tt;
    if (covPP * covTT == 0) {
        return 0.0;
    }
    return covTP / std::sqrt(covTT * covPP);
}

double cohenKappa(const Matrix& confusion) {
    const size_t k = confusion.size();
    std::vector<double> predSum(k, 0), trueSum(k, 0);
    double n = 0;
    for (size_t t = 0; t < k; ++t) {
        for (size_t p = 0; p < k; ++p) {
            const auto v = static_cast<double>(confusion[t][p]);
            trueSum[t] += v;
            predSum[p] += v;
            n += v;
        }
    }
    // kappa = 1 - observed disagreement / disagreement expected by chance.
    double observed = 0, expected = 0;
    for (size_t t = 0; t < k; ++t) {
        for (size_t p = 0; p < k; ++p) {
            if (t != p) {
                observed += static_cast<double>(confusion[t][p]);
                expected += predSum[t] * trueSum[p] / n;
            }
        }
    }
    return 1.0 - observed / expected;
}

double logLoss(const Classification& c) {
    requireScores(c, "log loss");
    const double eps = DBL_EPSILON;
    double total = 0;
    for (size_t i = 0; i < c.yTrue.size(); ++i) {
        double rowSum = 0;
        for (double v : c.scores[i]) {
            rowSum += std::min(std::max(v, eps), 1 - eps);
        }
        const double p = std::min(std::max(c.scores[i][c.yTrue[i]], eps), 1 - eps) / rowSum;
        total -= std::log(p);
    }
    return total / static_cast<double>(c.yTrue.size());
}

double topKAccuracy(const Classification& c, int k) {
    requireScores(c, "top-k accuracy");
    if (k < 1) {
        fail("top-k accuracy needs k >= 1, found " + std::to_string(k));
    }
    int64_t hits = 0;
    for (size_t i = 0; i < c.yTrue.size(); ++i) {
        const int t = c.yTrue[i];
        const double s = c.scores[i][t];
        int ahead = 0;
        for (int j = 0; j < c.numClasses; ++j) {
            const double v = c.scores[i][j];
            ahead += v > s || (v == s && j > t);
        }
        hits += ahead < k;
    }
    return static_cast<double>(hits) / static_cast<double>(c.yTrue.size());
}

double brierScore(const Classification& c) {
    requireScores(c, "Brier score");
    if (c.numClasses != 2) {
        fail("the Brier score is defined here for two classes, found " +
             std::to_string(c.numClasses));
    }
    double total = 0;
    for (size_t i = 0; i < c.yTrue.size(); ++i) {
        const double d = (c.yTrue[i] == 1 ? 1.0 : 0.0) - c.scores[i][1];
        total += d * d;
    }
    return total / static_cast<double>(c.yTrue.size());
}

}  // namespace ft::metrics
