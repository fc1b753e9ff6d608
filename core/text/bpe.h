#pragma once

#include <array>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "model.h"
#include "vocabulary.h"

namespace ft::text {

// Byte-pair encoding with merge ranks (GPT-2, RoBERTa and every BPE tokenizer.json).
// The lowest-ranked adjacent pair is merged first (leftmost on ties) until no pair has a
// rank. Results per word are kept in a bounded cache guarded by sharded mutexes, so
// tokenize may be called from many threads at once.
class BpeModel : public Model {
public:
    struct Options {
        std::string unkToken;  // empty: characters outside the vocabulary are dropped
        std::string continuingSubwordPrefix;
        std::string endOfWordSuffix;
        bool fuseUnk = false;
        bool byteFallback = false;
        bool ignoreMerges = false;
    };
    struct Merge {
        std::string left, right;
        long line = 0;  // where the merge was read, for error messages
    };

    // Throws ft::Error (Parse) naming source and the merge's line when a merge names a
    // token, or produces one, that is not in the vocabulary.
    BpeModel(Vocabulary vocab, const std::vector<Merge>& merges, Options options,
             const std::string& source);
    void tokenize(const NormalizedString& piece, std::vector<PieceToken>& out) const override;
    int32_t tokenToId(std::string_view token) const override { return m_vocab.find(token); }
    const std::string* idToToken(int32_t id) const override { return m_vocab.token(id); }
    size_t vocabSize() const override { return m_vocab.size(); }
    int32_t unkId() const override { return m_unkId; }

private:
    struct MergeInfo {
        int32_t rank;
        int32_t id;
    };
    struct Shard {
        std::mutex mutex;
        std::unordered_map<std::string, std::vector<PieceToken>> map;
    };
    static constexpr size_t kShards = 16;
    static constexpr size_t kShardCapacity = 4096;

    void tokenizeUncached(const NormalizedString& piece, std::vector<PieceToken>& out) const;
    static uint64_t key(int32_t a, int32_t b) {
        return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
    }

    Vocabulary m_vocab;
    Options m_options;
    int32_t m_unkId = -1;
    std::unordered_map<uint64_t, MergeInfo> m_merges;
    mutable std::array<Shard, kShards> m_cache;
};

}  // namespace ft::text
