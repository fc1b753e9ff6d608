#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vocabulary.h"

namespace ft::text {

// A SentencePiece model file (ModelProto) read without libsentencepiece: the pieces,
// the normalizer spec with its precompiled character map (a darts-clone double array),
// and libsentencepiece's unigram encoder (the "optimized" Viterbi of 0.1.9x, float
// scores, first best wins) and decoder. Immutable after loading; thread-safe.
class SentencePieceModel {
public:
    enum class Type { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };
    struct Piece {
        std::string text;
        float score = 0;
        Type type = Type::Normal;
    };
    // One encoded piece; [begin, end) are byte offsets in the input given to encode.
    struct Result {
        int32_t id;
        std::string piece;  // the vocabulary piece, or the surface of an unknown run
        uint32_t begin, end;
    };

    // Throws ft::Error (Parse) naming source when bytes are not a unigram ModelProto.
    SentencePieceModel(const std::string& bytes, const std::string& source);

    // Normalizes input (which must be valid UTF-8) and encodes it.
    std::vector<Result> encode(std::string_view input) const;
    std::string decode(const std::vector<int32_t>& ids) const;

    size_t size() const { return m_pieces.size(); }
    const Piece& piece(int32_t id) const { return m_pieces[static_cast<size_t>(id)]; }
    // -1 when absent.
    int32_t find(std::string_view piece) const { return m_vocab.find(piece); }
    int32_t unkId() const { return m_unkId; }

private:
    // normalized text and, per normalized byte plus one, the input byte it came from.
    void normalize(std::string_view input, std::string& out, std::vector<uint32_t>& toInput) const;
    // (replacement, consumed bytes) for the longest rule at the start of input.
    std::pair<std::string_view, size_t> normalizePrefix(std::string_view input) const;
    size_t userDefinedPrefix(std::string_view input) const;

    std::vector<Piece> m_pieces;
    Vocabulary m_vocab;  // normal, user-defined and unused pieces (the lattice's pieces)
    std::vector<std::string> m_userDefined;
    int32_t m_unkId = -1;
    float m_minScore = 0, m_maxScore = 0;
    size_t m_maxPieceBytes = 1;
    bool m_byteFallback = false;
    bool m_addDummyPrefix = true, m_removeExtraWhitespaces = true, m_escapeWhitespaces = true;
    std::vector<uint32_t> m_trie;  // darts-clone units
    std::string m_normalized;      // replacement strings, NUL-terminated
};

}  // namespace ft::text
