#include "postprocessors.h"

#include <algorithm>

#include "error.h"
#include "unicode.h"

namespace ft::text {

void PostProcessor::processOffsets(const std::vector<std::string>&, std::vector<Span>&) const {}

void appendSpecial(Encoding& e, const SpecialPiece& piece, int32_t typeId) {
    for (size_t i = 0; i < piece.ids.size(); ++i) {
        e.ids.push_back(piece.ids[i]);
        e.tokens.push_back(i < piece.tokens.size() ? piece.tokens[i] : std::string());
        e.typeIds.push_back(typeId);
        e.attentionMask.push_back(1);
        e.offsets.push_back({});
        e.byteOffsets.push_back({});
        e.specialTokensMask.push_back(1);
        e.sequenceIds.push_back(-1);
    }
}

void appendSequence(Encoding& e, const Encoding& seq, int32_t typeId) {
    const size_t before = e.size();
    e.append(seq);
    std::fill(e.typeIds.begin() + static_cast<long>(before), e.typeIds.end(), typeId);
}

TemplateProcessing::TemplateProcessing(std::vector<Item> single, std::vector<Item> pair,
                                       std::vector<std::pair<std::string, SpecialPiece>> specials,
                                       const std::string& source)
    : m_single(std::move(single)), m_pair(std::move(pair)), m_specials(std::move(specials)) {
    for (const auto* t : {&m_single, &m_pair})
        for (const Item& it : *t)
            if (!it.isSequence && std::none_of(m_specials.begin(), m_specials.end(),
                                               [&](const auto& s) { return s.first == it.name; }))
                throw Error(ErrorCode::Parse, source + ": TemplateProcessing uses special token '" +
                                                  it.name +
                                                  "', which special_tokens does not define");
}

const SpecialPiece& TemplateProcessing::piece(const std::string& name) const {
    for (const auto& s : m_specials)
        if (s.first == name) return s.second;
    throw Error(ErrorCode::Internal, "TemplateProcessing: unknown special token " + name);
}

size_t TemplateProcessing::addedTokens(bool pair) const {
    size_t n = 0;
    for (const Item& it : pair ? m_pair : m_single)
        if (!it.isSequence) n += piece(it.name).ids.size();
    return n;
}

Encoding TemplateProcessing::process(Encoding a, const Encoding* b) const {
    Encoding out;
    for (const Item& it : b ? m_pair : m_single) {
        if (!it.isSequence)
            appendSpecial(out, piece(it.name), it.typeId);
        else if (it.name == "A")
            appendSequence(out, a, it.typeId);
        else if (b)
            appendSequence(out, *b, it.typeId);
    }
    return out;
}

Encoding BertProcessing::process(Encoding a, const Encoding* b) const {
    Encoding out;
    appendSpecial(out, m_cls, 0);
    appendSequence(out, a, 0);
    appendSpecial(out, m_sep, 0);
    if (b) {
        appendSequence(out, *b, 1);
        appendSpecial(out, m_sep, 1);
    }
    return out;
}

void trimByteLevelOffsets(const std::vector<std::string>& tokens, std::vector<Span>& offsets,
                          bool addPrefixSpace) {
    const char32_t spaceChar = 0x120;  // the byte-level symbol of the space byte
    for (size_t i = 0; i < tokens.size() && i < offsets.size(); ++i) {
        const std::u32string t = unicode::decodeUtf8(tokens[i]);
        auto isSpace = [&](char32_t c) { return c == spaceChar || unicode::isWhitespace(c); };
        size_t leading = 0, trailing = 0;
        while (leading < t.size() && isSpace(t[leading])) ++leading;
        while (trailing < t.size() && isSpace(t[t.size() - 1 - trailing])) ++trailing;
        Span& o = offsets[i];
        if (leading > 0) {
            const bool isFirst = i == 0 || o.begin == 0;
            if (isFirst && addPrefixSpace && leading == 1) leading = 0;
            o.begin = std::min<uint32_t>(o.begin + static_cast<uint32_t>(leading), o.end);
        }
        if (trailing > 0 && o.end >= trailing)
            o.end = std::max<uint32_t>(o.end - static_cast<uint32_t>(trailing), o.begin);
    }
}

void RobertaProcessing::processOffsets(const std::vector<std::string>& tokens,
                                       std::vector<Span>& offsets) const {
    if (m_trim) trimByteLevelOffsets(tokens, offsets, m_prefix);
}

Encoding RobertaProcessing::process(Encoding a, const Encoding* b) const {
    Encoding out;
    appendSpecial(out, m_cls, 0);
    appendSequence(out, a, 0);
    appendSpecial(out, m_sep, 0);
    if (b) {
        appendSpecial(out, m_sep, 0);
        appendSequence(out, *b, 0);
        appendSpecial(out, m_sep, 0);
    }
    return out;
}

void ByteLevelProcessing::processOffsets(const std::vector<std::string>& tokens,
                                         std::vector<Span>& offsets) const {
    if (m_trim) trimByteLevelOffsets(tokens, offsets, m_prefix);
}

Encoding ByteLevelProcessing::process(Encoding a, const Encoding* b) const {
    if (b) a.append(*b);
    return a;
}

size_t SequenceProcessing::addedTokens(bool pair) const {
    size_t n = 0;
    for (const auto& p : m_items) n += p->addedTokens(pair);
    return n;
}

void SequenceProcessing::processOffsets(const std::vector<std::string>& tokens,
                                        std::vector<Span>& offsets) const {
    for (const auto& p : m_items) p->processOffsets(tokens, offsets);
}

Encoding SequenceProcessing::process(Encoding a, const Encoding* b) const {
    // Only one member can join the sequences; the others (ByteLevel) adjust offsets.
    for (const auto& p : m_items)
        if (p->addedTokens(b != nullptr) > 0) return p->process(std::move(a), b);
    if (b) a.append(*b);
    return a;
}

}  // namespace ft::text
