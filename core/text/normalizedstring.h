#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ft::text {

// A half-open range [begin, end) of code points (or bytes, where stated).
struct Span {
    uint32_t begin = 0;
    uint32_t end = 0;
    bool operator==(const Span& o) const { return begin == o.begin && end == o.end; }
};

// Text being normalized, with the alignment Hugging Face keeps: every character of the
// normalized text remembers the range of original code points it came from. Characters
// a normalizer inserts inherit the range of the character they were derived from, so a
// token's original offsets are [first char's begin, last char's end). Value type; not
// shared between threads.
class NormalizedString {
public:
    NormalizedString() = default;
    // The original code points [begin, end) of text, each aligned to itself.
    NormalizedString(const std::u32string& text, uint32_t begin, uint32_t end);

    const std::u32string& chars() const { return m_chars; }
    const std::vector<Span>& alignments() const { return m_align; }
    size_t size() const { return m_chars.size(); }
    bool empty() const { return m_chars.empty(); }
    // The first original position (for pieces that start a text).
    uint32_t originalBegin() const { return m_align.empty() ? 0 : m_align.front().begin; }

    void reserve(size_t n);
    void push(char32_t c, Span a);
    void clear();
    // Characters [b, e) with their alignments.
    NormalizedString slice(size_t b, size_t e) const;
    // The original range covered by characters [b, e) (b < e).
    Span originalSpan(size_t b, size_t e) const;
    // UTF-8 of characters [b, e).
    std::string utf8(size_t b, size_t e) const;
    std::string utf8() const { return utf8(0, m_chars.size()); }

    // Rebuilds the string: f(char32_t c, Span a, NormalizedString& out) pushes zero or
    // more characters for each old one.
    template <class F>
    void rewrite(F&& f) {
        NormalizedString out;
        out.reserve(m_chars.size());
        for (size_t i = 0; i < m_chars.size(); ++i) f(m_chars[i], m_align[i], out);
        *this = std::move(out);
    }

private:
    std::u32string m_chars;
    std::vector<Span> m_align;
};

}  // namespace ft::text
