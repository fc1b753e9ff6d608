#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// Classification metrics that agree with scikit-learn 1.2.1 (the fixture
// ../shared/fixtures/metrics/cases.json holds its outputs; the tests require 1e-9).
// Pure functions over std::vector, safe from any thread. Every function that takes a
// Classification validates it first (see validate()) and throws ft::Error
// (InvalidArgument) naming the problem.
namespace ft::metrics {

// Predictions of a classifier on a set of rows. Classes are 0 .. numClasses - 1.
struct Classification {
    std::vector<int> yTrue;
    std::vector<int> yPred;
    // One row of numClasses scores (probabilities) per example; may be empty when only
    // hard predictions are known, in which case the score-based metrics are skipped.
    std::vector<std::vector<double>> scores;
    int numClasses = 0;
    std::vector<std::string> labels;  // optional display names, numClasses of them
};

// Throws InvalidArgument when numClasses < 2, yTrue and yPred differ in length or are
// empty, a class index is out of range, labels is neither empty nor numClasses long,
// or scores is neither empty nor one row of numClasses finite values per example.
void validate(const Classification& c);
bool hasScores(const Classification& c);

using Matrix = std::vector<std::vector<int64_t>>;

// confusion[t][p] = number of rows with true class t and predicted class p.
Matrix confusionMatrix(const std::vector<int>& yTrue, const std::vector<int>& yPred,
                       int numClasses);

double accuracy(const Classification& c);
// Mean recall over the classes present in yTrue (sklearn's balanced_accuracy_score:
// classes absent from the truth are left out, not counted as 0).
double balancedAccuracy(const Classification& c);

// Per-class and averaged precision / recall / F1 as sklearn's
// precision_recall_fscore_support with zero_division = 0: a ratio whose denominator
// is 0 is 0, and F1 = 2PR / (P + R) (0 when P + R = 0). Averages run over all
// numClasses classes (macro), the pooled counts (micro) or weigh by support.
struct ClassScores {
    std::vector<double> precision, recall, f1;
    std::vector<int64_t> support;  // rows of each class in yTrue
    double precisionMacro = 0, recallMacro = 0, f1Macro = 0;
    double precisionMicro = 0, recallMicro = 0, f1Micro = 0;
    double precisionWeighted = 0, recallWeighted = 0, f1Weighted = 0;
};
ClassScores classScores(const Matrix& confusion);
ClassScores classScores(const Classification& c);

// Matthews correlation coefficient, multiclass form (Gorodkin 2004) as sklearn
// computes it; 0 when either marginal is constant.
double matthewsCorrelation(const Matrix& confusion);
// Cohen's kappa without weights.
double cohenKappa(const Matrix& confusion);

// Mean negative log-likelihood of the true class. As sklearn 1.2.1 with eps="auto":
// probabilities are clipped to [eps, 1 - eps] with eps = DBL_EPSILON (2.22e-16), then
// each row is renormalised to sum to 1. Requires scores.
double logLoss(const Classification& c);

// Fraction of rows whose true class is among the k highest scores. Ties are broken as
// sklearn's top_k_accuracy_score does (stable ascending argsort, reversed): among equal
// scores the higher class index ranks first. Requires scores and 1 <= k.
double topKAccuracy(const Classification& c, int k);

// Binary only: mean squared difference between the score of class 1 and the 0/1
// truth (sklearn's brier_score_loss with pos_label = 1). Requires scores.
double brierScore(const Classification& c);

}  // namespace ft::metrics
