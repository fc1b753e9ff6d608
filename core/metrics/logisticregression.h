#pragma once

#include <cstdint>
#include <vector>

#include "metrics/tfidf.h"
#include "progress.h"

// Multinomial logistic regression on sparse features, the model of scikit-learn's
// LogisticRegression(multi_class="multinomial", penalty="l2", solver="lbfgs"). No torch.
namespace ft::metrics {

struct LogisticRegressionOptions {
    // Inverse regularisation strength, as sklearn's C: the objective is
    // C * sum_i w_i * CE_i + ||W||^2 / 2 (intercepts are not penalised), minimised
    // here in the equivalent form divided by C * n.
    double c = 1.0;
    // Weigh each class by n / (numClasses * count) (sklearn's class_weight="balanced").
    bool balancedClassWeight = false;
    int maxIterations = 200;
    // Stops when the largest gradient component falls below gradientTolerance times its
    // value at the start, or the objective improves by less than
    // functionTolerance * max(1, |f|) in one iteration.
    double gradientTolerance = 1e-6;
    double functionTolerance = 1e-12;
    int history = 10;  // L-BFGS memory
};

// Trained by L-BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking Armijo line
// search from all-zero weights: the same data and options give the same model, bit for
// bit, on one platform (all sums run in a fixed order).
class LogisticRegression {
public:
    explicit LogisticRegression(LogisticRegressionOptions options = {});

    // Throws InvalidArgument when sizes disagree, a label is outside
    // [0, numClasses), numClasses < 2 or c <= 0, and Cancelled when
    // progress.shouldStop() answers true (checked every iteration).
    void fit(const SparseMatrix& x, const std::vector<int>& y, int numClasses,
             const Progress& progress = {});

    // Softmax probabilities, one row of numClasses per row of x. x must have the
    // column count the model was fitted on.
    std::vector<std::vector<double>> predictProba(const SparseMatrix& x) const;
    // Most probable class (the lowest index on ties).
    std::vector<int> predict(const SparseMatrix& x) const;

    int numClasses() const { return m_numClasses; }
    size_t numFeatures() const { return m_numFeatures; }
    int iterations() const { return m_iterations; }  // L-BFGS iterations of the last fit
    double finalObjective() const { return m_objective; }

private:
    // weights are laid out feature-major: w[j * K + k], then the K intercepts.
    double objective(const SparseMatrix& x, const std::vector<int>& y,
                     const std::vector<double>& sampleWeight, const std::vector<double>& w,
                     std::vector<double>& grad) const;
    void logits(const SparseMatrix& x, size_t row, const std::vector<double>& w,
                std::vector<double>& z) const;

    LogisticRegressionOptions m_options;
    int m_numClasses = 0;
    size_t m_numFeatures = 0;
    std::vector<double> m_weights;
    int m_iterations = 0;
    double m_objective = 0;
};

}  // namespace ft::metrics
