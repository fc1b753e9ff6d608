#include "pretokenizers.h"

#include <array>

#include "unicode.h"

namespace ft::text {

void splitPiece(const NormalizedString& piece, const std::vector<Span>& matches,
                SplitBehavior behavior, std::vector<NormalizedString>& out) {
    if (matches.empty()) {
        if (!piece.empty()) out.push_back(piece);
        return;
    }
    // Ranges covering the whole piece, each flagged as match or gap.
    struct Part {
        size_t b, e;
        bool match;
    };
    std::vector<Part> parts;
    size_t prev = 0;
    for (const Span& m : matches) {
        if (m.begin > prev) parts.push_back({prev, m.begin, false});
        parts.push_back({m.begin, m.end, true});
        prev = m.end;
    }
    if (prev < piece.size()) parts.push_back({prev, piece.size(), false});

    auto emit = [&](size_t b, size_t e) {
        if (e > b) out.push_back(piece.slice(b, e));
    };
    switch (behavior) {
        case SplitBehavior::Removed:
            for (const Part& p : parts)
                if (!p.match) emit(p.b, p.e);
            break;
        case SplitBehavior::Isolated:
            for (const Part& p : parts) emit(p.b, p.e);
            break;
        case SplitBehavior::Contiguous: {
            size_t i = 0;
            while (i < parts.size()) {
                size_t j = i + 1;
                if (parts[i].match)
                    while (j < parts.size() && parts[j].match) ++j;
                emit(parts[i].b, parts[j - 1].e);
                i = j;
            }
            break;
        }
        case SplitBehavior::MergedWithPrevious: {
            size_t start = 0;
            for (const Part& p : parts) {
                if (p.match) {
                    emit(start, p.e);
                    start = p.e;
                }
            }
            emit(start, piece.size());
            break;
        }
        case SplitBehavior::MergedWithNext: {
            size_t start = 0;
            for (const Part& p : parts) {
                if (p.match) {
                    emit(start, p.b);
                    start = p.b;
                }
            }
            emit(start, piece.size());
            break;
        }
    }
}

namespace bytelevel {

namespace {

struct Tables {
    std::array<char32_t, 256> toChar{};
    std::array<int, 512> toByte{};
    Tables() {
        toByte.fill(-1);
        int n = 0;
        for (int b = 0; b < 256; ++b) {
            const bool printable =
                (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE);
            toChar[static_cast<size_t>(b)] =
                printable ? static_cast<char32_t>(b) : static_cast<char32_t>(256 + n++);
            toByte[toChar[static_cast<size_t>(b)]] = b;
        }
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

}  // namespace

char32_t byteToChar(unsigned char b) { return tables().toChar[b]; }

int charToByte(char32_t c) { return c < 512 ? tables().toByte[c] : -1; }

}  // namespace bytelevel

namespace {

template <class Pred>
std::vector<Span> charMatches(const NormalizedString& s, Pred pred) {
    std::vector<Span> m;
    const auto& chars = s.chars();
    for (size_t i = 0; i < chars.size(); ++i)
        if (pred(chars[i])) m.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)});
    return m;
}

template <class F>
void forEachPiece(std::vector<NormalizedString>& pieces, F f) {
    std::vector<NormalizedString> out;
    out.reserve(pieces.size() * 2);
    for (const NormalizedString& p : pieces) f(p, out);
    pieces = std::move(out);
}

}  // namespace

void BertPreTokenizer::pretokenize(std::vector<NormalizedString>& pieces) const {
    forEachPiece(pieces, [](const NormalizedString& p, std::vector<NormalizedString>& out) {
        const auto& chars = p.chars();
        size_t start = 0;
        for (size_t i = 0; i < chars.size(); ++i) {
            const char32_t c = chars[i];
            if (unicode::isWhitespace(c)) {
                if (i > start) out.push_back(p.slice(start, i));
                start = i + 1;
            } else if (unicode::isBertPunctuation(c)) {
                if (i > start) out.push_back(p.slice(start, i));
                out.push_back(p.slice(i, i + 1));
                start = i + 1;
            }
        }
        if (chars.size() > start) out.push_back(p.slice(start, chars.size()));
    });
}

const char* ByteLevelPreTokenizer::gpt2Pattern() {
    return R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
}

ByteLevelPreTokenizer::ByteLevelPreTokenizer(bool addPrefixSpace, bool useRegex)
    : m_addPrefixSpace(addPrefixSpace), m_useRegex(useRegex) {
    static const std::shared_ptr<const Regex> gpt2 = std::make_shared<Regex>(gpt2Pattern());
    m_regex = gpt2;
}

void ByteLevelPreTokenizer::pretokenize(std::vector<NormalizedString>& pieces) const {
    std::vector<NormalizedString> split;
    split.reserve(pieces.size() * 4);
    for (NormalizedString& p : pieces) {
        if (m_addPrefixSpace && !p.empty() && p.chars().front() != ' ') {
            NormalizedString q;
            q.reserve(p.size() + 1);
            q.push(' ', p.alignments().front());
            for (size_t k = 0; k < p.size(); ++k) q.push(p.chars()[k], p.alignments()[k]);
            p = std::move(q);
        }
        if (m_useRegex)
            splitPiece(p, m_regex->findAll(p.chars()), SplitBehavior::Isolated, split);
        else if (!p.empty())
            split.push_back(std::move(p));
    }
    pieces.clear();
    pieces.reserve(split.size());
    std::string utf8;
    for (const NormalizedString& p : split) {
        NormalizedString b;
        b.reserve(p.size() * 2);
        for (size_t k = 0; k < p.size(); ++k) {
            const char32_t c = p.chars()[k];
            if (c < 0x80) {
                b.push(bytelevel::byteToChar(static_cast<unsigned char>(c)), p.alignments()[k]);
                continue;
            }
            utf8.clear();
            unicode::appendUtf8(utf8, c);
            for (char byte : utf8)
                b.push(bytelevel::byteToChar(static_cast<unsigned char>(byte)), p.alignments()[k]);
        }
        pieces.push_back(std::move(b));
    }
}

WhitespacePreTokenizer::WhitespacePreTokenizer() : m_regex(R"(\w+|[^\w\s]+)") {}

void WhitespacePreTokenizer::pretokenize(std::vector<NormalizedString>& pieces) const {
    forEachPiece(pieces, [&](const NormalizedString& p, std::vector<NormalizedString>& out) {
        for (const Span& m : m_regex.findAll(p.chars())) out.push_back(p.slice(m.begin, m.end));
    });
}

void WhitespaceSplitPreTokenizer::pretokenize(std::vector<NormalizedString>& pieces) const {
    forEachPiece(pieces, [](const NormalizedString& p, std::vector<NormalizedString>& out) {
        splitPiece(p, charMatches(p, unicode::isWhitespace), SplitBehavior::Removed, out);
    });
}

void PunctuationPreTokenizer::pretokenize(std::vector<NormalizedString>& pieces) const {
    forEachPiece(pieces, [&](const NormalizedString& p, std::vector<NormalizedString>& out) {
        splitPiece(p, charMatches(p, unicode::isBertPunctuation), m_behavior, out);
    });
}

void DigitsPreTokenizer::pretokenize(std::vector<NormalizedString>& pieces) const {
    forEachPiece(pieces, [&](const NormalizedString& p, std::vector<NormalizedString>& out) {
        splitPiece(p, charMatches(p, [](char32_t c) { return unicode::isDigit(c); }),
                   m_individual ? SplitBehavior::Isolated : SplitBehavior::Contiguous, out);
    });
}

void CharDelimiterPreTokenizer::pretokenize(std::vector<NormalizedString>& pieces) const {
    forEachPiece(pieces, [&](const NormalizedString& p, std::vector<NormalizedString>& out) {
        splitPiece(p, charMatches(p, [&](char32_t c) { return c == m_delimiter; }),
                   SplitBehavior::Removed, out);
    });
}

void MetaspacePreTokenizer::pretokenize(std::vector<NormalizedString>& pieces) const {
    forEachPiece(pieces, [&](const NormalizedString& p, std::vector<NormalizedString>& out) {
        NormalizedString s;
        s.reserve(p.size() + 1);
        const bool startsWithSpace = !p.empty() && p.chars().front() == ' ';
        const bool prepend = !p.empty() && !startsWithSpace && p.chars().front() != m_replacement &&
                             (m_prepend == Prepend::Always ||
                              (m_prepend == Prepend::First && p.originalBegin() == 0));
        if (prepend) s.push(m_replacement, p.alignments().front());
        for (size_t k = 0; k < p.size(); ++k)
            s.push(p.chars()[k] == ' ' ? m_replacement : p.chars()[k], p.alignments()[k]);
        if (m_split)
            splitPiece(s, charMatches(s, [&](char32_t c) { return c == m_replacement; }),
                       SplitBehavior::MergedWithNext, out);
        else if (!s.empty())
            out.push_back(std::move(s));
    });
}

SplitPreTokenizer::SplitPreTokenizer(const std::string& pattern, bool isRegex, SplitBehavior b,
                                     bool invert)
    : m_regex(isRegex ? pattern : Regex::escape(pattern)), m_behavior(b), m_invert(invert) {}

void SplitPreTokenizer::pretokenize(std::vector<NormalizedString>& pieces) const {
    forEachPiece(pieces, [&](const NormalizedString& p, std::vector<NormalizedString>& out) {
        std::vector<Span> m = m_regex.findAll(p.chars());
        if (m_invert) {
            std::vector<Span> inv;
            uint32_t prev = 0;
            for (const Span& s : m) {
                if (s.begin > prev) inv.push_back({prev, s.begin});
                prev = s.end;
            }
            if (prev < p.size()) inv.push_back({prev, static_cast<uint32_t>(p.size())});
            m = std::move(inv);
        }
        splitPiece(p, m, m_behavior, out);
    });
}

void SequencePreTokenizer::pretokenize(std::vector<NormalizedString>& pieces) const {
    for (const auto& t : m_items) t->pretokenize(pieces);
}

}  // namespace ft::text
