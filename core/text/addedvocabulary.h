#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "normalizedstring.h"

namespace ft::text {

class Normalizer;

// A token matched in raw (or normalized) text before the model runs, as in
// tokenizer.json's added_tokens.
struct AddedToken {
    std::string content;
    int32_t id = -1;
    bool special = false;
    bool singleWord = false;  // only where no letter/digit touches it on either side
    bool lstrip = false;      // swallows whitespace on its left
    bool rstrip = false;      // swallows whitespace on its right
    bool normalized = false;  // matched in normalized text (content normalized too)
};

// The added tokens of a tokenizer and their matching: leftmost match, longest first.
// Immutable after the adds; thread-safe reads.
class AddedVocabulary {
public:
    struct Match {
        uint32_t begin, end;  // character range in the searched text
        int32_t id;
    };

    // normalizer (may be null) normalizes the content of tokens flagged normalized.
    void add(const AddedToken& token, const Normalizer* normalizer);
    // Matches in chars among tokens with normalized == normalizedTokens.
    std::vector<Match> find(const std::u32string& chars, bool normalizedTokens) const;
    const AddedToken* byId(int32_t id) const;
    const AddedToken* byContent(std::string_view content) const;
    bool empty() const { return m_tokens.empty(); }
    const std::vector<AddedToken>& tokens() const { return m_tokens; }

private:
    struct Pattern {
        std::u32string text;
        size_t token;
    };
    struct PatternSet {
        std::vector<Pattern> patterns;  // longest first
        std::unordered_map<char32_t, std::vector<size_t>> byFirstChar;
    };
    void rebuild(PatternSet& set, bool normalized, const Normalizer* normalizer);

    std::vector<AddedToken> m_tokens;
    std::unordered_map<int32_t, size_t> m_byId;
    std::unordered_map<std::string, size_t> m_byContent;
    PatternSet m_raw, m_normalized;
};

}  // namespace ft::text
