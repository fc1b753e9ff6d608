#include "normalizers.h"

#include <algorithm>

#include "unicode.h"

namespace ft::text {

namespace {

// Canonical ordering of combining marks after a decomposition; alignments move with
// their characters.
void canonicalOrder(NormalizedString& s) {
    const auto& chars = s.chars();
    bool needed = false;
    for (size_t i = 1; i < chars.size() && !needed; ++i) {
        const int cc = unicode::combiningClass(chars[i]);
        needed = cc != 0 && unicode::combiningClass(chars[i - 1]) > cc;
    }
    if (!needed) return;
    struct Item {
        char32_t c;
        Span a;
        int cc;
    };
    std::vector<Item> items;
    for (size_t i = 0; i < chars.size(); ++i)
        items.push_back({chars[i], s.alignments()[i], unicode::combiningClass(chars[i])});
    size_t i = 0;
    while (i < items.size()) {
        if (items[i].cc == 0) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < items.size() && items[j].cc != 0) ++j;
        std::stable_sort(items.begin() + static_cast<long>(i), items.begin() + static_cast<long>(j),
                         [](const Item& x, const Item& y) { return x.cc < y.cc; });
        i = j;
    }
    NormalizedString out;
    out.reserve(items.size());
    for (const Item& it : items) out.push(it.c, it.a);
    s = std::move(out);
}

void decompose(NormalizedString& s, bool compat) {
    bool simple = true;
    for (char32_t c : s.chars()) simple = simple && c < 0xA0;
    if (simple) return;
    std::u32string buf;
    s.rewrite([&](char32_t c, Span a, NormalizedString& out) {
        buf.clear();
        unicode::appendDecomposition(buf, c, compat);
        for (char32_t d : buf) out.push(d, a);
    });
    canonicalOrder(s);
}

bool isHangulJamoVT(char32_t c) {
    return (c >= 0x1161 && c <= 0x1175) || (c >= 0x11A8 && c <= 0x11C2);
}

void composeAll(NormalizedString& s, bool compat) {
    bool simple = true;
    for (char32_t c : s.chars()) simple = simple && c < 0xA0;
    if (simple) return;
    // Compose segment by segment (a starter and what follows it); every output character
    // of a segment is aligned with the whole segment.
    const auto& chars = s.chars();
    const auto& align = s.alignments();
    NormalizedString out;
    out.reserve(chars.size());
    size_t i = 0;
    while (i < chars.size()) {
        size_t j = i + 1;
        while (j < chars.size() &&
               (unicode::combiningClass(chars[j]) != 0 || isHangulJamoVT(chars[j])))
            ++j;
        const std::u32string seg =
            unicode::compose(std::u32string_view(chars).substr(i, j - i), compat);
        if (seg.size() == j - i &&
            std::equal(seg.begin(), seg.end(), chars.begin() + static_cast<long>(i))) {
            for (size_t k = i; k < j; ++k) out.push(chars[k], align[k]);
        } else {
            Span u{align[i].begin, align[i].end};
            for (size_t k = i; k < j; ++k) {
                u.begin = std::min(u.begin, align[k].begin);
                u.end = std::max(u.end, align[k].end);
            }
            for (char32_t c : seg) out.push(c, u);
        }
        i = j;
    }
    s = std::move(out);
}

}  // namespace

BertNormalizer::BertNormalizer(bool cleanText, bool handleChineseChars,
                               std::optional<bool> stripAccents, bool lowercase)
    : m_cleanText(cleanText),
      m_handleChinese(handleChineseChars),
      m_stripAccents(stripAccents.value_or(lowercase)),
      m_lowercase(lowercase) {}

void BertNormalizer::normalize(NormalizedString& s) const {
    // One pass for cleaning, CJK spacing and (ASCII fast path) lowercasing.
    bool ascii = true;
    s.rewrite([&](char32_t c, Span a, NormalizedString& out) {
        if (m_cleanText) {
            if (c == 0 || c == unicode::kReplacement || unicode::isBertControl(c)) return;
            if (unicode::isBertWhitespace(c)) c = ' ';
        }
        if (c >= 0x80) ascii = false;
        if (m_handleChinese && c >= 0x3400 && unicode::isChineseChar(c)) {
            out.push(' ', a);
            out.push(c, a);
            out.push(' ', a);
            return;
        }
        out.push(c, a);
    });
    if (m_stripAccents && !ascii) {
        decompose(s, false);
        s.rewrite([](char32_t c, Span a, NormalizedString& out) {
            if (!unicode::isMarkNonspacing(c)) out.push(c, a);
        });
    }
    if (m_lowercase) {
        if (ascii) {
            s.rewrite([](char32_t c, Span a, NormalizedString& out) {
                out.push(c >= 'A' && c <= 'Z' ? c + 32 : c, a);
            });
        } else {
            LowercaseNormalizer().normalize(s);
        }
    }
}

void LowercaseNormalizer::normalize(NormalizedString& s) const {
    std::u32string buf;
    s.rewrite([&](char32_t c, Span a, NormalizedString& out) {
        buf.clear();
        unicode::appendLowercase(buf, c);
        for (char32_t d : buf) out.push(d, a);
    });
}

void UnicodeNormalizer::normalize(NormalizedString& s) const {
    switch (m_form) {
        case Form::NFD:
            decompose(s, false);
            break;
        case Form::NFKD:
            decompose(s, true);
            break;
        case Form::NFC:
            composeAll(s, false);
            break;
        case Form::NFKC:
            composeAll(s, true);
            break;
    }
}

void StripAccentsNormalizer::normalize(NormalizedString& s) const {
    s.rewrite([](char32_t c, Span a, NormalizedString& out) {
        if (!unicode::isMarkNonspacing(c)) out.push(c, a);
    });
}

void StripNormalizer::normalize(NormalizedString& s) const {
    size_t b = 0, e = s.size();
    if (m_left)
        while (b < e && unicode::isWhitespace(s.chars()[b])) ++b;
    if (m_right)
        while (e > b && unicode::isWhitespace(s.chars()[e - 1])) --e;
    if (b != 0 || e != s.size()) s = s.slice(b, e);
}

ReplaceNormalizer::ReplaceNormalizer(const std::string& pattern, bool isRegex,
                                     const std::string& content)
    : m_content(unicode::decodeUtf8(content)) {
    if (isRegex)
        m_regex = std::make_unique<Regex>(pattern);
    else
        m_literal = unicode::decodeUtf8(pattern);
}

void ReplaceNormalizer::normalize(NormalizedString& s) const {
    std::vector<Span> matches;
    if (m_regex) {
        matches = m_regex->findAll(s.chars());
    } else if (!m_literal.empty()) {
        size_t pos = 0;
        while ((pos = s.chars().find(m_literal, pos)) != std::u32string::npos) {
            matches.push_back(
                {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + m_literal.size())});
            pos += m_literal.size();
        }
    }
    if (matches.empty()) return;
    NormalizedString out;
    out.reserve(s.size());
    size_t prev = 0;
    for (const Span& m : matches) {
        for (size_t k = prev; k < m.begin; ++k) out.push(s.chars()[k], s.alignments()[k]);
        const Span u = s.originalSpan(m.begin, m.end);
        for (char32_t c : m_content) out.push(c, u);
        prev = m.end;
    }
    for (size_t k = prev; k < s.size(); ++k) out.push(s.chars()[k], s.alignments()[k]);
    s = std::move(out);
}

PrependNormalizer::PrependNormalizer(const std::string& prefix)
    : m_prefix(unicode::decodeUtf8(prefix)) {}

void PrependNormalizer::normalize(NormalizedString& s) const {
    if (s.empty()) return;
    NormalizedString out;
    out.reserve(s.size() + m_prefix.size());
    const Span first = s.alignments().front();
    for (char32_t c : m_prefix) out.push(c, first);
    for (size_t k = 0; k < s.size(); ++k) out.push(s.chars()[k], s.alignments()[k]);
    s = std::move(out);
}

void SequenceNormalizer::normalize(NormalizedString& s) const {
    for (const auto& n : m_items) n->normalize(s);
}

}  // namespace ft::text
