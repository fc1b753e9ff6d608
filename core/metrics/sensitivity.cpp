#include "metrics/sensitivity.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "error.h"
#include "text/unicode.h"
#include "util/random.h"

namespace ft::metrics {

namespace {

namespace uni = ft::text::unicode;

// Macro-F1 over the classes that occur in the slice (truth or prediction), so a slice
// that holds two classes is not scored on the others' zeros.
double sliceMacroF1(const Matrix& m) {
    const ClassScores s = classScores(m);
    double sum = 0;
    int present = 0;
    for (size_t k = 0; k < m.size(); ++k) {
        int64_t predicted = 0;
        for (size_t t = 0; t < m.size(); ++t) {
            predicted += m[t][k];
        }
        if (s.support[k] > 0 || predicted > 0) {
            sum += s.f1[k];
            ++present;
        }
    }
    return present == 0 ? 0.0 : sum / present;
}

SliceMetrics slice(const Classification& c, const std::vector<size_t>& rows, std::string name) {
    SliceMetrics out;
    out.name = std::move(name);
    out.rows = static_cast<int64_t>(rows.size());
    if (rows.empty()) {
        return out;
    }
    Matrix m(c.numClasses, std::vector<int64_t>(c.numClasses, 0));
    int64_t correct = 0;
    for (size_t i : rows) {
        ++m[c.yTrue[i]][c.yPred[i]];
        correct += c.yTrue[i] == c.yPred[i];
    }
    out.accuracy = static_cast<double>(correct) / static_cast<double>(rows.size());
    out.macroF1 = sliceMacroF1(m);
    return out;
}

bool isAsciiSymbol(char32_t c) {
    return c < 128 &&
           std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").find(static_cast<char>(c)) !=
               std::string_view::npos;
}

bool isSpace(char32_t c) { return uni::isWhitespace(c); }

}  // namespace

int64_t wordCount(std::string_view text) {
    const std::u32string s = uni::decodeUtf8(text);
    int64_t words = 0;
    bool inWord = false;
    for (char32_t c : s) {
        const bool space = isSpace(c);
        words += !space && !inWord;
        inWord = !space;
    }
    return words;
}

std::vector<SliceMetrics> metricsByLength(const Classification& c,
                                          const std::vector<std::string>& texts, int buckets) {
    validate(c);
    if (texts.size() != c.yTrue.size()) {
        throw Error(ErrorCode::InvalidArgument, "metrics: " + std::to_string(texts.size()) +
                                                    " texts for " + std::to_string(c.yTrue.size()) +
                                                    " rows");
    }
    if (buckets < 1) {
        throw Error(ErrorCode::InvalidArgument, "metrics: need at least one length bucket");
    }
    std::vector<int64_t> lengths(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
        lengths[i] = wordCount(texts[i]);
    }
    std::vector<int64_t> sorted = lengths;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int64_t> edges;
    for (int b = 1; b <= buckets; ++b) {
        const size_t at =
            b == buckets ? sorted.size() - 1
                         : static_cast<size_t>(std::floor(static_cast<double>(b) / buckets *
                                                          static_cast<double>(sorted.size() - 1)));
        if (edges.empty() || sorted[at] > edges.back()) {
            edges.push_back(sorted[at]);
        }
    }
    std::vector<std::vector<size_t>> rows(edges.size());
    for (size_t i = 0; i < lengths.size(); ++i) {
        const size_t b = std::lower_bound(edges.begin(), edges.end(), lengths[i]) - edges.begin();
        rows[b].push_back(i);
    }
    std::vector<SliceMetrics> out;
    for (size_t b = 0; b < edges.size(); ++b) {
        int64_t lo = edges[b], hi = 0;
        for (size_t i : rows[b]) {
            lo = std::min(lo, lengths[i]);
            hi = std::max(hi, lengths[i]);
        }
        out.push_back(slice(c, rows[b], std::to_string(lo) + "-" + std::to_string(hi) + " words"));
    }
    return out;
}

std::vector<SliceMetrics> metricsByClass(const Classification& c) {
    validate(c);
    const ClassScores s = classScores(c);
    std::vector<SliceMetrics> out;
    for (int k = 0; k < c.numClasses; ++k) {
        SliceMetrics m;
        m.name = c.labels.empty() ? std::to_string(k) : c.labels[k];
        m.rows = s.support[k];
        m.accuracy = s.recall[k];
        m.macroF1 = s.f1[k];
        out.push_back(std::move(m));
    }
    return out;
}

std::string lowercased(std::string_view text) {
    std::u32string out;
    for (char32_t c : uni::decodeUtf8(text)) {
        uni::appendLowercase(out, c);
    }
    return uni::toUtf8(out);
}

std::string withoutPunctuation(std::string_view text) {
    std::u32string out;
    for (char32_t c : uni::decodeUtf8(text)) {
        if (!uni::isPunctuation(c) && !isAsciiSymbol(c)) {
            out.push_back(c);
        }
    }
    return uni::toUtf8(out);
}

std::string withTypos(std::string_view text, double rate, uint64_t seed) {
    if (!(rate >= 0 && rate <= 1)) {
        throw Error(ErrorCode::InvalidArgument,
                    "perturbation: typo rate must lie in [0, 1], found " + std::to_string(rate));
    }
    const std::u32string in = uni::decodeUtf8(text);
    std::u32string out;
    util::Random rng(seed);
    for (size_t i = 0; i < in.size(); ++i) {
        const char32_t c = in[i];
        if (!uni::isAlphanumeric(c) || rng.uniform() >= rate) {
            out.push_back(c);
            continue;
        }
        switch (rng.below(3)) {
            case 0:  // swap with the next character
                if (i + 1 < in.size() && uni::isAlphanumeric(in[i + 1])) {
                    out.push_back(in[i + 1]);
                    out.push_back(c);
                    ++i;
                } else {
                    out.push_back(c);
                }
                break;
            case 1:  // drop
                break;
            default:  // insert a random letter after it
                out.push_back(c);
                out.push_back(static_cast<char32_t>(U'a' + rng.below(26)));
                break;
        }
    }
    return uni::toUtf8(out);
}

std::string truncatedToHalf(std::string_view text) {
    const std::u32string s = uni::decodeUtf8(text);
    std::vector<std::pair<size_t, size_t>> words;  // [begin, end) in code points
    for (size_t i = 0; i < s.size();) {
        if (isSpace(s[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < s.size() && !isSpace(s[j])) {
            ++j;
        }
        words.emplace_back(i, j);
        i = j;
    }
    if (words.empty()) {
        return std::string();
    }
    if (words.size() == 1) {
        const size_t len = words[0].second - words[0].first;
        return uni::toUtf8(std::u32string_view(s).substr(words[0].first, (len + 1) / 2));
    }
    const size_t keep = (words.size() + 1) / 2;
    return uni::toUtf8(
        std::u32string_view(s).substr(words[0].first, words[keep - 1].second - words[0].first));
}

const char* toString(Perturbation p) {
    switch (p) {
        case Perturbation::Lowercase:
            return "lowercase";
        case Perturbation::NoPunctuation:
            return "no-punctuation";
        case Perturbation::Typos:
            return "typos";
        case Perturbation::TruncateHalf:
            return "truncate-half";
    }
    return "unknown";
}

std::vector<std::string> perturb(const std::vector<std::string>& texts, Perturbation p,
                                 double typoRate, uint64_t seed) {
    std::vector<std::string> out;
    out.reserve(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
        switch (p) {
            case Perturbation::Lowercase:
                out.push_back(lowercased(texts[i]));
                break;
            case Perturbation::NoPunctuation:
                out.push_back(withoutPunctuation(texts[i]));
                break;
            case Perturbation::Typos:
                out.push_back(withTypos(texts[i], typoRate, seed + i));
                break;
            case Perturbation::TruncateHalf:
                out.push_back(truncatedToHalf(texts[i]));
                break;
        }
    }
    return out;
}

SensitivityDelta compareMetrics(const std::string& name, const Classification& original,
                                const Classification& perturbed) {
    validate(original);
    validate(perturbed);
    if (original.yTrue != perturbed.yTrue || original.numClasses != perturbed.numClasses) {
        throw Error(ErrorCode::InvalidArgument,
                    "sensitivity: the perturbed predictions are not for the same rows");
    }
    SensitivityDelta d;
    d.name = name;
    const double baseAccuracy = accuracy(original);
    const double baseF1 = classScores(original).f1Macro;
    d.accuracy = accuracy(perturbed);
    d.macroF1 = classScores(perturbed).f1Macro;
    d.accuracyDelta = d.accuracy - baseAccuracy;
    d.macroF1Delta = d.macroF1 - baseF1;
    for (size_t i = 0; i < original.yPred.size(); ++i) {
        d.changedPredictions += original.yPred[i] != perturbed.yPred[i];
    }
    return d;
}

}  // namespace ft::metrics
