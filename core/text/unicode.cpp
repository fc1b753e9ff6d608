#include "unicode.h"

#include <utf8proc.h>

namespace ft::text::unicode {

namespace {

bool isCont(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

void decodeUtf8(std::string_view in, std::u32string& out, std::vector<uint32_t>* byteOffsets) {
    out.clear();
    out.reserve(in.size());
    if (byteOffsets) {
        byteOffsets->clear();
        byteOffsets->reserve(in.size() + 1);
    }
    const auto* s = reinterpret_cast<const unsigned char*>(in.data());
    const size_t n = in.size();
    size_t i = 0;
    while (i < n) {
        const unsigned char b = s[i];
        if (byteOffsets) byteOffsets->push_back(static_cast<uint32_t>(i));
        if (b < 0x80) {
            out.push_back(b);
            ++i;
            continue;
        }
        int need = 0;
        char32_t cp = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            cp = b & 0x0F;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            cp = b & 0x07;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else {
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        // Consume the longest valid prefix; a failure replaces that prefix by one U+FFFD
        // (the "maximal subpart" rule CPython follows).
        size_t j = i + 1;
        int got = 0;
        bool ok = true;
        while (got < need) {
            if (j >= n) {
                ok = false;
                break;
            }
            const unsigned char c = s[j];
            const bool inRange = got == 0 ? (c >= lo && c <= hi) : isCont(c);
            if (!inRange) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (c & 0x3F);
            ++j;
            ++got;
        }
        out.push_back(ok ? cp : kReplacement);
        i = j;
    }
    if (byteOffsets) byteOffsets->push_back(static_cast<uint32_t>(n));
}

std::u32string decodeUtf8(std::string_view in) {
    std::u32string out;
    decodeUtf8(in, out, nullptr);
    return out;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

std::string toUtf8(std::u32string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) appendUtf8(out, c);
    return out;
}

int utf8Length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

bool isWhitespace(char32_t c) {
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
    switch (c) {
        case 0x85:
        case 0xA0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
            return true;
        default:
            return c >= 0x2000 && c <= 0x200A;
    }
}

bool isAlphanumeric(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

bool isPunctuation(char32_t c) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO;
}

bool isBertPunctuation(char32_t c) {
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
        (c >= 123 && c <= 126))
        return true;
    if (c < 0x80) return false;
    return isPunctuation(c);
}

bool isBertControl(char32_t c) {
    if (c == '\t' || c == '\n' || c == '\r') return false;
    if (c < 0x80) return c < 0x20 || c == 0x7F;
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF ||
           cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CO ||
           cat == UTF8PROC_CATEGORY_CN;
}

bool isBertWhitespace(char32_t c) { return isWhitespace(c); }

bool isChineseChar(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
           (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

bool isMarkNonspacing(char32_t c) {
    if (c < 0x300) return false;
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_MN;
}

bool isDigit(char32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ND;
}

void appendLowercase(std::u32string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return;
    }
    // The one unconditional multi-character lowercase mapping (SpecialCasing.txt).
    if (c == 0x130) {
        out.push_back('i');
        out.push_back(0x307);
        return;
    }
    out.push_back(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
}

void appendUppercase(std::u32string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(c >= 'a' && c <= 'z' ? c - 32 : c);
        return;
    }
    out.push_back(static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c))));
}

void appendDecomposition(std::u32string& out, char32_t c, bool compat) {
    if (c < 0xA0) {
        out.push_back(c);
        return;
    }
    utf8proc_int32_t buf[32];
    int last = 0;
    const int opts = UTF8PROC_DECOMPOSE | (compat ? UTF8PROC_COMPAT : 0);
    const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), buf, 32,
                                           static_cast<utf8proc_option_t>(opts), &last);
    if (n <= 0 || n > 32) {
        out.push_back(c);
        return;
    }
    for (utf8proc_ssize_t i = 0; i < n; ++i) out.push_back(static_cast<char32_t>(buf[i]));
}

int combiningClass(char32_t c) {
    if (c < 0x300) return 0;
    return utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->combining_class;
}

std::u32string compose(std::u32string_view s, bool compat) {
    std::vector<utf8proc_int32_t> buf(s.size() * 4 + 8);
    utf8proc_ssize_t n = 0;
    for (char32_t c : s) buf[static_cast<size_t>(n++)] = static_cast<utf8proc_int32_t>(c);
    const int opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | (compat ? UTF8PROC_COMPAT : 0);
    // Decompose first (compat for NFKC), then let utf8proc reorder and recompose.
    std::u32string dec;
    for (char32_t c : s) appendDecomposition(dec, c, compat);
    buf.assign(dec.size() + 8, 0);
    for (size_t i = 0; i < dec.size(); ++i) buf[i] = static_cast<utf8proc_int32_t>(dec[i]);
    n = utf8proc_normalize_utf32(buf.data(), static_cast<utf8proc_ssize_t>(dec.size()),
                                 static_cast<utf8proc_option_t>(opts));
    std::u32string out;
    if (n < 0) return std::u32string(s);
    for (utf8proc_ssize_t i = 0; i < n; ++i) out.push_back(static_cast<char32_t>(buf[i]));
    return out;
}

}  // namespace ft::text::unicode
