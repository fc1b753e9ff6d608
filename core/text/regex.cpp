#include "regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "error.h"
#include "unicode.h"

namespace ft::text {

struct Regex::Impl {
    pcre2_code* code = nullptr;
    bool jit = false;
};

Regex::Regex(const std::string& pattern) : m_pattern(pattern), m_impl(std::make_unique<Impl>()) {
    int err = 0;
    PCRE2_SIZE offset = 0;
    m_impl->code =
        pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                      PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &err, &offset, nullptr);
    if (!m_impl->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        throw Error(ErrorCode::InvalidArgument, "regular expression '" + pattern + "' at offset " +
                                                    std::to_string(offset) + ": " +
                                                    reinterpret_cast<const char*>(msg));
    }
    m_impl->jit = pcre2_jit_compile(m_impl->code, PCRE2_JIT_COMPLETE) == 0;
}

Regex::~Regex() {
    if (m_impl && m_impl->code) pcre2_code_free(m_impl->code);
}

std::vector<Span> Regex::findAll(std::string_view subject) const {
    std::vector<Span> out;
    // One match data block per thread, shared by all patterns: only ovector[0..1] is read.
    thread_local pcre2_match_data* md = pcre2_match_data_create(16, nullptr);
    const auto* s = reinterpret_cast<PCRE2_SPTR>(subject.data());
    PCRE2_SIZE start = 0;
    while (start <= subject.size()) {
        const int rc = m_impl->jit
                           ? pcre2_jit_match(m_impl->code, s, subject.size(), start, 0, md, nullptr)
                           : pcre2_match(m_impl->code, s, subject.size(), start, PCRE2_NO_UTF_CHECK,
                                         md, nullptr);
        if (rc < 0) break;
        const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
        PCRE2_SIZE b = ov[0], e = ov[1];
        if (e == b) {
            // Step over one whole UTF-8 character after an empty match.
            PCRE2_SIZE next = e + 1;
            while (next < subject.size() &&
                   (static_cast<unsigned char>(subject[next]) & 0xC0) == 0x80)
                ++next;
            start = next;
            continue;
        }
        out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
        start = e;
    }
    return out;
}

std::vector<Span> Regex::findAll(const std::u32string& chars) const {
    std::string utf8;
    utf8.reserve(chars.size());
    std::vector<uint32_t> charAt;  // byte offset -> char index, for char starts and the end
    charAt.reserve(chars.size() * 2 + 1);
    for (size_t i = 0; i < chars.size(); ++i) {
        unicode::appendUtf8(utf8, chars[i]);
        charAt.resize(utf8.size(), static_cast<uint32_t>(i));
    }
    charAt.push_back(static_cast<uint32_t>(chars.size()));
    std::vector<Span> out = findAll(std::string_view(utf8));
    for (Span& m : out) {
        m.begin = charAt[m.begin];
        m.end = charAt[m.end];
    }
    return out;
}

std::string Regex::escape(std::string_view literal) {
    std::string out;
    for (char c : literal) {
        if (std::string_view("\\^$.|?*+()[]{}-/#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

}  // namespace ft::text
