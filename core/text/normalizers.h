#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "normalizedstring.h"
#include "regex.h"

// Normalizers of the Hugging Face tokenizer.json format. Each rewrites a
// NormalizedString in place and keeps the alignment to the original text. Immutable
// after construction and safe to use from several threads at once.
namespace ft::text {

class Normalizer {
public:
    virtual ~Normalizer() = default;
    virtual void normalize(NormalizedString& s) const = 0;
};

// BERT's BasicTokenizer text cleaning: drop U+0000, U+FFFD and control characters,
// whitespace to ' ', spaces around CJK ideographs, accent stripping (NFD + drop Mn)
// and lowercasing. stripAccents unset follows lowercase, as in BERT.
class BertNormalizer : public Normalizer {
public:
    BertNormalizer(bool cleanText, bool handleChineseChars, std::optional<bool> stripAccents,
                   bool lowercase);
    void normalize(NormalizedString& s) const override;

private:
    bool m_cleanText, m_handleChinese, m_stripAccents, m_lowercase;
};

class LowercaseNormalizer : public Normalizer {
public:
    void normalize(NormalizedString& s) const override;
};

// NFD, NFKD, NFC or NFKC. Composition aligns each composed character with the union
// of the characters it came from.
class UnicodeNormalizer : public Normalizer {
public:
    enum class Form { NFD, NFKD, NFC, NFKC };
    explicit UnicodeNormalizer(Form form) : m_form(form) {}
    void normalize(NormalizedString& s) const override;

private:
    Form m_form;
};

// Removes combining marks (category Mn).
class StripAccentsNormalizer : public Normalizer {
public:
    void normalize(NormalizedString& s) const override;
};

// Removes leading and/or trailing whitespace.
class StripNormalizer : public Normalizer {
public:
    StripNormalizer(bool left, bool right) : m_left(left), m_right(right) {}
    void normalize(NormalizedString& s) const override;

private:
    bool m_left, m_right;
};

// Replaces every match of a literal string or a regular expression by content.
class ReplaceNormalizer : public Normalizer {
public:
    ReplaceNormalizer(const std::string& pattern, bool isRegex, const std::string& content);
    void normalize(NormalizedString& s) const override;

private:
    std::unique_ptr<Regex> m_regex;
    std::u32string m_literal;
    std::u32string m_content;
};

// Prepends a string to non-empty text (Metaspace-era Llama tokenizers).
class PrependNormalizer : public Normalizer {
public:
    explicit PrependNormalizer(const std::string& prefix);
    void normalize(NormalizedString& s) const override;

private:
    std::u32string m_prefix;
};

class SequenceNormalizer : public Normalizer {
public:
    explicit SequenceNormalizer(std::vector<std::unique_ptr<Normalizer>> items)
        : m_items(std::move(items)) {}
    void normalize(NormalizedString& s) const override;

private:
    std::vector<std::unique_ptr<Normalizer>> m_items;
};

}  // namespace ft::text
