#include "sentencepiecemodel.h"

#include <algorithm>
#include <cfloat>
#include <cstring>

#include "error.h"
#include "unicode.h"

namespace ft::text {

namespace {

// A minimal protobuf wire-format reader: enough for ModelProto.
class Wire {
public:
    Wire(std::string_view data, const std::string& source) : m_data(data), m_source(source) {}
    bool done() const { return m_pos >= m_data.size(); }
    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_pos >= m_data.size()) bad("truncated varint");
            const auto b = static_cast<unsigned char>(m_data[m_pos++]);
            v |= static_cast<uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        bad("overlong varint");
    }
    std::string_view bytes() {
        const uint64_t n = varint();
        if (n > m_data.size() - m_pos) bad("length beyond the end of the file");
        const std::string_view s = m_data.substr(m_pos, n);
        m_pos += n;
        return s;
    }
    float fixed32() {
        if (m_data.size() - m_pos < 4) bad("truncated fixed32");
        float f;
        std::memcpy(&f, m_data.data() + m_pos, 4);
        m_pos += 4;
        return f;
    }
    void skip(int wireType) {
        switch (wireType) {
            case 0:
                varint();
                break;
            case 1:
                if (m_data.size() - m_pos < 8) bad("truncated fixed64");
                m_pos += 8;
                break;
            case 2:
                bytes();
                break;
            case 5:
                fixed32();
                break;
            default:
                bad("unknown wire type " + std::to_string(wireType));
        }
    }
    [[noreturn]] void bad(const std::string& what) const {
        throw Error(ErrorCode::Parse, m_source + ": not a SentencePiece model (" + what +
                                          " at byte " + std::to_string(m_pos) + ")");
    }

private:
    std::string_view m_data;
    size_t m_pos = 0;
    const std::string& m_source;
};

int charLen(unsigned char b) { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }

const char* const kSpace = "\xE2\x96\x81";  // U+2581, SentencePiece's whitespace symbol

}  // namespace

SentencePieceModel::SentencePieceModel(const std::string& bytes, const std::string& source) {
    Wire top(bytes, source);
    int modelType = 1;
    std::string_view charsmap;
    while (!top.done()) {
        const uint64_t tag = top.varint();
        const int field = static_cast<int>(tag >> 3), wt = static_cast<int>(tag & 7);
        if (field == 1 && wt == 2) {
            Wire p(top.bytes(), source);
            Piece piece;
            while (!p.done()) {
                const uint64_t t = p.varint();
                const int f = static_cast<int>(t >> 3), w = static_cast<int>(t & 7);
                if (f == 1 && w == 2)
                    piece.text = std::string(p.bytes());
                else if (f == 2 && w == 5)
                    piece.score = p.fixed32();
                else if (f == 3 && w == 0)
                    piece.type = static_cast<Type>(p.varint());
                else
                    p.skip(w);
            }
            m_pieces.push_back(std::move(piece));
        } else if (field == 2 && wt == 2) {
            Wire t(top.bytes(), source);
            while (!t.done()) {
                const uint64_t tg = t.varint();
                const int f = static_cast<int>(tg >> 3), w = static_cast<int>(tg & 7);
                if (f == 3 && w == 0)
                    modelType = static_cast<int>(t.varint());
                else if (f == 35 && w == 0)
                    m_byteFallback = t.varint() != 0;
                else
                    t.skip(w);
            }
        } else if (field == 3 && wt == 2) {
            Wire n(top.bytes(), source);
            while (!n.done()) {
                const uint64_t tg = n.varint();
                const int f = static_cast<int>(tg >> 3), w = static_cast<int>(tg & 7);
                if (f == 2 && w == 2)
                    charsmap = n.bytes();
                else if (f == 3 && w == 0)
                    m_addDummyPrefix = n.varint() != 0;
                else if (f == 4 && w == 0)
                    m_removeExtraWhitespaces = n.varint() != 0;
                else if (f == 5 && w == 0)
                    m_escapeWhitespaces = n.varint() != 0;
                else
                    n.skip(w);
            }
        } else {
            top.skip(wt);
        }
    }
    if (m_pieces.empty()) top.bad("no pieces");
    if (modelType != 1)
        throw Error(ErrorCode::Parse, source + ": SentencePiece model type " +
                                          std::to_string(modelType) +
                                          " is not supported (only unigram)");

    m_minScore = FLT_MAX;
    m_maxScore = FLT_MIN;
    for (size_t i = 0; i < m_pieces.size(); ++i) {
        const Piece& p = m_pieces[i];
        if (p.type < Type::Normal || p.type > Type::Byte)
            top.bad("piece " + std::to_string(i) + " has an unknown type");
        if (p.type == Type::Unknown) m_unkId = static_cast<int32_t>(i);
        if (p.type == Type::Normal) {
            m_minScore = std::min(m_minScore, p.score);
            m_maxScore = std::max(m_maxScore, p.score);
        }
        if (p.type == Type::Normal || p.type == Type::UserDefined || p.type == Type::Unused) {
            m_vocab.add(p.text, static_cast<int32_t>(i));
            m_maxPieceBytes = std::max(m_maxPieceBytes, p.text.size());
        }
        if (p.type == Type::UserDefined) m_userDefined.push_back(p.text);
    }
    if (m_unkId < 0) top.bad("no unknown piece");

    if (charsmap.size() >= 4) {
        uint32_t trieBytes;
        std::memcpy(&trieBytes, charsmap.data(), 4);
        if (trieBytes % 4 != 0 || trieBytes > charsmap.size() - 4)
            top.bad("malformed precompiled_charsmap");
        m_trie.resize(trieBytes / 4);
        std::memcpy(m_trie.data(), charsmap.data() + 4, trieBytes);
        m_normalized.assign(charsmap.data() + 4 + trieBytes, charsmap.size() - 4 - trieBytes);
    }
}

size_t SentencePieceModel::userDefinedPrefix(std::string_view input) const {
    size_t best = 0;
    for (const std::string& u : m_userDefined)
        if (u.size() > best && input.compare(0, u.size(), u) == 0) best = u.size();
    return best;
}

std::pair<std::string_view, size_t> SentencePieceModel::normalizePrefix(
    std::string_view input) const {
    if (const size_t u = userDefinedPrefix(input)) return {input.substr(0, u), u};
    size_t longest = 0;
    uint32_t value = 0;
    if (!m_trie.empty()) {
        // darts-clone commonPrefixSearch.
        auto offset = [](uint32_t unit) { return (unit >> 10) << ((unit & (1U << 9)) >> 6); };
        size_t node = offset(m_trie[0]);
        for (size_t i = 0; i < input.size(); ++i) {
            const auto c = static_cast<unsigned char>(input[i]);
            node ^= c;
            if (node >= m_trie.size()) break;
            const uint32_t unit = m_trie[node];
            if ((unit & ((1U << 31) | 0xFF)) != c) break;
            node ^= offset(unit);
            if (node >= m_trie.size()) break;
            if ((unit >> 8) & 1) {
                longest = i + 1;
                value = m_trie[node] & ((1U << 31) - 1);
            }
        }
    }
    if (longest == 0 || value >= m_normalized.size()) {
        const size_t n =
            std::min<size_t>(charLen(static_cast<unsigned char>(input[0])), input.size());
        return {input.substr(0, n), n};
    }
    return {std::string_view(m_normalized.c_str() + value), longest};
}

void SentencePieceModel::normalize(std::string_view input, std::string& out,
                                   std::vector<uint32_t>& toInput) const {
    out.clear();
    toInput.clear();
    size_t consumed = 0;
    if (m_removeExtraWhitespaces) {
        while (!input.empty()) {
            const auto p = normalizePrefix(input);
            if (p.first != " ") break;
            input.remove_prefix(p.second);
            consumed += p.second;
        }
    }
    if (input.empty()) {
        toInput.push_back(static_cast<uint32_t>(consumed));
        return;
    }
    auto addSpace = [&] {
        const char* s = m_escapeWhitespaces ? kSpace : " ";
        for (const char* c = s; *c; ++c) {
            out.push_back(*c);
            toInput.push_back(static_cast<uint32_t>(consumed));
        }
    };
    if (m_addDummyPrefix) addSpace();
    bool prevSpace = m_removeExtraWhitespaces;
    while (!input.empty()) {
        const auto p = normalizePrefix(input);
        std::string_view sp = p.first;
        while (prevSpace && !sp.empty() && sp.front() == ' ') sp.remove_prefix(1);
        if (!sp.empty()) {
            for (char c : sp) {
                if (m_escapeWhitespaces && c == ' ') {
                    for (const char* s = kSpace; *s; ++s) {
                        out.push_back(*s);
                        toInput.push_back(static_cast<uint32_t>(consumed));
                    }
                } else {
                    out.push_back(c);
                    toInput.push_back(static_cast<uint32_t>(consumed));
                }
            }
            prevSpace = sp.back() == ' ';
        }
        consumed += p.second;
        input.remove_prefix(p.second);
        if (!m_removeExtraWhitespaces) prevSpace = false;
    }
    if (m_removeExtraWhitespaces) {
        const std::string_view space = m_escapeWhitespaces ? kSpace : " ";
        while (out.size() >= space.size() &&
               out.compare(out.size() - space.size(), space.size(), space) == 0) {
            const size_t len = out.size() - space.size();
            consumed = toInput[len];
            out.resize(len);
            toInput.resize(len);
        }
    }
    toInput.push_back(static_cast<uint32_t>(consumed));
}

std::vector<SentencePieceModel::Result> SentencePieceModel::encode(std::string_view input) const {
    std::string norm;
    std::vector<uint32_t> toInput;
    normalize(input, norm, toInput);
    std::vector<Result> out;
    const size_t size = norm.size();
    if (size == 0) return out;

    struct Best {
        int32_t id = -1;
        float score = 0;
        long startsAt = -1;
    };
    std::vector<Best> best(size + 1);
    const float unkScore = m_minScore - 10.0f;
    size_t startsAt = 0;
    while (startsAt < size) {
        const float here = best[startsAt].score;
        const size_t mblen =
            std::min<size_t>(charLen(static_cast<unsigned char>(norm[startsAt])), size - startsAt);
        bool single = false;
        const size_t maxEnd = std::min(size, startsAt + m_maxPieceBytes);
        for (size_t end = startsAt + 1; end <= maxEnd; ++end) {
            const int32_t id =
                m_vocab.find(std::string_view(norm.data() + startsAt, end - startsAt));
            if (id < 0) continue;
            const Piece& p = m_pieces[static_cast<size_t>(id)];
            if (p.type == Type::Unused) continue;
            const size_t length = end - startsAt;
            // User-defined symbols get a bonus so they are always chosen (as in libsentencepiece).
            const float candidate =
                p.type == Type::UserDefined
                    ? static_cast<float>(
                          static_cast<double>(static_cast<float>(length) * m_maxScore) - 0.1 + here)
                    : p.score + here;
            Best& target = best[end];
            if (target.startsAt == -1 || candidate > target.score) {
                target = {id, candidate, static_cast<long>(startsAt)};
            }
            if (length == mblen) single = true;
        }
        if (!single) {
            Best& target = best[startsAt + mblen];
            const float candidate = unkScore + here;
            if (target.startsAt == -1 || candidate > target.score)
                target = {m_unkId, candidate, static_cast<long>(startsAt)};
        }
        startsAt += mblen;
    }
    std::vector<std::pair<size_t, size_t>> spans;  // normalized byte ranges, reversed
    std::vector<int32_t> ids;
    for (size_t end = size; end > 0;) {
        const Best& b = best[end];
        if (b.startsAt < 0) break;
        spans.push_back({static_cast<size_t>(b.startsAt), end});
        ids.push_back(b.id);
        end = static_cast<size_t>(b.startsAt);
    }
    bool prevUnk = false;
    for (size_t k = spans.size(); k-- > 0;) {
        const auto [nb, ne] = spans[k];
        const int32_t id = ids[k];
        const bool unk = id == m_unkId;
        const std::string surface = norm.substr(nb, ne - nb);
        if (unk && m_byteFallback) {
            bool all = true;
            std::vector<Result> bytes;
            for (unsigned char c : surface) {
                char name[8];
                std::snprintf(name, sizeof name, "<0x%02X>", c);
                int32_t bid = -1;
                for (size_t i = 0; i < m_pieces.size() && bid < 0; ++i)
                    if (m_pieces[i].type == Type::Byte && m_pieces[i].text == name)
                        bid = static_cast<int32_t>(i);
                if (bid < 0) {
                    all = false;
                    break;
                }
                bytes.push_back({bid, name, toInput[nb], toInput[ne]});
            }
            if (all) {
                out.insert(out.end(), bytes.begin(), bytes.end());
                prevUnk = false;
                continue;
            }
        }
        if (unk && prevUnk) {
            // libsentencepiece merges runs of unknown pieces.
            out.back().piece += surface;
            out.back().end = toInput[ne];
            continue;
        }
        out.push_back(
            {id, unk ? surface : m_pieces[static_cast<size_t>(id)].text, toInput[nb], toInput[ne]});
        prevUnk = unk;
    }
    return out;
}

std::string SentencePieceModel::decode(const std::vector<int32_t>& ids) const {
    std::string text;
    std::string bytes;
    bool first = true;
    auto flushBytes = [&] {
        if (bytes.empty()) return;
        text += unicode::toUtf8(unicode::decodeUtf8(bytes));
        bytes.clear();
    };
    for (int32_t id : ids) {
        if (id < 0 || static_cast<size_t>(id) >= m_pieces.size()) continue;
        const Piece& p = m_pieces[static_cast<size_t>(id)];
        if (p.type == Type::Control) continue;
        if (p.type == Type::Byte && p.text.size() == 6) {
            bytes.push_back(
                static_cast<char>(std::strtol(p.text.substr(3, 2).c_str(), nullptr, 16)));
            continue;
        }
        flushBytes();
        std::string piece = p.type == Type::Unknown ? std::string(" \xE2\x81\x87 ") : p.text;
        if (first && m_addDummyPrefix && piece.compare(0, 3, kSpace) == 0) piece.erase(0, 3);
        first = false;
        size_t pos = 0;
        while ((pos = piece.find(kSpace, pos)) != std::string::npos) piece.replace(pos, 3, " ");
        text += piece;
    }
    flushBytes();
    return text;
}

}  // namespace ft::text
