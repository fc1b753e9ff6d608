#include "sentencepiece.h"

#include <fstream>
#include <sstream>

#include "error.h"
#include "normalizers.h"
#include "postprocessors.h"
#include "sentencepiecemodel.h"
#include "unicode.h"

namespace ft::text {

SentencePieceTokenizer::SentencePieceTokenizer(const std::string& modelPath, Options options)
    : m_options(options) {
    std::ifstream in(modelPath, std::ios::binary);
    if (!in) throw Error(ErrorCode::Io, modelPath + ": cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    m_model = std::make_unique<SentencePieceModel>(ss.str(), modelPath);

    SpecialTokens s;
    auto set = [&](std::string& name, int32_t& id, const char* piece) {
        const int32_t found = tokenToId(piece);
        if (found >= 0) {
            name = piece;
            id = found;
        }
    };
    s.unkId = m_model->unkId();
    s.unk = m_model->piece(s.unkId).text;
    set(s.pad, s.padId, "<pad>");
    set(s.cls, s.clsId, "<cls>");
    set(s.sep, s.sepId, "<sep>");
    set(s.bos, s.bosId, "<s>");
    set(s.eos, s.eosId, "</s>");
    set(s.mask, s.maskId, "<mask>");
    if (m_options.xlnet && (s.clsId < 0 || s.sepId < 0))
        throw Error(ErrorCode::Parse,
                    modelPath + ": XLNet conventions need <sep> and <cls> pieces");
    setSpecialTokens(s);
    if (m_options.xlnet) {
        setPaddingSide(PaddingSide::Left);
        setPadTypeId(3);
    }
}

SentencePieceTokenizer::~SentencePieceTokenizer() = default;

Encoding SentencePieceTokenizer::encodeSequence(std::string_view text, int32_t typeId,
                                                int32_t sequenceId) const {
    std::u32string orig;
    std::vector<uint32_t> byteAt;
    unicode::decodeUtf8(text, orig, &byteAt);
    NormalizedString ns(orig, 0, static_cast<uint32_t>(orig.size()));
    if (m_options.xlnet) {
        // XLNetTokenizer.preprocess_text: " ".join(text.strip().split()), `` and '' to ",
        // NFKD without combining characters, lowercase.
        NormalizedString collapsed;
        bool pendingSpace = false;
        for (size_t i = 0; i < ns.size(); ++i) {
            const char32_t c = ns.chars()[i];
            if (unicode::isWhitespace(c) || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x1F) {
                pendingSpace = !collapsed.empty();
                continue;
            }
            if (pendingSpace) collapsed.push(' ', ns.alignments()[i - 1]);
            pendingSpace = false;
            collapsed.push(c, ns.alignments()[i]);
        }
        ns = std::move(collapsed);
        ReplaceNormalizer("``", false, "\"").normalize(ns);
        ReplaceNormalizer("''", false, "\"").normalize(ns);
        if (!m_options.keepAccents) {
            UnicodeNormalizer(UnicodeNormalizer::Form::NFKD).normalize(ns);
            ns.rewrite([](char32_t c, Span a, NormalizedString& out) {
                if (unicode::combiningClass(c) == 0) out.push(c, a);
            });
        }
        if (m_options.doLowerCase) LowercaseNormalizer().normalize(ns);
    }
    std::string input;
    std::vector<uint32_t> charAt;  // byte of input -> character of ns
    input.reserve(ns.size());
    for (size_t i = 0; i < ns.size(); ++i) {
        unicode::appendUtf8(input, ns.chars()[i]);
        charAt.resize(input.size(), static_cast<uint32_t>(i));
    }
    charAt.push_back(static_cast<uint32_t>(ns.size()));

    Encoding e;
    for (const SentencePieceModel::Result& p : m_model->encode(input)) {
        e.ids.push_back(p.id);
        // Raw mode prints unknown runs as libsentencepiece does (their text); with XLNet
        // conventions the token is the unknown piece, as Hugging Face shows it.
        e.tokens.push_back(m_options.xlnet ? m_model->piece(p.id).text : p.piece);
        const uint32_t b = std::min<uint32_t>(p.begin, static_cast<uint32_t>(input.size()));
        const uint32_t en = std::min<uint32_t>(p.end, static_cast<uint32_t>(input.size()));
        e.offsets.push_back(ns.originalSpan(charAt[b], charAt[en]));
    }
    const size_t n = e.ids.size();
    for (const Span& o : e.offsets) e.byteOffsets.push_back({byteAt[o.begin], byteAt[o.end]});
    e.typeIds.assign(n, typeId);
    e.attentionMask.assign(n, 1);
    e.specialTokensMask.assign(n, 0);
    e.sequenceIds.assign(n, sequenceId);
    return e;
}

size_t SentencePieceTokenizer::numSpecialTokensToAdd(bool pair) const {
    if (!m_options.xlnet) return 0;
    return pair ? 3 : 2;
}

Encoding SentencePieceTokenizer::addSpecialTokens(Encoding a, const Encoding* b) const {
    if (!m_options.xlnet) {
        if (b) a.append(*b);
        return a;
    }
    const SpecialPiece sep{{m_special.sepId}, {m_special.sep}};
    const SpecialPiece cls{{m_special.clsId}, {m_special.cls}};
    Encoding out;
    appendSequence(out, a, 0);
    appendSpecial(out, sep, 0);
    if (b) {
        appendSequence(out, *b, 1);
        appendSpecial(out, sep, 1);
    }
    appendSpecial(out, cls, 2);
    return out;
}

std::string SentencePieceTokenizer::decode(const std::vector<int32_t>& ids,
                                           bool skipSpecialTokens) const {
    std::vector<int32_t> kept;
    kept.reserve(ids.size());
    for (int32_t id : ids) {
        if (id < 0 || static_cast<size_t>(id) >= m_model->size()) continue;
        const auto type = m_model->piece(id).type;
        const bool special = type == SentencePieceModel::Type::Control ||
                             type == SentencePieceModel::Type::Unknown ||
                             type == SentencePieceModel::Type::UserDefined;
        if (skipSpecialTokens && special) continue;
        kept.push_back(id);
    }
    return m_model->decode(kept);
}

int32_t SentencePieceTokenizer::tokenToId(std::string_view token) const {
    const int32_t id = m_model->find(token);
    if (id >= 0) return id;
    for (size_t i = 0; i < m_model->size(); ++i)
        if (m_model->piece(static_cast<int32_t>(i)).text == token) return static_cast<int32_t>(i);
    return -1;
}

std::string SentencePieceTokenizer::idToToken(int32_t id) const {
    if (id < 0 || static_cast<size_t>(id) >= m_model->size()) return {};
    return m_model->piece(id).text;
}

size_t SentencePieceTokenizer::vocabSize() const { return m_model->size(); }

}  // namespace ft::text
