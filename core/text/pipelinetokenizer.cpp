#include "pipelinetokenizer.h"

#include "unicode.h"

namespace ft::text {

PipelineTokenizer::PipelineTokenizer(std::unique_ptr<Model> model) : m_model(std::move(model)) {}

void PipelineTokenizer::addToken(const AddedToken& token) {
    m_added.add(token, m_normalizer.get());
    if (token.special) m_specialIds.insert(token.id);
}

void PipelineTokenizer::markSpecialId(int32_t id) {
    if (id >= 0) m_specialIds.insert(id);
}

Encoding PipelineTokenizer::encodeSequence(std::string_view text, int32_t typeId,
                                           int32_t sequenceId) const {
    std::u32string orig;
    std::vector<uint32_t> byteAt;
    unicode::decodeUtf8(text, orig, &byteAt);

    struct Tok {
        int32_t id;
        Span offsets;
    };
    std::vector<Tok> toks;
    toks.reserve(orig.size() / 3 + 4);
    std::vector<NormalizedString> pieces;
    std::vector<PieceToken> pieceTokens;

    auto runModel = [&](const NormalizedString& ns, size_t b, size_t e) {
        if (e <= b) return;
        pieces.clear();
        pieces.push_back(b == 0 && e == ns.size() ? ns : ns.slice(b, e));
        if (m_preTokenizer) m_preTokenizer->pretokenize(pieces);
        for (const NormalizedString& piece : pieces) {
            pieceTokens.clear();
            m_model->tokenize(piece, pieceTokens);
            for (const PieceToken& t : pieceTokens)
                toks.push_back({t.id, piece.originalSpan(t.begin, t.end)});
        }
    };
    auto plain = [&](uint32_t b, uint32_t e) {
        if (e <= b) return;
        NormalizedString ns(orig, b, e);
        if (m_normalizer) m_normalizer->normalize(ns);
        size_t prev = 0;
        for (const AddedVocabulary::Match& m : m_added.find(ns.chars(), true)) {
            runModel(ns, prev, m.begin);
            toks.push_back({m.id, ns.originalSpan(m.begin, m.end)});
            prev = m.end;
        }
        runModel(ns, prev, ns.size());
    };
    uint32_t prev = 0;
    for (const AddedVocabulary::Match& m : m_added.find(orig, false)) {
        plain(prev, m.begin);
        toks.push_back({m.id, {m.begin, m.end}});
        prev = m.end;
    }
    plain(prev, static_cast<uint32_t>(orig.size()));

    Encoding e;
    const size_t n = toks.size();
    e.ids.reserve(n);
    e.tokens.reserve(n);
    e.offsets.reserve(n);
    for (const Tok& t : toks) {
        e.ids.push_back(t.id);
        e.tokens.push_back(idToToken(t.id));
        e.offsets.push_back(t.offsets);
    }
    if (m_postProcessor) m_postProcessor->processOffsets(e.tokens, e.offsets);
    e.byteOffsets.reserve(n);
    for (const Span& o : e.offsets) e.byteOffsets.push_back({byteAt[o.begin], byteAt[o.end]});
    e.typeIds.assign(n, typeId);
    e.attentionMask.assign(n, 1);
    e.specialTokensMask.assign(n, 0);
    e.sequenceIds.assign(n, sequenceId);
    return e;
}

Encoding PipelineTokenizer::addSpecialTokens(Encoding a, const Encoding* b) const {
    if (m_postProcessor) return m_postProcessor->process(std::move(a), b);
    if (b) a.append(*b);
    return a;
}

size_t PipelineTokenizer::numSpecialTokensToAdd(bool pair) const {
    return m_postProcessor ? m_postProcessor->addedTokens(pair) : 0;
}

std::string PipelineTokenizer::decode(const std::vector<int32_t>& ids,
                                      bool skipSpecialTokens) const {
    std::vector<std::string> tokens;
    tokens.reserve(ids.size());
    for (int32_t id : ids) {
        if (skipSpecialTokens && m_specialIds.count(id)) continue;
        if (const AddedToken* t = m_added.byId(id)) {
            tokens.push_back(t->content);
        } else if (const std::string* s = m_model->idToToken(id)) {
            tokens.push_back(*s);
        }
    }
    if (m_decoder) return m_decoder->decode(std::move(tokens));
    std::string out;
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (i) out += ' ';
        out += tokens[i];
    }
    return out;
}

int32_t PipelineTokenizer::tokenToId(std::string_view token) const {
    if (const AddedToken* t = m_added.byContent(token)) return t->id;
    return m_model->tokenToId(token);
}

std::string PipelineTokenizer::idToToken(int32_t id) const {
    if (const AddedToken* t = m_added.byId(id)) return t->content;
    const std::string* s = m_model->idToToken(id);
    return s ? *s : std::string();
}

size_t PipelineTokenizer::vocabSize() const {
    size_t n = m_model->vocabSize();
    for (const AddedToken& t : m_added.tokens())
        if (!m_model->idToToken(t.id)) ++n;
    return n;
}

}  // namespace ft::text
