#pragma once

#include <string>
#include <vector>

#include "metrics/classification.h"
#include "metrics/logisticregression.h"
#include "metrics/tfidf.h"
#include "progress.h"

// The baselines a fine-tuned model is compared with: the majority class, and TF-IDF
// word 1-2 grams with multinomial logistic regression. Plain C++, deterministic (same
// data and options -> same model), no torch. fit() is not thread-safe; predictProba()
// of a fitted model may run on several threads at once.
namespace ft::metrics {

class TextClassifier {
public:
    virtual ~TextClassifier() = default;
    // labels[i] in [0, numClasses). Throws InvalidArgument for empty or inconsistent
    // input, Cancelled when progress asks to stop.
    virtual void fit(const std::vector<std::string>& texts, const std::vector<int>& labels,
                     int numClasses, const Progress& progress = {}) = 0;
    // One row of numClasses probabilities per text.
    virtual std::vector<std::vector<double>> predictProba(
        const std::vector<std::string>& texts) const = 0;
    virtual std::string name() const = 0;
};

// Predicts the most frequent training class (the lowest index on ties) for every text;
// its scores are the training class frequencies.
class MajorityBaseline : public TextClassifier {
public:
    void fit(const std::vector<std::string>& texts, const std::vector<int>& labels, int numClasses,
             const Progress& progress = {}) override;
    std::vector<std::vector<double>> predictProba(
        const std::vector<std::string>& texts) const override;
    std::string name() const override { return "majority"; }
    int majorityClass() const { return m_majority; }

private:
    int m_majority = 0;
    std::vector<double> m_prior;
};

struct TfidfBaselineOptions {
    TfidfOptions tfidf;
    LogisticRegressionOptions regression;
};

class TfidfBaseline : public TextClassifier {
public:
    explicit TfidfBaseline(TfidfBaselineOptions options = {});
    void fit(const std::vector<std::string>& texts, const std::vector<int>& labels, int numClasses,
             const Progress& progress = {}) override;
    std::vector<std::vector<double>> predictProba(
        const std::vector<std::string>& texts) const override;
    std::string name() const override { return "tfidf-logreg"; }

    const TfidfVectorizer& vectorizer() const { return m_vectorizer; }
    const LogisticRegression& regression() const { return m_regression; }

private:
    TfidfVectorizer m_vectorizer;
    LogisticRegression m_regression;
};

// Runs a fitted classifier on texts and packs the result for computeReport: scores =
// predictProba, yPred = the highest score (the lowest index on ties).
Classification classify(const TextClassifier& model, const std::vector<std::string>& texts,
                        const std::vector<int>& yTrue, int numClasses);

}  // namespace ft::metrics
