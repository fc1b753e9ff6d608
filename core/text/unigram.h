#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model.h"
#include "vocabulary.h"

namespace ft::text {

// SentencePiece's unigram language model as tokenizer.json stores it: (piece, log
// probability) pairs; a piece sequence of maximal total score is found by Viterbi.
// Characters no piece covers become the unknown token (consecutive ones fused), or
// <0xXX> byte pieces with byteFallback. Thread-safe after construction.
class UnigramModel : public Model {
public:
    UnigramModel(const std::vector<std::pair<std::string, double>>& pieces, int32_t unkId,
                 bool byteFallback);
    void tokenize(const NormalizedString& piece, std::vector<PieceToken>& out) const override;
    int32_t tokenToId(std::string_view token) const override { return m_vocab.find(token); }
    const std::string* idToToken(int32_t id) const override { return m_vocab.token(id); }
    size_t vocabSize() const override { return m_vocab.size(); }
    int32_t unkId() const override { return m_unkId; }

private:
    Vocabulary m_vocab;
    std::vector<double> m_scores;
    int32_t m_unkId;
    bool m_byteFallback;
    double m_unkScore = 0;
    size_t m_maxPieceChars = 1;
};

}  // namespace ft::text
