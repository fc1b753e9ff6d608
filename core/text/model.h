#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "normalizedstring.h"

namespace ft::text {

// One token a model produced for a piece: its id and the characters [begin, end) of the
// piece it covers.
struct PieceToken {
    int32_t id;
    uint32_t begin;
    uint32_t end;
};

// A subword model (WordPiece, BPE, Unigram, WordLevel). Immutable after construction
// (a model's internal caches are synchronised), so tokenize may run on many threads.
class Model {
public:
    virtual ~Model() = default;
    // Appends the tokens of one pre-tokenized piece.
    virtual void tokenize(const NormalizedString& piece, std::vector<PieceToken>& out) const = 0;
    // -1 when the token is not in the vocabulary.
    virtual int32_t tokenToId(std::string_view token) const = 0;
    // nullptr when the id is out of range.
    virtual const std::string* idToToken(int32_t id) const = 0;
    virtual size_t vocabSize() const = 0;
    // The unknown token's id, or -1.
    virtual int32_t unkId() const = 0;
};

}  // namespace ft::text
