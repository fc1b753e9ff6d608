#include "data/cleaner.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>
#include <utf8proc.h>

#include "error.h"
#include "store/project.h"
#include "store/sqlite.h"

namespace ft::data {

namespace {

using Json = nlohmann::json;
using Text = std::u32string;

struct StepName {
    Step step;
    const char* name;
};

constexpr StepName kStepNames[] = {
    {Step::Unicode, "unicode"},
    {Step::Html, "html"},
    {Step::Urls, "urls"},
    {Step::Emails, "emails"},
    {Step::Contractions, "contractions"},
    {Step::Lowercase, "lowercase"},
    {Step::Special, "special"},
    {Step::Punctuation, "punctuation"},
    {Step::StopWords, "stopwords"},
    {Step::DropEmpty, "empty"},
    {Step::DropDuplicates, "duplicates"},
};

std::string joinedStepNames() {
    std::string out;
    for (const auto& s : kStepNames) {
        if (!out.empty()) out += ", ";
        out += s.name;
    }
    return out;
}

[[noreturn]] void throwUnknownStep(const std::string& name) {
    throw Error(ErrorCode::InvalidArgument,
                "unknown cleaning step '" + name + "' (valid steps: " + joinedStepNames() + ")");
}

// --- UTF-8 <-> code points -------------------------------------------------

// The store holds valid UTF-8, but a hand-edited database or a future importer
// bug must not crash the pipeline: invalid bytes become U+FFFD, one per byte.
Text decode(const std::string& s) {
    Text out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        if (*p < 0x80) {
            out.push_back(*p);
            ++p;
            --left;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0 || cp < 0) {
            out.push_back(0xFFFD);
            ++p;
            --left;
        } else {
            out.push_back(static_cast<char32_t>(cp));
            p += n;
            left -= n;
        }
    }
    return out;
}

void appendUtf8(std::string& out, char32_t cp) {
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

std::string encode(const Text& t) {
    std::string out;
    out.reserve(t.size());
    for (char32_t cp : t) appendUtf8(out, cp);
    return out;
}

utf8proc_category_t category(char32_t cp) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

// Unicode's White_Space property (utf8proc has no lookup for it).
bool isSpace(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

bool isMark(char32_t c) {
    const auto k = category(c);
    return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC || k == UTF8PROC_CATEGORY_ME;
}

bool isWordChar(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    const auto k = category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO);  // letters, marks, numbers
}

bool isApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool isAsciiLetter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool isAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
char32_t asciiLower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
char32_t asciiUpper(char32_t c) { return (c >= 'a' && c <= 'z') ? c - 32 : c; }

Text ascii(const char* s) {
    Text out;
    while (*s) out.push_back(static_cast<unsigned char>(*s++));
    return out;
}

// Runs of whitespace become one space; leading and trailing whitespace goes.
Text collapseSpaces(const Text& in) {
    Text out;
    out.reserve(in.size());
    bool pending = false;
    for (char32_t c : in) {
        if (isSpace(c)) {
            pending = !out.empty();
        } else {
            if (pending) out.push_back(' ');
            pending = false;
            out.push_back(c);
        }
    }
    return out;
}

// --- unicode ---------------------------------------------------------------

Text normalize(const Text& in, bool compat) {
    const std::string utf8 = encode(in);
    utf8proc_uint8_t* mapped = nullptr;
    const int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | (compat ? UTF8PROC_COMPAT : 0);
    const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                                            static_cast<utf8proc_ssize_t>(utf8.size()), &mapped,
                                            static_cast<utf8proc_option_t>(options));
    // The input was re-encoded from code points, so utf8proc cannot reject it;
    // should it fail anyway (out of memory), the text stays as it was.
    if (n < 0 || !mapped) return collapseSpaces(in);
    Text out = decode(std::string(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n)));
    std::free(mapped);
    return collapseSpaces(out);
}

// --- html ------------------------------------------------------------------

const std::unordered_map<std::string, char32_t>& namedEntities() {
    static const std::unordered_map<std::string, char32_t> table = [] {
        std::unordered_map<std::string, char32_t> t{
            {"amp", '&'},       {"lt", '<'},        {"gt", '>'},       {"quot", '"'},
            {"apos", '\''},     {"OElig", 0x152},   {"oelig", 0x153},  {"Scaron", 0x160},
            {"scaron", 0x161},  {"Yuml", 0x178},    {"fnof", 0x192},   {"circ", 0x2C6},
            {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},  {"thinsp", 0x2009},
            {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},   {"rlm", 0x200F},
            {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019},
            {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"bdquo", 0x201E},
            {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},  {"hellip", 0x2026},
            {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033}, {"lsaquo", 0x2039},
            {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122}, {"larr", 0x2190},
            {"uarr", 0x2191},   {"rarr", 0x2192},   {"darr", 0x2193},  {"harr", 0x2194},
            {"minus", 0x2212},  {"infin", 0x221E},  {"ne", 0x2260},    {"le", 0x2264},
            {"ge", 0x2265},     {"spades", 0x2660}, {"clubs", 0x2663}, {"hearts", 0x2665},
            {"diams", 0x2666},  {"alpha", 0x3B1},   {"beta", 0x3B2},   {"gamma", 0x3B3},
            {"delta", 0x3B4},   {"pi", 0x3C0},      {"mu", 0x3BC},     {"sigma", 0x3C3},
        };
        // Latin-1 U+00A0..U+00FF, whose entity names HTML 4 lists in code point order.
        static const char* const latin1[] = {
            "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",
            "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",
            "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",  "para",   "middot",
            "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest",
            "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
            "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",
            "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
            "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
            "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
            "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
            "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
            "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
        };
        for (size_t i = 0; i < std::size(latin1); ++i) {
            t.emplace(latin1[i], static_cast<char32_t>(0xA0 + i));
        }
        return t;
    }();
    return table;
}

// HTML5 decodes &#128; .. &#159; as Windows-1252, which is what the pages meant
// (AG News has #146; for a right quote). Zero entries are undefined there.
constexpr char16_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

char32_t numericReference(uint64_t value) {
    if (value >= 0x80 && value <= 0x9F && kWindows1252[value - 0x80]) {
        return kWindows1252[value - 0x80];
    }
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
    return static_cast<char32_t>(value);
}

// Parses "#NN;" or "#xHH;" at `pos`; returns the code point and the length.
std::optional<std::pair<char32_t, size_t>> parseNumeric(const Text& t, size_t pos) {
    if (pos >= t.size() || t[pos] != '#') return std::nullopt;
    size_t i = pos + 1;
    const bool hex = i < t.size() && (t[i] == 'x' || t[i] == 'X');
    if (hex) ++i;
    uint64_t value = 0;
    size_t digits = 0;
    for (; i < t.size() && digits < 8; ++i, ++digits) {
        const char32_t c = t[i];
        if (isAsciiDigit(c)) {
            value = value * (hex ? 16 : 10) + (c - '0');
        } else if (hex && (asciiLower(c) >= 'a' && asciiLower(c) <= 'f')) {
            value = value * 16 + (asciiLower(c) - 'a' + 10);
        } else {
            break;
        }
    }
    if (digits == 0 || i >= t.size() || t[i] != ';') return std::nullopt;
    return std::make_pair(numericReference(value), i + 1 - pos);
}

// Parses "name;" at `pos` against the named entities.
std::optional<std::pair<char32_t, size_t>> parseNamed(const Text& t, size_t pos) {
    std::string name;
    size_t i = pos;
    for (; i < t.size() && name.size() < 10 && (isAsciiLetter(t[i]) || isAsciiDigit(t[i])); ++i) {
        name.push_back(static_cast<char>(t[i]));
    }
    if (name.empty() || i >= t.size() || t[i] != ';') return std::nullopt;
    const auto& table = namedEntities();
    const auto it = table.find(name);
    if (it == table.end()) return std::nullopt;
    return std::make_pair(it->second, i + 1 - pos);
}

bool isFragmentName(const Text& t, size_t pos, size_t len) {
    static const char* const names[] = {"quot;", "amp;", "apos;", "lt;", "gt;", "nbsp;"};
    for (const char* n : names) {
        if (std::strlen(n) == len && t.compare(pos, len, ascii(n)) == 0) return true;
    }
    return false;
}

Text unescapeHtml(const Text& in) {
    Text out;
    out.reserve(in.size());
    for (size_t i = 0; i < in.size();) {
        const char32_t c = in[i];
        if (c == '&' && i + 1 < in.size()) {
            auto ref = in[i + 1] == '#' ? parseNumeric(in, i + 1) : parseNamed(in, i + 1);
            if (ref) {
                out.push_back(ref->first);
                i += 1 + ref->second;
                continue;
            }
        }
        // A fragment whose '&' a crawler turned into a space: only at the start or
        // after whitespace, so "C#3;" or "dequot;" in ordinary words stay as they are.
        const bool atBoundary = i == 0 || isSpace(in[i - 1]);
        if (atBoundary && (c == '#' || isAsciiLetter(c))) {
            std::optional<std::pair<char32_t, size_t>> ref;
            if (c == '#') {
                ref = parseNumeric(in, i);
                // Control characters are not what such a fragment meant ("#1;").
                if (ref && (ref->first < 0x20 || category(ref->first) == UTF8PROC_CATEGORY_CC)) {
                    ref.reset();
                }
            } else {
                ref = parseNamed(in, i);
                if (ref && !isFragmentName(in, i, ref->second)) ref.reset();
            }
            if (ref) {
                if (i > 0 && in[i - 1] == ' ' && !out.empty() && out.back() == ' ') out.pop_back();
                out.push_back(ref->first);
                i += ref->second;
                continue;
            }
        }
        out.push_back(c);
        ++i;
    }
    return out;
}

// --- urls and e-mails ------------------------------------------------------

bool startsWithNoCase(const Text& t, size_t pos, const char* prefix) {
    for (size_t k = 0; prefix[k]; ++k) {
        if (pos + k >= t.size() || asciiLower(t[pos + k]) != static_cast<char32_t>(prefix[k])) {
            return false;
        }
    }
    return true;
}

// Length of the URL starting at `pos`, or 0.
size_t urlLength(const Text& t, size_t pos) {
    size_t prefix = 0;
    for (const char* scheme : {"https://", "http://", "ftp://", "www."}) {
        if (startsWithNoCase(t, pos, scheme)) {
            prefix = std::strlen(scheme);
            break;
        }
    }
    if (prefix == 0) return 0;
    // Not inside an ASCII word or host name ("awww.x.com", "x.http://"); scripts
    // written without spaces (CJK) may run straight into a URL.
    if (pos > 0) {
        const char32_t before = t[pos - 1];
        if (isAsciiLetter(before) || isAsciiDigit(before) || before == '.' || before == '/' ||
            before == '@' || before == '-' || before == '_') {
            return 0;
        }
    }
    size_t end = pos + prefix;
    while (end < t.size()) {
        const char32_t c = t[end];
        if (isSpace(c) || c == '<' || c == '>' || c == '"' || c == '`') break;
        // Non-ASCII punctuation (CJK full stops, curly quotes) ends a URL; non-ASCII
        // letters may be part of one (internationalized paths).
        if (c >= 0x80) {
            const auto k = category(c);
            if (k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO) break;
            if (k >= UTF8PROC_CATEGORY_ZS) break;
        }
        ++end;
    }
    // Sentence punctuation after a URL is not part of it; a closing bracket is
    // only when it closes one opened inside the URL (Wikipedia's "Foo_(bar)").
    while (end > pos + prefix) {
        const char32_t last = t[end - 1];
        if (last == ')' || last == ']' || last == '}') {
            const char32_t open = last == ')' ? '(' : last == ']' ? '[' : '{';
            const auto opens = std::count(t.begin() + pos, t.begin() + end, open);
            const auto closes = std::count(t.begin() + pos, t.begin() + end, last);
            if (closes <= opens) break;
            --end;
        } else if (last > 0 && last < 0x80 && std::strchr(".,;:!?'*", static_cast<int>(last))) {
            --end;
        } else {
            break;
        }
    }
    if (end == pos + prefix) return 0;
    return end - pos;
}

Text stripUrls(const Text& in) {
    Text out;
    out.reserve(in.size());
    for (size_t i = 0; i < in.size();) {
        const char32_t c = in[i];
        if (c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W') {
            const size_t n = urlLength(in, i);
            if (n) {
                out.push_back(' ');
                i += n;
                continue;
            }
        }
        out.push_back(c);
        ++i;
    }
    return out;
}

bool isLocalPartChar(char32_t c) {
    return isAsciiLetter(c) || isAsciiDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
           c == '-';
}

bool isDomainChar(char32_t c) {
    return isAsciiLetter(c) || isAsciiDigit(c) || c == '.' || c == '-';
}

Text stripEmails(const Text& in) {
    Text out;
    out.reserve(in.size());
    size_t copied = 0;  // in[0, copied) is in `out` already
    for (size_t at = 0; at < in.size(); ++at) {
        if (in[at] != '@' || at < copied) continue;
        size_t start = at;
        while (start > copied && isLocalPartChar(in[start - 1])) --start;
        while (start < at && in[start] == '.') ++start;
        size_t end = at + 1;
        while (end < in.size() && isDomainChar(in[end])) ++end;
        while (end > at + 1 && (in[end - 1] == '.' || in[end - 1] == '-')) --end;
        if (start == at || end == at + 1) continue;
        // The domain needs a dot and an alphabetic top-level part of 2+ letters.
        const size_t lastDot = Text(in.begin() + at + 1, in.begin() + end).rfind('.');
        if (lastDot == Text::npos || lastDot == 0) continue;
        const size_t tldStart = at + 1 + lastDot + 1;
        if (end - tldStart < 2) continue;
        if (!std::all_of(in.begin() + tldStart, in.begin() + end, isAsciiLetter)) continue;
        out.append(in, copied, start - copied);
        out.push_back(' ');
        copied = end;
        at = end - 1;
    }
    out.append(in, copied, Text::npos);
    return out;
}

// --- contractions ----------------------------------------------------------

struct ContractionTables {
    std::unordered_map<std::string, std::string> words;     // "can't" -> "cannot"
    std::unordered_map<std::string, std::string> suffixes;  // "re" -> "are"; "t" means n't
};

const ContractionTables& contractionTables() {
    static const ContractionTables tables = [] {
        ContractionTables t;
        for (const auto& [from, to] : defaultContractions()) {
            if (from == "n't") {
                t.suffixes.emplace("t", to);
            } else if (!from.empty() && from[0] == '\'') {
                t.suffixes.emplace(from.substr(1), to);
            } else {
                t.words.emplace(from, to);
            }
        }
        return t;
    }();
    return tables;
}

// The case of the original word carried over to its expansion.
std::string applyCase(const std::string& expansion, bool allCaps, bool capitalized) {
    std::string out = expansion;
    if (allCaps) {
        for (char& ch : out) ch = static_cast<char>(asciiUpper(static_cast<unsigned char>(ch)));
    } else if (capitalized && !out.empty()) {
        out[0] = static_cast<char>(asciiUpper(static_cast<unsigned char>(out[0])));
    }
    return out;
}

Text expandContractions(const Text& in) {
    const auto& tables = contractionTables();
    Text out;
    out.reserve(in.size() + 16);
    size_t copied = 0;
    for (size_t a = 1; a + 1 < in.size(); ++a) {
        if (!isApostrophe(in[a]) || a < copied) continue;
        if (!isAsciiLetter(in[a - 1]) || !isAsciiLetter(in[a + 1])) continue;
        size_t start = a;
        while (start > copied && isAsciiLetter(in[start - 1])) --start;
        size_t end = a + 1;
        while (end < in.size() && isAsciiLetter(in[end])) ++end;
        // Whole words only: "naïve'd" or "x2'll" are not ours to touch.
        if (start > 0 && (isWordChar(in[start - 1]) || isApostrophe(in[start - 1]))) continue;
        if (end < in.size() && (isWordChar(in[end]) || isApostrophe(in[end]))) continue;

        std::string stem, suffix, lower;
        int upper = 0, letters = 0;
        for (size_t k = start; k < end; ++k) {
            if (k == a) {
                lower.push_back('\'');
                continue;
            }
            const char ch = static_cast<char>(in[k]);
            (k < a ? stem : suffix).push_back(ch);
            lower.push_back(static_cast<char>(asciiLower(in[k])));
            ++letters;
            if (in[k] >= 'A' && in[k] <= 'Z') ++upper;
        }
        const bool allCaps = letters >= 2 && upper == letters;
        const bool capitalized = in[start] >= 'A' && in[start] <= 'Z';

        std::string replacement;
        if (const auto w = tables.words.find(lower); w != tables.words.end()) {
            replacement = applyCase(w->second, allCaps, capitalized);
        } else {
            std::string suffixLower;
            for (char ch : suffix) suffixLower.push_back(static_cast<char>(asciiLower(ch)));
            const auto s = tables.suffixes.find(suffixLower);
            if (s == tables.suffixes.end()) continue;
            if (suffixLower == "t") {
                // n't: the n belongs to the suffix ("don't" = "do" + "n't").
                if (stem.size() < 2 || asciiLower(stem.back()) != 'n') continue;
                stem.pop_back();
            }
            replacement = stem + " " + applyCase(s->second, allCaps, false);
        }
        out.append(in, copied, start - copied);
        for (char ch : replacement) out.push_back(static_cast<unsigned char>(ch));
        copied = end;
        a = end;
    }
    out.append(in, copied, Text::npos);
    return out;
}

// --- lowercase, special characters, punctuation, stop words ----------------

Text lowercase(const Text& in) {
    Text out(in);
    for (char32_t& c : out) {
        c = c < 0x80 ? asciiLower(c)
                     : static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
    }
    return out;
}

bool isSpecial(char32_t c) {
    if (isSpace(c)) return false;
    const auto k = category(c);
    return (k >= UTF8PROC_CATEGORY_SM && k <= UTF8PROC_CATEGORY_SO) || k == UTF8PROC_CATEGORY_CN ||
           k >= UTF8PROC_CATEGORY_CC;
}

bool isPunctuation(char32_t c) {
    const auto k = category(c);
    return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}

// Removes the characters `remove` selects, each run replaced by one space so
// the words on either side stay apart. Combining marks (and emoji variation
// selectors) that followed a removed character go with it.
template <typename Pred>
Text removeChars(const Text& in, Pred remove) {
    Text out;
    out.reserve(in.size());
    bool removing = false;
    for (char32_t c : in) {
        if (remove(c) || (removing && isMark(c))) {
            if (!removing) out.push_back(' ');
            removing = true;
        } else {
            removing = false;
            out.push_back(c);
        }
    }
    return out;
}

std::string foldWord(const Text& word) {
    std::string out;
    for (char32_t c : word) {
        if (c == 0x2019) c = '\'';
        c = c < 0x80 ? asciiLower(c)
                     : static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
        appendUtf8(out, c);
    }
    return out;
}

Text removeStopWords(const Text& in, const std::unordered_set<std::string>& stopWords) {
    Text out;
    out.reserve(in.size());
    size_t i = 0;
    while (i < in.size()) {
        if (!isWordChar(in[i])) {
            out.push_back(in[i++]);
            continue;
        }
        // A word: letters, marks and digits, with apostrophes inside ("don't").
        size_t end = i;
        while (end < in.size() &&
               (isWordChar(in[end]) ||
                (isApostrophe(in[end]) && end + 1 < in.size() && isWordChar(in[end + 1])))) {
            ++end;
        }
        const Text word(in, i, end - i);
        if (stopWords.count(foldWord(word))) {
            out.push_back(' ');
        } else {
            out += word;
        }
        i = end;
    }
    return out;
}

bool isTextStep(Step s) { return s != Step::DropEmpty && s != Step::DropDuplicates; }

bool isRemovalStep(Step s) {
    return s == Step::Urls || s == Step::Emails || s == Step::Special || s == Step::Punctuation ||
           s == Step::StopWords;
}

bool isBlank(const std::string& s) {
    const Text t = decode(s);
    return std::all_of(t.begin(), t.end(), isSpace);
}

// A pipeline prepared once for many texts (the stop word set folded once).
class Cleaner {
public:
    explicit Cleaner(const Pipeline& p) : m_pipeline(p) {
        const auto& words = p.stopWords.empty() ? defaultStopWords() : p.stopWords;
        for (const auto& w : words) m_stopWords.insert(foldWord(decode(w)));
        for (Step s : p.steps) {
            if (isTextStep(s)) m_hasTextSteps = true;
            if (isRemovalStep(s)) m_collapseAtEnd = true;
            if (s == Step::DropEmpty) m_dropEmpty = true;
            if (s == Step::DropDuplicates) m_dropDuplicates = true;
        }
    }

    bool hasTextSteps() const { return m_hasTextSteps; }
    bool dropEmpty() const { return m_dropEmpty; }
    bool dropDuplicates() const { return m_dropDuplicates; }

    std::string clean(const std::string& text) const {
        Text t = decode(text);
        const bool compat = m_pipeline.unicodeForm != "NFC";
        for (Step s : m_pipeline.steps) {
            switch (s) {
                case Step::Unicode:
                    t = normalize(t, compat);
                    break;
                case Step::Html:
                    t = unescapeHtml(t);
                    break;
                case Step::Urls:
                    t = stripUrls(t);
                    break;
                case Step::Emails:
                    t = stripEmails(t);
                    break;
                case Step::Contractions:
                    t = expandContractions(t);
                    break;
                case Step::Lowercase:
                    t = lowercase(t);
                    break;
                case Step::Special:
                    t = removeChars(t, isSpecial);
                    break;
                case Step::Punctuation:
                    t = removeChars(t, isPunctuation);
                    break;
                case Step::StopWords:
                    t = removeStopWords(t, m_stopWords);
                    break;
                case Step::DropEmpty:
                case Step::DropDuplicates:
                    break;
            }
        }
        if (m_collapseAtEnd) t = collapseSpaces(t);
        return encode(t);
    }

private:
    const Pipeline& m_pipeline;
    std::unordered_set<std::string> m_stopWords;
    bool m_hasTextSteps = false;
    bool m_collapseAtEnd = false;
    bool m_dropEmpty = false;
    bool m_dropDuplicates = false;
};

struct SourceRow {
    int64_t id = 0;
    std::string text;
    std::optional<std::string> pair;
    std::optional<std::string> label;
};

struct Outcome {
    std::optional<std::string> cleanText, cleanPair;
    store::DropReason dropped = store::DropReason::Kept;
};

// The duplicate key of a text and its optional pair. The unit separator keeps
// ("ab", "c") apart from ("a", "bc") in practice, and a missing pair differs from
// an empty one.
std::string duplicateKey(const std::string& text, const std::optional<std::string>& pair) {
    std::string key = text;
    if (pair) {
        key.push_back('\x1f');
        key += *pair;
    }
    return key;
}

// Runs the row-level logic over rows in id order. Duplicates of a row are only
// rows with larger ids, so any prefix of the rows gives the same outcomes for
// that prefix as the whole dataset would (which is what makes the preview exact).
class RowCleaner {
public:
    RowCleaner(const Pipeline& pipeline, CleaningReport& report)
        : m_cleaner(pipeline), m_report(report) {}

    Outcome process(const SourceRow& row) {
        Outcome o;
        ++m_report.rows;
        std::string effective = row.text;
        std::optional<std::string> effectivePair = row.pair;
        if (m_cleaner.hasTextSteps()) {
            o.cleanText = m_cleaner.clean(row.text);
            if (row.pair) o.cleanPair = m_cleaner.clean(*row.pair);
            if (*o.cleanText != row.text || o.cleanPair != row.pair) ++m_report.changed;
            effective = *o.cleanText;
            effectivePair = o.cleanPair;
        }
        if (m_cleaner.dropEmpty() &&
            (isBlank(effective) || (effectivePair && isBlank(*effectivePair)))) {
            o.dropped = store::DropReason::Empty;
            ++m_report.droppedEmpty;
            return o;
        }
        if (!m_cleaner.dropDuplicates()) return o;
        const std::string rawKey = duplicateKey(row.text, row.pair);
        const std::string key = duplicateKey(effective, effectivePair);
        auto [it, inserted] = m_groups.try_emplace(key);
        Group& g = it->second;
        if (inserted) g.text = effective;
        g.rowIds.push_back(row.id);
        if (row.label &&
            std::find(g.labels.begin(), g.labels.end(), *row.label) == g.labels.end()) {
            g.labels.push_back(*row.label);
        }
        const bool exact = !m_rawKeys.insert(rawKey).second;
        if (!inserted) {
            o.dropped = store::DropReason::Duplicate;
            ++m_report.droppedDuplicates;
            if (exact) ++m_report.droppedExactDuplicates;
            if (g.rowIds.size() == 2) m_order.push_back(&g);
        }
        return o;
    }

    void finish() {
        for (const Group* g : m_order) {
            if (g->labels.size() > 1) m_report.conflicts.push_back({g->text, g->rowIds, g->labels});
        }
    }

private:
    struct Group {
        std::string text;
        std::vector<int64_t> rowIds;
        std::vector<std::string> labels;
    };
    Cleaner m_cleaner;
    CleaningReport& m_report;
    std::unordered_map<std::string, Group> m_groups;  // node-based: pointers stay valid
    std::unordered_set<std::string> m_rawKeys;
    std::vector<const Group*> m_order;  // groups with duplicates, by their first duplicate
};

void requireDataset(store::Project& project, int64_t datasetId) {
    if (!project.dataset(datasetId)) {
        throw Error(ErrorCode::NotFound,
                    "dataset " + std::to_string(datasetId) + " does not exist");
    }
}

constexpr const char* kSelectRows =
    "SELECT id, text, text_pair, label FROM rows WHERE dataset_id = ? ORDER BY id";

SourceRow readSourceRow(const store::Statement& s) {
    return SourceRow{s.int64(0), s.text(1), s.optionalText(2), s.optionalText(3)};
}

}  // namespace

const char* toString(Step s) {
    for (const auto& n : kStepNames) {
        if (n.step == s) return n.name;
    }
    return "?";
}

Step stepFromString(const std::string& s) {
    for (const auto& n : kStepNames) {
        if (s == n.name) return n.step;
    }
    throwUnknownStep(s);
}

std::vector<std::string> stepNames() {
    std::vector<std::string> out;
    for (const auto& n : kStepNames) out.emplace_back(n.name);
    return out;
}

std::string Pipeline::toJson() const {
    Json j;
    j["version"] = 1;
    j["steps"] = Json::array();
    for (Step s : steps) j["steps"].push_back(toString(s));
    j["unicode_form"] = unicodeForm;
    j["stop_words"] = Json::array();
    for (const auto& w : stopWords) j["stop_words"].push_back(w);
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Pipeline Pipeline::fromJson(const std::string& json) {
    Json j;
    try {
        j = Json::parse(json);
    } catch (const Json::exception& e) {
        throw Error(ErrorCode::Parse,
                    std::string("cleaning pipeline: not valid JSON: ") + e.what());
    }
    if (!j.is_object()) throw Error(ErrorCode::Parse, "cleaning pipeline: expected a JSON object");
    Pipeline p;
    if (j.contains("steps")) {
        const Json& steps = j["steps"];
        if (!steps.is_array()) {
            throw Error(ErrorCode::Parse,
                        "cleaning pipeline: \"steps\" must be an array of names, "
                        "found " +
                            steps.dump());
        }
        for (const Json& s : steps) {
            if (!s.is_string()) {
                throw Error(ErrorCode::Parse,
                            "cleaning pipeline: step " + s.dump() + " is not a name");
            }
            const Step step = stepFromString(s.get<std::string>());
            if (std::find(p.steps.begin(), p.steps.end(), step) == p.steps.end()) {
                p.steps.push_back(step);
            }
        }
    }
    if (j.contains("unicode_form")) {
        const Json& form = j["unicode_form"];
        if (!form.is_string() || (form != "NFC" && form != "NFKC")) {
            throw Error(ErrorCode::Parse, "cleaning pipeline: \"unicode_form\" is " + form.dump() +
                                              ", expected \"NFC\" or \"NFKC\"");
        }
        p.unicodeForm = form.get<std::string>();
    }
    if (j.contains("stop_words")) {
        const Json& words = j["stop_words"];
        if (!words.is_array()) {
            throw Error(ErrorCode::Parse, "cleaning pipeline: \"stop_words\" must be an array");
        }
        for (const Json& w : words) {
            if (!w.is_string()) {
                throw Error(ErrorCode::Parse,
                            "cleaning pipeline: stop word " + w.dump() + " is not a string");
            }
            p.stopWords.insert(w.get<std::string>());
        }
    }
    return p;
}

Pipeline Pipeline::fromStepList(const std::string& commaSeparated) {
    Pipeline p;
    size_t start = 0;
    while (start <= commaSeparated.size()) {
        size_t comma = commaSeparated.find(',', start);
        if (comma == std::string::npos) comma = commaSeparated.size();
        std::string name = commaSeparated.substr(start, comma - start);
        const auto first = name.find_first_not_of(" \t");
        const auto last = name.find_last_not_of(" \t");
        name = first == std::string::npos ? "" : name.substr(first, last - first + 1);
        start = comma + 1;
        if (name.empty()) continue;
        std::string lower;
        for (char c : name)
            lower.push_back(static_cast<char>(asciiLower(static_cast<unsigned char>(c))));
        Step step = Step::Unicode;
        if (lower == "nfc" || lower == "nfkc") {
            p.unicodeForm = lower == "nfc" ? "NFC" : "NFKC";
        } else {
            const auto* known = std::find_if(std::begin(kStepNames), std::end(kStepNames),
                                             [&](const StepName& n) { return lower == n.name; });
            if (known == std::end(kStepNames)) throwUnknownStep(name);
            step = known->step;
        }
        if (std::find(p.steps.begin(), p.steps.end(), step) == p.steps.end())
            p.steps.push_back(step);
    }
    return p;
}

std::string cleanText(const Pipeline& pipeline, const std::string& text) {
    return Cleaner(pipeline).clean(text);
}

std::string CleaningReport::toJson() const {
    Json j;
    j["rows"] = rows;
    j["changed"] = changed;
    j["dropped_empty"] = droppedEmpty;
    j["dropped_duplicates"] = droppedDuplicates;
    j["dropped_exact_duplicates"] = droppedExactDuplicates;
    j["conflicts"] = Json::array();
    for (const auto& c : conflicts) {
        j["conflicts"].push_back({{"text", c.text}, {"row_ids", c.rowIds}, {"labels", c.labels}});
    }
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::vector<PreviewRow> previewCleaning(store::Project& project, int64_t datasetId,
                                        const Pipeline& pipeline, int64_t limit) {
    requireDataset(project, datasetId);
    std::vector<PreviewRow> out;
    if (limit <= 0) return out;
    CleaningReport report;
    RowCleaner cleaner(pipeline, report);
    store::Statement s(project.handle(), std::string(kSelectRows) + " LIMIT ?");
    s.bind(1, datasetId).bind(2, limit);
    while (s.step()) {
        const SourceRow row = readSourceRow(s);
        const Outcome o = cleaner.process(row);
        out.push_back({row.id, row.text, o.cleanText.value_or(row.text),
                       o.dropped != store::DropReason::Kept});
    }
    return out;
}

CleaningReport applyCleaning(store::Project& project, int64_t datasetId, const Pipeline& pipeline,
                             const Progress& progress) {
    requireDataset(project, datasetId);
    sqlite3* db = project.handle();
    store::Transaction tx(db);
    const int64_t total = project.rowCount(datasetId);
    CleaningReport report;
    RowCleaner cleaner(pipeline, report);
    store::Statement select(db, kSelectRows);
    select.bind(1, datasetId);
    store::Statement update(db,
                            "UPDATE rows SET clean_text = ?, clean_pair = ?, dropped = ? "
                            "WHERE id = ?");
    int64_t done = 0;
    progress.progress(0.0, "Cleaning rows");
    while (select.step()) {
        const Outcome o = cleaner.process(readSourceRow(select));
        update.bind(1, o.cleanText)
            .bind(2, o.cleanPair)
            .bind(3, static_cast<int>(o.dropped))
            .bind(4, select.int64(0))
            .exec();
        if (++done % 1024 == 0) {
            // The transaction's destructor rolls back every update made so far.
            if (progress.stopRequested()) {
                throw Error(ErrorCode::Cancelled, "cleaning cancelled; the dataset is unchanged");
            }
            progress.progress(total ? static_cast<double>(done) / total : 1.0, "Cleaning rows");
        }
    }
    if (progress.stopRequested()) {
        throw Error(ErrorCode::Cancelled, "cleaning cancelled; the dataset is unchanged");
    }
    cleaner.finish();
    project.recordCleaning(datasetId, pipeline.toJson(), report.toJson());
    tx.commit();
    progress.progress(1.0, "Cleaning rows");
    if (!report.conflicts.empty()) {
        progress.event(LogLevel::Warning,
                       std::to_string(report.conflicts.size()) +
                           " groups of duplicate texts carry different labels; the first row of "
                           "each was kept");
    }
    return report;
}

}  // namespace ft::data
