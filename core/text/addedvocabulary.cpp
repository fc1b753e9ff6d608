#include "addedvocabulary.h"

#include <algorithm>

#include "normalizers.h"
#include "unicode.h"

namespace ft::text {

void AddedVocabulary::add(const AddedToken& token, const Normalizer* normalizer) {
    if (token.content.empty()) return;
    const auto it = m_byContent.find(token.content);
    if (it != m_byContent.end()) {
        m_tokens[it->second] = token;
    } else {
        m_byContent.emplace(token.content, m_tokens.size());
        m_tokens.push_back(token);
    }
    m_byId[token.id] = m_byContent[token.content];
    rebuild(m_raw, false, normalizer);
    rebuild(m_normalized, true, normalizer);
}

void AddedVocabulary::rebuild(PatternSet& set, bool normalized, const Normalizer* normalizer) {
    set.patterns.clear();
    set.byFirstChar.clear();
    for (size_t i = 0; i < m_tokens.size(); ++i) {
        if (m_tokens[i].normalized != normalized) continue;
        std::u32string text;
        if (normalized && normalizer) {
            const std::u32string raw = unicode::decodeUtf8(m_tokens[i].content);
            NormalizedString ns(raw, 0, static_cast<uint32_t>(raw.size()));
            normalizer->normalize(ns);
            text = ns.chars();
        } else {
            text = unicode::decodeUtf8(m_tokens[i].content);
        }
        if (!text.empty()) set.patterns.push_back({text, i});
    }
    std::stable_sort(
        set.patterns.begin(), set.patterns.end(),
        [](const Pattern& a, const Pattern& b) { return a.text.size() > b.text.size(); });
    for (size_t p = 0; p < set.patterns.size(); ++p)
        set.byFirstChar[set.patterns[p].text.front()].push_back(p);
}

std::vector<AddedVocabulary::Match> AddedVocabulary::find(const std::u32string& chars,
                                                          bool normalizedTokens) const {
    std::vector<Match> out;
    const PatternSet& set = normalizedTokens ? m_normalized : m_raw;
    if (set.patterns.empty()) return out;
    const size_t n = chars.size();
    size_t i = 0;
    while (i < n) {
        const auto bucket = set.byFirstChar.find(chars[i]);
        bool matched = false;
        if (bucket != set.byFirstChar.end()) {
            for (size_t p : bucket->second) {
                const Pattern& pat = set.patterns[p];
                if (chars.compare(i, pat.text.size(), pat.text) != 0) continue;
                const AddedToken& tok = m_tokens[pat.token];
                size_t b = i, e = i + pat.text.size();
                if (tok.singleWord) {
                    const bool leftWord = b > 0 && unicode::isAlphanumeric(chars[b - 1]);
                    const bool rightWord = e < n && unicode::isAlphanumeric(chars[e]);
                    if (leftWord || rightWord) continue;
                }
                if (tok.lstrip) {
                    const size_t floor = out.empty() ? 0 : out.back().end;
                    while (b > floor && unicode::isWhitespace(chars[b - 1])) --b;
                }
                if (tok.rstrip)
                    while (e < n && unicode::isWhitespace(chars[e])) ++e;
                out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), tok.id});
                i = e;
                matched = true;
                break;
            }
        }
        if (!matched) ++i;
    }
    return out;
}

const AddedToken* AddedVocabulary::byId(int32_t id) const {
    const auto it = m_byId.find(id);
    return it == m_byId.end() ? nullptr : &m_tokens[it->second];
}

const AddedToken* AddedVocabulary::byContent(std::string_view content) const {
    const auto it = m_byContent.find(std::string(content));
    return it == m_byContent.end() ? nullptr : &m_tokens[it->second];
}

}  // namespace ft::text
