#include "util/text.h"

#include <cstring>

namespace ft::util {

namespace {

// Windows-1252 0x80-0x9F; zero marks the five undefined bytes (kept as C1 controls).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

size_t findInvalidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        // Most text is ASCII: skip 8 bytes at a time while none has the high bit.
        while (i + 8 <= n) {
            uint64_t v;
            std::memcpy(&v, p + i, 8);
            if (v & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;  // overlong
            if (c == 0xED) hi = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;  // overlong
            if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (size_t k = 2; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
        }
        i += len;
    }
    return std::string_view::npos;
}

void appendUtf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void appendWindows1252AsUtf8(std::string& out, std::string_view s) {
    out.reserve(out.size() + s.size() + s.size() / 4);
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += ch;
        } else if (c < 0xA0 && kCp1252High[c - 0x80] != 0) {
            appendUtf8(out, kCp1252High[c - 0x80]);
        } else {
            appendUtf8(out, c);
        }
    }
}

std::string windows1252ToUtf8(std::string_view s) {
    std::string out;
    appendWindows1252AsUtf8(out, s);
    return out;
}

void Utf16Decoder::unit(char16_t u, std::string& out) {
    if (m_high) {
        if (u >= 0xDC00 && u <= 0xDFFF) {
            appendUtf8(out, 0x10000 + ((char32_t(m_high) - 0xD800) << 10) + (u - 0xDC00));
            m_high = 0;
            return;
        }
        appendUtf8(out, 0xFFFD);
        m_high = 0;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
        m_high = u;
    } else {
        appendUtf8(out, u);  // a lone low surrogate becomes U+FFFD there
    }
}

void Utf16Decoder::feed(const char* data, size_t size, std::string& out) {
    const auto* p = reinterpret_cast<const unsigned char*>(data);
    size_t i = 0;
    if (m_hasByte && size > 0) {
        const unsigned char a = m_byte, b = p[0];
        unit(static_cast<char16_t>(m_bigEndian ? (a << 8 | b) : (b << 8 | a)), out);
        m_hasByte = false;
        i = 1;
    }
    for (; i + 1 < size; i += 2) {
        const unsigned char a = p[i], b = p[i + 1];
        unit(static_cast<char16_t>(m_bigEndian ? (a << 8 | b) : (b << 8 | a)), out);
    }
    if (i < size) {
        m_byte = p[i];
        m_hasByte = true;
    }
}

void Utf16Decoder::finish(std::string& out) {
    if (m_high) appendUtf8(out, 0xFFFD);
    if (m_hasByte) appendUtf8(out, 0xFFFD);
    m_high = 0;
    m_hasByte = false;
}

std::string utf16ToUtf8(std::string_view bytes, bool bigEndian) {
    std::string out;
    Utf16Decoder d(bigEndian);
    d.feed(bytes.data(), bytes.size(), out);
    d.finish(out);
    return out;
}

size_t codePointCount(std::string_view utf8) {
    size_t n = 0;
    for (const char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    }
    return n;
}

}  // namespace ft::util
