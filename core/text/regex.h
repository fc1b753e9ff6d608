#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "normalizedstring.h"

namespace ft::text {

// A compiled PCRE2 pattern with Unicode classes (PCRE2_UTF | PCRE2_UCP), JIT-compiled
// when the platform allows it. Immutable after construction; findAll may be called from
// several threads at once (each call uses its own match data). Throws ft::Error
// (InvalidArgument) naming the pattern when it does not compile.
class Regex {
public:
    explicit Regex(const std::string& pattern);
    ~Regex();
    Regex(const Regex&) = delete;
    Regex& operator=(const Regex&) = delete;

    const std::string& pattern() const { return m_pattern; }
    // All non-overlapping matches in subject, as byte ranges, left to right. Empty
    // matches are skipped.
    std::vector<Span> findAll(std::string_view subject) const;
    // The same over code points: the matches as character index ranges of chars.
    std::vector<Span> findAll(const std::u32string& chars) const;

    static std::string escape(std::string_view literal);

private:
    struct Impl;
    std::string m_pattern;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace ft::text
