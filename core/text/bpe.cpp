#include "bpe.h"

#include <cstdio>
#include <functional>

#include "error.h"
#include "unicode.h"

namespace ft::text {

BpeModel::BpeModel(Vocabulary vocab, const std::vector<Merge>& merges, Options options,
                   const std::string& source)
    : m_vocab(std::move(vocab)), m_options(std::move(options)) {
    if (!m_options.unkToken.empty()) m_unkId = m_vocab.find(m_options.unkToken);
    m_merges.reserve(merges.size() * 2);
    const size_t prefixLen = m_options.continuingSubwordPrefix.size();
    int32_t rank = 0;
    for (const Merge& m : merges) {
        const int32_t a = m_vocab.find(m.left);
        const int32_t b = m_vocab.find(m.right);
        const std::string& missing = a < 0 ? m.left : m.right;
        if (a < 0 || b < 0)
            throw Error(ErrorCode::Parse, at(source, m.line,
                                             "merge '" + m.left + " " + m.right + "' names '" +
                                                 missing + "', which is not in the vocabulary"));
        std::string merged = m.left;
        if (prefixLen && m.right.compare(0, prefixLen, m_options.continuingSubwordPrefix) == 0)
            merged.append(m.right, prefixLen, std::string::npos);
        else
            merged += m.right;
        const int32_t id = m_vocab.find(merged);
        if (id < 0)
            throw Error(ErrorCode::Parse, at(source, m.line,
                                             "merge '" + m.left + " " + m.right + "' produces '" +
                                                 merged + "', which is not in the vocabulary"));
        m_merges.emplace(key(a, b), MergeInfo{rank++, id});
    }
}

void BpeModel::tokenize(const NormalizedString& piece, std::vector<PieceToken>& out) const {
    if (piece.empty()) return;
    const std::string word = piece.utf8();
    Shard& shard = m_cache[std::hash<std::string>{}(word) % kShards];
    {
        std::lock_guard<std::mutex> lock(shard.mutex);
        const auto it = shard.map.find(word);
        if (it != shard.map.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<PieceToken> tokens;
    tokenizeUncached(piece, tokens);
    out.insert(out.end(), tokens.begin(), tokens.end());
    std::lock_guard<std::mutex> lock(shard.mutex);
    if (shard.map.size() >= kShardCapacity) shard.map.clear();
    shard.map.emplace(word, std::move(tokens));
}

void BpeModel::tokenizeUncached(const NormalizedString& piece, std::vector<PieceToken>& out) const {
    const size_t n = piece.size();
    if (m_options.ignoreMerges) {
        const int32_t id = m_vocab.find(piece.utf8());
        if (id >= 0) {
            out.push_back({id, 0, static_cast<uint32_t>(n)});
            return;
        }
    }
    std::vector<PieceToken> syms;
    syms.reserve(n);
    std::string s;
    for (size_t i = 0; i < n; ++i) {
        s.clear();
        if (i > 0) s = m_options.continuingSubwordPrefix;
        unicode::appendUtf8(s, piece.chars()[i]);
        if (i + 1 == n) s += m_options.endOfWordSuffix;
        const int32_t id = m_vocab.find(s);
        const auto b = static_cast<uint32_t>(i), e = static_cast<uint32_t>(i + 1);
        if (id >= 0) {
            syms.push_back({id, b, e});
            continue;
        }
        if (m_options.byteFallback) {
            std::string utf8;
            unicode::appendUtf8(utf8, piece.chars()[i]);
            std::vector<PieceToken> bytes;
            bool all = true;
            for (unsigned char c : utf8) {
                char name[8];
                std::snprintf(name, sizeof name, "<0x%02X>", c);
                const int32_t bid = m_vocab.find(name);
                if (bid < 0) {
                    all = false;
                    break;
                }
                bytes.push_back({bid, b, e});
            }
            if (all) {
                syms.insert(syms.end(), bytes.begin(), bytes.end());
                continue;
            }
        }
        if (m_unkId < 0) continue;
        if (m_options.fuseUnk && !syms.empty() && syms.back().id == m_unkId &&
            syms.back().end == b) {
            syms.back().end = e;
            continue;
        }
        syms.push_back({m_unkId, b, e});
    }
    while (syms.size() > 1) {
        int32_t bestRank = INT32_MAX;
        size_t bestPos = 0;
        int32_t bestId = -1;
        for (size_t i = 0; i + 1 < syms.size(); ++i) {
            const auto it = m_merges.find(key(syms[i].id, syms[i + 1].id));
            if (it != m_merges.end() && it->second.rank < bestRank) {
                bestRank = it->second.rank;
                bestPos = i;
                bestId = it->second.id;
            }
        }
        if (bestId < 0) break;
        syms[bestPos].id = bestId;
        syms[bestPos].end = syms[bestPos + 1].end;
        syms.erase(syms.begin() + static_cast<long>(bestPos) + 1);
    }
    out.insert(out.end(), syms.begin(), syms.end());
}

}  // namespace ft::text
