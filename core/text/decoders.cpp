#include "decoders.h"

#include <cstdlib>

#include "pretokenizers.h"
#include "unicode.h"

namespace ft::text {

namespace {

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
        s.replace(pos, from.size(), to);
        pos += to.size();
    }
}

std::string lossyUtf8(const std::string& bytes) {
    return unicode::toUtf8(unicode::decodeUtf8(bytes));
}

}  // namespace

std::string Decoder::decode(std::vector<std::string> tokens) const {
    decodeChain(tokens);
    std::string out;
    for (const std::string& t : tokens) out += t;
    return out;
}

std::string cleanupTokenization(std::string s) {
    replaceAll(s, " .", ".");
    replaceAll(s, " ?", "?");
    replaceAll(s, " !", "!");
    replaceAll(s, " ,", ",");
    replaceAll(s, " ' ", "'");
    replaceAll(s, " n't", "n't");
    replaceAll(s, " 'm", "'m");
    replaceAll(s, " do not", " don't");
    replaceAll(s, " 's", "'s");
    replaceAll(s, " 've", "'ve");
    replaceAll(s, " 're", "'re");
    return s;
}

void ByteLevelDecoder::decodeChain(std::vector<std::string>& tokens) const {
    std::string bytes;
    for (const std::string& t : tokens) {
        const std::u32string chars = unicode::decodeUtf8(t);
        std::string mapped;
        bool ok = true;
        for (char32_t c : chars) {
            const int b = bytelevel::charToByte(c);
            if (b < 0) {
                ok = false;
                break;
            }
            mapped.push_back(static_cast<char>(b));
        }
        bytes += ok ? mapped : t;
    }
    tokens.assign(1, lossyUtf8(bytes));
}

void WordPieceDecoder::decodeChain(std::vector<std::string>& tokens) const {
    for (size_t i = 0; i < tokens.size(); ++i) {
        std::string& t = tokens[i];
        if (i != 0) {
            if (t.compare(0, m_prefix.size(), m_prefix) == 0)
                t.erase(0, m_prefix.size());
            else
                t.insert(0, " ");
        }
        if (m_cleanup) t = cleanupTokenization(std::move(t));
    }
}

void MetaspaceDecoder::decodeChain(std::vector<std::string>& tokens) const {
    for (size_t i = 0; i < tokens.size(); ++i) {
        std::string& t = tokens[i];
        replaceAll(t, m_replacement, " ");
        if (i == 0 && m_strip && !t.empty() && t[0] == ' ') t.erase(0, 1);
    }
}

void BpeSuffixDecoder::decodeChain(std::vector<std::string>& tokens) const {
    for (size_t i = 0; i < tokens.size(); ++i)
        replaceAll(tokens[i], m_suffix, i + 1 == tokens.size() ? "" : " ");
}

void ReplaceDecoder::decodeChain(std::vector<std::string>& tokens) const {
    for (std::string& t : tokens) replaceAll(t, m_pattern, m_content);
}

void StripDecoder::decodeChain(std::vector<std::string>& tokens) const {
    for (std::string& t : tokens) {
        size_t b = 0;
        for (size_t k = 0; k < m_start && t.compare(b, m_content.size(), m_content) == 0; ++k)
            b += m_content.size();
        size_t e = t.size();
        for (size_t k = 0; k < m_stop && e >= b + m_content.size() &&
                           t.compare(e - m_content.size(), m_content.size(), m_content) == 0;
             ++k)
            e -= m_content.size();
        t = t.substr(b, e - b);
    }
}

void FuseDecoder::decodeChain(std::vector<std::string>& tokens) const {
    std::string all;
    for (const std::string& t : tokens) all += t;
    tokens.assign(1, all);
}

void ByteFallbackDecoder::decodeChain(std::vector<std::string>& tokens) const {
    std::vector<std::string> out;
    std::string pending;
    size_t pendingCount = 0;
    auto flush = [&] {
        if (pendingCount == 0) return;
        const std::u32string chars = unicode::decodeUtf8(pending);
        bool valid = true;
        for (char32_t c : chars) valid = valid && c != unicode::kReplacement;
        if (valid) {
            out.push_back(pending);
        } else {
            for (size_t k = 0; k < pendingCount; ++k) out.push_back("\xEF\xBF\xBD");
        }
        pending.clear();
        pendingCount = 0;
    };
    for (const std::string& t : tokens) {
        if (t.size() == 6 && t.compare(0, 3, "<0x") == 0 && t[5] == '>') {
            pending.push_back(static_cast<char>(std::strtol(t.substr(3, 2).c_str(), nullptr, 16)));
            ++pendingCount;
            continue;
        }
        flush();
        out.push_back(t);
    }
    flush();
    tokens = std::move(out);
}

void SequenceDecoder::decodeChain(std::vector<std::string>& tokens) const {
    for (const auto& d : m_items) d->decodeChain(tokens);
}

}  // namespace ft::text
