#include "wordpiece.h"

#include "error.h"
#include "unicode.h"

namespace ft::text {

WordPieceModel::WordPieceModel(Vocabulary vocab, const std::string& unkToken, std::string prefix,
                               size_t maxInputCharsPerWord)
    : m_vocab(std::move(vocab)),
      m_unkId(m_vocab.find(unkToken)),
      m_prefix(std::move(prefix)),
      m_maxChars(maxInputCharsPerWord) {
    if (m_unkId < 0)
        throw Error(ErrorCode::Parse,
                    "WordPiece: the unknown token '" + unkToken + "' is not in the vocabulary");
}

void WordPieceModel::tokenize(const NormalizedString& piece, std::vector<PieceToken>& out) const {
    const size_t n = piece.size();
    if (n == 0) return;
    if (n > m_maxChars) {
        out.push_back({m_unkId, 0, static_cast<uint32_t>(n)});
        return;
    }
    // UTF-8 of the word with the byte position of every character.
    std::string word;
    word.reserve(n + m_prefix.size());
    std::vector<uint32_t> pos(n + 1);
    for (size_t i = 0; i < n; ++i) {
        pos[i] = static_cast<uint32_t>(word.size());
        unicode::appendUtf8(word, piece.chars()[i]);
    }
    pos[n] = static_cast<uint32_t>(word.size());

    const size_t first = out.size();
    std::string candidate;
    size_t start = 0;
    while (start < n) {
        size_t end = n;
        int32_t found = -1;
        while (start < end) {
            const std::string_view sub(word.data() + pos[start], pos[end] - pos[start]);
            if (start > 0) {
                candidate.assign(m_prefix);
                candidate.append(sub);
                found = m_vocab.find(candidate);
            } else {
                found = m_vocab.find(sub);
            }
            if (found >= 0) break;
            --end;
        }
        if (found < 0) {
            out.resize(first);
            out.push_back({m_unkId, 0, static_cast<uint32_t>(n)});
            return;
        }
        out.push_back({found, static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
        start = end;
    }
}

}  // namespace ft::text
