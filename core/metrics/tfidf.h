#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// TF-IDF features as scikit-learn's TfidfVectorizer computes them with its default
// analyzer (lowercase, token pattern (?u)\b\w\w+\b, word n-grams joined by one space),
// smooth idf and L2-normalised rows. Used by the baselines; no torch.
namespace ft::metrics {

// Compressed sparse rows. Row i holds columns col[rowStart[i] .. rowStart[i + 1]) in
// increasing order with the matching values.
struct SparseMatrix {
    size_t rows = 0;
    size_t cols = 0;
    std::vector<size_t> rowStart{0};
    std::vector<int32_t> col;
    std::vector<double> value;
};

// Maximal runs of word characters (letters and numbers of any script, and '_') that
// are at least two characters long, after Unicode lowercasing when `lowercase` is set:
// sklearn's default token pattern (?u)\b\w\w+\b. Invalid UTF-8 is read as U+FFFD,
// which is not a word character.
std::vector<std::string> wordTokens(std::string_view text, bool lowercase = true);

struct TfidfOptions {
    int minN = 1;  // word n-gram range, inclusive
    int maxN = 2;
    bool lowercase = true;
    bool sublinearTf = false;    // tf -> 1 + ln(tf)
    int64_t minDf = 1;           // keep terms found in at least minDf documents
    double maxDf = 1.0;          // and in at most this fraction of them
    size_t maxFeatures = 50000;  // most frequent terms over the corpus; 0 = no cap
};

// Fit once, then transform any number of texts (const, so concurrent transforms are
// safe). Deterministic: the vocabulary is sorted by term, frequency ties by term.
class TfidfVectorizer {
public:
    explicit TfidfVectorizer(TfidfOptions options = {});

    // Learns the vocabulary and idf = ln((1 + n) / (1 + df)) + 1. Throws InvalidArgument
    // for bad options and when no term survives (e.g. texts without any word).
    void fit(const std::vector<std::string>& texts);
    // Rows of tf * idf, each scaled to unit L2 norm (an all-zero row stays zero).
    SparseMatrix transform(const std::vector<std::string>& texts) const;
    SparseMatrix fitTransform(const std::vector<std::string>& texts);

    size_t vocabularySize() const { return m_terms.size(); }
    const std::vector<std::string>& terms() const { return m_terms; }  // column order
    const std::vector<double>& idf() const { return m_idf; }
    const TfidfOptions& options() const { return m_options; }

    // The n-grams of one text, in order (what fit and transform count).
    std::vector<std::string> analyze(std::string_view text) const;

private:
    int32_t column(const std::string& term) const;

    TfidfOptions m_options;
    std::vector<std::string> m_terms;  // sorted
    std::vector<double> m_idf;
};

}  // namespace ft::metrics
