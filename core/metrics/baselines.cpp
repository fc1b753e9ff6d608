#include "metrics/baselines.h"

#include <algorithm>
#include <string>

#include "error.h"

namespace ft::metrics {

namespace {

void checkTrainingData(const std::vector<std::string>& texts, const std::vector<int>& labels,
                       int numClasses) {
    if (numClasses < 2) {
        throw Error(ErrorCode::InvalidArgument,
                    "baseline needs at least two classes, found " + std::to_string(numClasses));
    }
    if (texts.empty() || texts.size() != labels.size()) {
        throw Error(ErrorCode::InvalidArgument, "baseline: " + std::to_string(texts.size()) +
                                                    " texts and " + std::to_string(labels.size()) +
                                                    " labels");
    }
    for (size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || labels[i] >= numClasses) {
            throw Error(ErrorCode::InvalidArgument, "baseline: row " + std::to_string(i) +
                                                        ": label " + std::to_string(labels[i]) +
                                                        " outside [0, " +
                                                        std::to_string(numClasses) + ")");
        }
    }
}

}  // namespace

void MajorityBaseline::fit(const std::vector<std::string>& texts, const std::vector<int>& labels,
                           int numClasses, const Progress& /*progress*/) {
    checkTrainingData(texts, labels, numClasses);
    std::vector<double> counts(numClasses, 0);
    for (int l : labels) {
        ++counts[l];
    }
    m_majority = static_cast<int>(std::max_element(counts.begin(), counts.end()) - counts.begin());
    m_prior = counts;
    for (double& p : m_prior) {
        p /= static_cast<double>(labels.size());
    }
}

std::vector<std::vector<double>> MajorityBaseline::predictProba(
    const std::vector<std::string>& texts) const {
    if (m_prior.empty()) {
        throw Error(ErrorCode::InvalidArgument, "majority baseline: predict before fit");
    }
    return std::vector<std::vector<double>>(texts.size(), m_prior);
}

TfidfBaseline::TfidfBaseline(TfidfBaselineOptions options)
    : m_vectorizer(options.tfidf), m_regression(options.regression) {}

void TfidfBaseline::fit(const std::vector<std::string>& texts, const std::vector<int>& labels,
                        int numClasses, const Progress& progress) {
    checkTrainingData(texts, labels, numClasses);
    progress.progress(0.0, "building TF-IDF features");
    const SparseMatrix x = m_vectorizer.fitTransform(texts);
    if (progress.stopRequested()) {
        throw Error(ErrorCode::Cancelled, "TF-IDF baseline: stopped by request");
    }
    m_regression.fit(x, labels, numClasses, progress);
}

std::vector<std::vector<double>> TfidfBaseline::predictProba(
    const std::vector<std::string>& texts) const {
    return m_regression.predictProba(m_vectorizer.transform(texts));
}

Classification classify(const TextClassifier& model, const std::vector<std::string>& texts,
                        const std::vector<int>& yTrue, int numClasses) {
    Classification c;
    c.numClasses = numClasses;
    c.yTrue = yTrue;
    c.scores = model.predictProba(texts);
    c.yPred.reserve(c.scores.size());
    for (const std::vector<double>& row : c.scores) {
        c.yPred.push_back(static_cast<int>(std::max_element(row.begin(), row.end()) - row.begin()));
    }
    validate(c);
    return c;
}

}  // namespace ft::metrics
