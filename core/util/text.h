#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ft::util {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF are ill-formed, as in
// Unicode 15 table 3-7), or std::string_view::npos when all of `s` is valid. NUL is
// valid UTF-8; callers that reject binary data check for it themselves.
size_t findInvalidUtf8(std::string_view s);
inline bool isValidUtf8(std::string_view s) { return findInvalidUtf8(s) == std::string_view::npos; }

// Appends the UTF-8 encoding of `cp` (a surrogate or a value above U+10FFFF becomes
// U+FFFD).
void appendUtf8(std::string& out, char32_t cp);

// Windows-1252 to UTF-8. 0x80-0x9F map to the punctuation Windows puts there; the
// five bytes Windows leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) map to the C1
// control of the same value, as the WHATWG decoder does, so no byte is lost.
void appendWindows1252AsUtf8(std::string& out, std::string_view s);
std::string windows1252ToUtf8(std::string_view s);

// UTF-16 to UTF-8 for data that arrives in pieces: feed() keeps an odd trailing byte
// and a high surrogate for the next piece. Unpaired surrogates become U+FFFD.
class Utf16Decoder {
public:
    explicit Utf16Decoder(bool bigEndian) : m_bigEndian(bigEndian) {}
    void feed(const char* data, size_t size, std::string& out);
    // Flushes what is pending at the end of the input (a lone byte or surrogate).
    void finish(std::string& out);

private:
    void unit(char16_t u, std::string& out);

    bool m_bigEndian;
    bool m_hasByte = false;
    unsigned char m_byte = 0;
    char16_t m_high = 0;
};

// Whole-buffer convenience wrapper around Utf16Decoder.
std::string utf16ToUtf8(std::string_view bytes, bool bigEndian);

// Number of code points in valid UTF-8 (bytes that are not continuation bytes).
size_t codePointCount(std::string_view utf8);

}  // namespace ft::util
