#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Unicode helpers for the tokenizers: UTF-8 decoding with Python's errors='replace'
// semantics, character classes as Hugging Face tokenizers (Rust) define them, and
// per-character normalization through utf8proc. Pure functions, safe from any thread.
namespace ft::text::unicode {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes UTF-8 into code points. Never fails: every maximal invalid subsequence
// becomes one U+FFFD, exactly as Python's bytes.decode("utf-8", errors="replace").
// When byteOffsets is given it receives the byte offset of every code point plus one
// final entry (the input size), so a code point range [b, e) covers bytes
// [byteOffsets[b], byteOffsets[e]).
void decodeUtf8(std::string_view in, std::u32string& out, std::vector<uint32_t>* byteOffsets);
std::u32string decodeUtf8(std::string_view in);

void appendUtf8(std::string& out, char32_t c);
std::string toUtf8(std::u32string_view s);
// Number of UTF-8 bytes of a code point.
int utf8Length(char32_t c);

// Rust char::is_whitespace (the White_Space property).
bool isWhitespace(char32_t c);
// Rust char::is_alphanumeric (letters and numbers of any script).
bool isAlphanumeric(char32_t c);
// Unicode general category P*.
bool isPunctuation(char32_t c);
// BERT's punctuation: ASCII symbols (!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~) or P*.
bool isBertPunctuation(char32_t c);
// BERT's "control": categories Cc Cf Cs Co Cn, except tab, newline and carriage return.
bool isBertControl(char32_t c);
// BERT's whitespace: tab, newline, carriage return or White_Space.
bool isBertWhitespace(char32_t c);
// The CJK Unified Ideograph blocks BERT isolates.
bool isChineseChar(char32_t c);
// General category Mn.
bool isMarkNonspacing(char32_t c);
bool isDigit(char32_t c);

// Full lowercase mapping of one character (Rust char::to_lowercase): appends 1-3 chars.
void appendLowercase(std::u32string& out, char32_t c);
void appendUppercase(std::u32string& out, char32_t c);
// Canonical (compat = false) or compatibility decomposition of one character.
void appendDecomposition(std::u32string& out, char32_t c, bool compat);
// Canonical combining class.
int combiningClass(char32_t c);
// Composes (NFC, or NFKC with compat) a short run of characters.
std::u32string compose(std::u32string_view s, bool compat);

}  // namespace ft::text::unicode
