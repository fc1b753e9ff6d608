#include "metrics/tfidf.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "error.h"
#include "text/unicode.h"

namespace ft::metrics {

namespace {

namespace uni = ft::text::unicode;

bool isWordChar(char32_t c) { return c == U'_' || uni::isAlphanumeric(c); }

void appendRow(SparseMatrix& m, std::vector<std::pair<int32_t, double>>& entries) {
    std::sort(entries.begin(), entries.end());
    double norm = 0;
    for (const auto& e : entries) {
        norm += e.second * e.second;
    }
    norm = std::sqrt(norm);
    for (const auto& e : entries) {
        m.col.push_back(e.first);
        m.value.push_back(norm > 0 ? e.second / norm : 0.0);
    }
    m.rowStart.push_back(m.col.size());
    ++m.rows;
}

}  // namespace

std::vector<std::string> wordTokens(std::string_view text, bool lowercase) {
    const std::u32string decoded = uni::decodeUtf8(text);
    std::u32string chars;
    if (lowercase) {
        chars.reserve(decoded.size());
        for (char32_t c : decoded) {
            uni::appendLowercase(chars, c);
        }
    } else {
        chars = decoded;
    }
    std::vector<std::string> tokens;
    size_t i = 0;
    while (i < chars.size()) {
        if (!isWordChar(chars[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < chars.size() && isWordChar(chars[j])) {
            ++j;
        }
        if (j - i >= 2) {
            tokens.push_back(uni::toUtf8(std::u32string_view(chars).substr(i, j - i)));
        }
        i = j;
    }
    return tokens;
}

TfidfVectorizer::TfidfVectorizer(TfidfOptions options) : m_options(options) {}

std::vector<std::string> TfidfVectorizer::analyze(std::string_view text) const {
    const std::vector<std::string> tokens = wordTokens(text, m_options.lowercase);
    std::vector<std::string> grams;
    for (int n = m_options.minN; n <= m_options.maxN; ++n) {
        const auto len = static_cast<size_t>(n);
        for (size_t i = 0; i + len <= tokens.size(); ++i) {
            std::string g = tokens[i];
            for (size_t k = 1; k < len; ++k) {
                g += ' ';
                g += tokens[i + k];
            }
            grams.push_back(std::move(g));
        }
    }
    return grams;
}

void TfidfVectorizer::fit(const std::vector<std::string>& texts) {
    if (m_options.minN < 1 || m_options.maxN < m_options.minN) {
        throw Error(ErrorCode::InvalidArgument,
                    "tfidf: n-gram range [" + std::to_string(m_options.minN) + ", " +
                        std::to_string(m_options.maxN) + "] is empty or starts below 1");
    }
    if (m_options.minDf < 1 || !(m_options.maxDf > 0 && m_options.maxDf <= 1)) {
        throw Error(ErrorCode::InvalidArgument, "tfidf: minDf must be >= 1 and maxDf in (0, 1]");
    }
    struct Counts {
        int64_t df = 0;
        int64_t tf = 0;
        size_t lastDoc = SIZE_MAX;
    };
    std::unordered_map<std::string, Counts> counts;
    for (size_t d = 0; d < texts.size(); ++d) {
        for (std::string& g : analyze(texts[d])) {
            Counts& c = counts[std::move(g)];
            ++c.tf;
            if (c.lastDoc != d) {
                c.lastDoc = d;
                ++c.df;
            }
        }
    }
    const auto n = static_cast<double>(texts.size());
    const double maxDocs = m_options.maxDf * n;
    std::vector<std::pair<std::string, Counts>> kept;
    for (auto& [term, c] : counts) {
        if (c.df >= m_options.minDf && static_cast<double>(c.df) <= maxDocs) {
            kept.emplace_back(term, c);
        }
    }
    if (m_options.maxFeatures > 0 && kept.size() > m_options.maxFeatures) {
        std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
            return a.second.tf != b.second.tf ? a.second.tf > b.second.tf : a.first < b.first;
        });
        kept.resize(m_options.maxFeatures);
    }
    std::sort(kept.begin(), kept.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    if (kept.empty()) {
        throw Error(ErrorCode::InvalidArgument,
                    "tfidf: no term is left in the vocabulary (" + std::to_string(texts.size()) +
                        " texts, minDf " + std::to_string(m_options.minDf) + ")");
    }
    m_terms.clear();
    m_idf.clear();
    for (const auto& [term, c] : kept) {
        m_terms.push_back(term);
        m_idf.push_back(std::log((1 + n) / (1 + static_cast<double>(c.df))) + 1);
    }
}

int32_t TfidfVectorizer::column(const std::string& term) const {
    const auto it = std::lower_bound(m_terms.begin(), m_terms.end(), term);
    if (it == m_terms.end() || *it != term) {
        return -1;
    }
    return static_cast<int32_t>(it - m_terms.begin());
}

SparseMatrix TfidfVectorizer::transform(const std::vector<std::string>& texts) const {
    if (m_terms.empty()) {
        throw Error(ErrorCode::InvalidArgument, "tfidf: transform before fit");
    }
    SparseMatrix m;
    m.cols = m_terms.size();
    std::vector<std::pair<int32_t, double>> entries;
    for (const std::string& text : texts) {
        std::vector<int32_t> cols;
        for (const std::string& g : analyze(text)) {
            const int32_t c = column(g);
            if (c >= 0) {
                cols.push_back(c);
            }
        }
        std::sort(cols.begin(), cols.end());
        entries.clear();
        for (size_t i = 0; i < cols.size();) {
            size_t j = i;
            while (j < cols.size() && cols[j] == cols[i]) {
                ++j;
            }
            const auto tf = static_cast<double>(j - i);
            const double w = m_options.sublinearTf ? 1 + std::log(tf) : tf;
            entries.emplace_back(cols[i], w * m_idf[cols[i]]);
            i = j;
        }
        appendRow(m, entries);
    }
    return m;
}

SparseMatrix TfidfVectorizer::fitTransform(const std::vector<std::string>& texts) {
    fit(texts);
    return transform(texts);
}

}  // namespace ft::metrics
