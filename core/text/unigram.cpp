#include "unigram.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "unicode.h"

namespace ft::text {

UnigramModel::UnigramModel(const std::vector<std::pair<std::string, double>>& pieces, int32_t unkId,
                           bool byteFallback)
    : m_unkId(unkId), m_byteFallback(byteFallback) {
    double minScore = 0;
    for (size_t i = 0; i < pieces.size(); ++i) {
        m_vocab.add(pieces[i].first, static_cast<int32_t>(i));
        m_scores.push_back(pieces[i].second);
        minScore = std::min(minScore, pieces[i].second);
        m_maxPieceChars = std::max(m_maxPieceChars, unicode::decodeUtf8(pieces[i].first).size());
    }
    m_unkScore = minScore - 10.0;
}

void UnigramModel::tokenize(const NormalizedString& piece, std::vector<PieceToken>& out) const {
    const size_t n = piece.size();
    if (n == 0) return;
    std::string word;
    std::vector<uint32_t> pos(n + 1);
    for (size_t i = 0; i < n; ++i) {
        pos[i] = static_cast<uint32_t>(word.size());
        unicode::appendUtf8(word, piece.chars()[i]);
    }
    pos[n] = static_cast<uint32_t>(word.size());

    const double neg = -std::numeric_limits<double>::infinity();
    std::vector<double> best(n + 1, neg);
    std::vector<int32_t> backId(n + 1, -1);
    std::vector<uint32_t> backStart(n + 1, 0);
    best[0] = 0;
    for (size_t i = 0; i < n; ++i) {
        if (best[i] == neg) continue;
        bool single = false;
        const size_t maxEnd = std::min(n, i + m_maxPieceChars);
        for (size_t e = i + 1; e <= maxEnd; ++e) {
            const int32_t id =
                m_vocab.find(std::string_view(word.data() + pos[i], pos[e] - pos[i]));
            if (id < 0) continue;
            if (e == i + 1) single = true;
            const double s = best[i] + m_scores[static_cast<size_t>(id)];
            if (s > best[e]) {
                best[e] = s;
                backId[e] = id;
                backStart[e] = static_cast<uint32_t>(i);
            }
        }
        if (!single) {
            const double s = best[i] + m_unkScore;
            if (s > best[i + 1]) {
                best[i + 1] = s;
                backId[i + 1] = -2;  // unknown character
                backStart[i + 1] = static_cast<uint32_t>(i);
            }
        }
    }
    std::vector<PieceToken> rev;
    for (size_t e = n; e > 0;) {
        const size_t b = backStart[e];
        rev.push_back({backId[e], static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
        e = b;
    }
    std::reverse(rev.begin(), rev.end());
    for (const PieceToken& t : rev) {
        if (t.id != -2) {
            out.push_back(t);
            continue;
        }
        if (m_byteFallback) {
            bool all = true;
            std::vector<PieceToken> bytes;
            for (uint32_t k = pos[t.begin]; k < pos[t.end]; ++k) {
                char name[8];
                std::snprintf(name, sizeof name, "<0x%02X>", static_cast<unsigned char>(word[k]));
                const int32_t id = m_vocab.find(name);
                if (id < 0) {
                    all = false;
                    break;
                }
                bytes.push_back({id, t.begin, t.end});
            }
            if (all) {
                out.insert(out.end(), bytes.begin(), bytes.end());
                continue;
            }
        }
        if (!out.empty() && out.back().id == m_unkId && out.back().end == t.begin)
            out.back().end = t.end;
        else
            out.push_back({m_unkId, t.begin, t.end});
    }
}

}  // namespace ft::text
