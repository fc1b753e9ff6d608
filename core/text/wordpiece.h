#pragma once

#include <string>

#include "model.h"
#include "vocabulary.h"

namespace ft::text {

// BERT's WordPiece: greedy longest-match-first over the characters of a word, pieces
// after the first carry the continuing-subword prefix ("##"). A word longer than
// maxInputCharsPerWord characters, or one that cannot be covered, becomes the unknown
// token. Thread-safe after construction.
class WordPieceModel : public Model {
public:
    WordPieceModel(Vocabulary vocab, const std::string& unkToken, std::string prefix,
                   size_t maxInputCharsPerWord);
    void tokenize(const NormalizedString& piece, std::vector<PieceToken>& out) const override;
    int32_t tokenToId(std::string_view token) const override { return m_vocab.find(token); }
    const std::string* idToToken(int32_t id) const override { return m_vocab.token(id); }
    size_t vocabSize() const override { return m_vocab.size(); }
    int32_t unkId() const override { return m_unkId; }
    const std::string& prefix() const { return m_prefix; }

private:
    Vocabulary m_vocab;
    int32_t m_unkId;
    std::string m_prefix;
    size_t m_maxChars;
};

}  // namespace ft::text
