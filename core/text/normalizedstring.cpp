#include "normalizedstring.h"

#include "unicode.h"

namespace ft::text {

NormalizedString::NormalizedString(const std::u32string& text, uint32_t begin, uint32_t end) {
    m_chars.assign(text, begin, end - begin);
    m_align.reserve(end - begin);
    for (uint32_t i = begin; i < end; ++i) m_align.push_back({i, i + 1});
}

void NormalizedString::reserve(size_t n) {
    m_chars.reserve(n);
    m_align.reserve(n);
}

void NormalizedString::push(char32_t c, Span a) {
    m_chars.push_back(c);
    m_align.push_back(a);
}

void NormalizedString::clear() {
    m_chars.clear();
    m_align.clear();
}

NormalizedString NormalizedString::slice(size_t b, size_t e) const {
    NormalizedString out;
    out.m_chars.assign(m_chars, b, e - b);
    out.m_align.assign(m_align.begin() + static_cast<long>(b),
                       m_align.begin() + static_cast<long>(e));
    return out;
}

Span NormalizedString::originalSpan(size_t b, size_t e) const {
    if (b >= e || e > m_align.size()) {
        const uint32_t p = b < m_align.size() ? m_align[b].begin
                           : m_align.empty()  ? 0
                                              : m_align.back().end;
        return {p, p};
    }
    return {m_align[b].begin, m_align[e - 1].end};
}

std::string NormalizedString::utf8(size_t b, size_t e) const {
    std::string out;
    out.reserve(e - b);
    for (size_t i = b; i < e; ++i) unicode::appendUtf8(out, m_chars[i]);
    return out;
}

}  // namespace ft::text
