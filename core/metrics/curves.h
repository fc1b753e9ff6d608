#pragma once

#include <optional>
#include <vector>

#include "metrics/classification.h"

// ROC and precision-recall curves, AUC and average precision, with scikit-learn
// 1.2.1's rules (roc_curve, precision_recall_curve, average_precision_score,
// roc_auc_score). Pure functions, safe from any thread.
namespace ft::metrics {

// scikit-learn's roc_curve. Points run from (0, 0) to (1, 1); thresholds[0] is the
// highest score + 1 (sklearn 1.2; newer versions put +inf there), the others are the
// distinct scores in decreasing order. With dropIntermediate, a point is kept only
// where the second difference of the false- or the true-positive counts is non-zero
// (collinear points go). When yTrue has no positive (or no negative), tpr (fpr) is
// NaN everywhere, as in sklearn; callers check defined().
struct RocCurve {
    std::vector<double> fpr, tpr, thresholds;
    bool defined() const;  // both classes were present
};
// positives[i] says whether row i is of the positive class.
RocCurve rocCurve(const std::vector<bool>& positives, const std::vector<double>& scores,
                  bool dropIntermediate = true);

// scikit-learn 1.2's precision_recall_curve: precision and recall in order of
// increasing threshold, ending with the point (recall 0, precision 1) that has no
// threshold; thresholds are the distinct scores in increasing order. A threshold with
// no prediction above it has precision 0; with no positive at all recall is 1.
struct PrCurve {
    std::vector<double> precision, recall, thresholds;
};
PrCurve precisionRecallCurve(const std::vector<bool>& positives, const std::vector<double>& scores);

// Trapezoidal area under the points (x increasing), as sklearn.metrics.auc.
double trapezoidArea(const std::vector<double>& x, const std::vector<double>& y);

// Area under the ROC curve; nullopt when only one class is present.
std::optional<double> rocAuc(const std::vector<bool>& positives, const std::vector<double>& scores);

// Step-wise average precision: sum over thresholds of (R_n - R_{n-1}) P_n (no
// interpolation). nullopt when there is no positive.
std::optional<double> averagePrecision(const std::vector<bool>& positives,
                                       const std::vector<double>& scores);

// Column `cls` of the scores and the rows of class `cls` as positives.
std::vector<double> scoreColumn(const Classification& c, int cls);
std::vector<bool> isClass(const std::vector<int>& yTrue, int cls);

// Multiclass ROC AUC as roc_auc_score(multi_class=...). Each is nullopt when a class
// is absent from the truth (sklearn raises there), except micro, which pools all
// one-vs-rest decisions and is defined as long as the pooled truth has both values.
//  - one-vs-rest macro: mean of the per-class AUCs;
//  - one-vs-rest weighted: weighted by class support;
//  - one-vs-one macro: Hand & Till (2001), the mean over class pairs (a, b) of
//    (AUC(a vs b on rows of a or b, score a) + AUC(b vs a, score b)) / 2;
//  - micro: AUC of the flattened one-hot truth against the flattened scores.
// Requires scores.
std::optional<double> rocAucOvrMacro(const Classification& c);
std::optional<double> rocAucOvrWeighted(const Classification& c);
std::optional<double> rocAucOvoMacro(const Classification& c);
std::optional<double> rocAucMicro(const Classification& c);

}  // namespace ft::metrics
