#pragma once

#include <memory>
#include <string>
#include <vector>

#include "normalizedstring.h"
#include "regex.h"

// Pre-tokenizers of the Hugging Face tokenizer.json format: they cut normalized text
// into the pieces the model tokenizes one by one (and ByteLevel rewrites each piece
// into byte symbols). Immutable after construction; safe from several threads.
namespace ft::text {

// How a split keeps what matched (Hugging Face's SplitDelimiterBehavior).
enum class SplitBehavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };

// Cuts piece at the matches (sorted, non-overlapping character ranges) and appends the
// non-empty parts to out.
void splitPiece(const NormalizedString& piece, const std::vector<Span>& matches,
                SplitBehavior behavior, std::vector<NormalizedString>& out);

// GPT-2's reversible byte <-> printable character table.
namespace bytelevel {
char32_t byteToChar(unsigned char b);
// -1 when c is not one of the 256 byte characters.
int charToByte(char32_t c);
}  // namespace bytelevel

class PreTokenizer {
public:
    virtual ~PreTokenizer() = default;
    // Replaces pieces by their sub-pieces, in order.
    virtual void pretokenize(std::vector<NormalizedString>& pieces) const = 0;
};

// Whitespace removed, every BERT punctuation character its own piece.
class BertPreTokenizer : public PreTokenizer {
public:
    void pretokenize(std::vector<NormalizedString>& pieces) const override;
};

// GPT-2: optional leading space, the GPT-2 regex, then every UTF-8 byte as a symbol.
class ByteLevelPreTokenizer : public PreTokenizer {
public:
    ByteLevelPreTokenizer(bool addPrefixSpace, bool useRegex);
    void pretokenize(std::vector<NormalizedString>& pieces) const override;
    static const char* gpt2Pattern();

private:
    bool m_addPrefixSpace, m_useRegex;
    std::shared_ptr<const Regex> m_regex;
};

// `\w+|[^\w\s]+`, whitespace dropped.
class WhitespacePreTokenizer : public PreTokenizer {
public:
    WhitespacePreTokenizer();
    void pretokenize(std::vector<NormalizedString>& pieces) const override;

private:
    Regex m_regex;
};

class WhitespaceSplitPreTokenizer : public PreTokenizer {
public:
    void pretokenize(std::vector<NormalizedString>& pieces) const override;
};

class PunctuationPreTokenizer : public PreTokenizer {
public:
    explicit PunctuationPreTokenizer(SplitBehavior b) : m_behavior(b) {}
    void pretokenize(std::vector<NormalizedString>& pieces) const override;

private:
    SplitBehavior m_behavior;
};

class DigitsPreTokenizer : public PreTokenizer {
public:
    explicit DigitsPreTokenizer(bool individual) : m_individual(individual) {}
    void pretokenize(std::vector<NormalizedString>& pieces) const override;

private:
    bool m_individual;
};

class CharDelimiterPreTokenizer : public PreTokenizer {
public:
    explicit CharDelimiterPreTokenizer(char32_t d) : m_delimiter(d) {}
    void pretokenize(std::vector<NormalizedString>& pieces) const override;

private:
    char32_t m_delimiter;
};

// SentencePiece style: spaces become the replacement character (U+2581), optionally
// prepended, and each piece starts at a replacement character.
class MetaspacePreTokenizer : public PreTokenizer {
public:
    enum class Prepend { Always, First, Never };
    MetaspacePreTokenizer(char32_t replacement, Prepend prepend, bool split)
        : m_replacement(replacement), m_prepend(prepend), m_split(split) {}
    void pretokenize(std::vector<NormalizedString>& pieces) const override;

private:
    char32_t m_replacement;
    Prepend m_prepend;
    bool m_split;
};

// Split by a literal string or a regular expression (optionally inverted).
class SplitPreTokenizer : public PreTokenizer {
public:
    SplitPreTokenizer(const std::string& pattern, bool isRegex, SplitBehavior b, bool invert);
    void pretokenize(std::vector<NormalizedString>& pieces) const override;

private:
    Regex m_regex;
    SplitBehavior m_behavior;
    bool m_invert;
};

class SequencePreTokenizer : public PreTokenizer {
public:
    explicit SequencePreTokenizer(std::vector<std::unique_ptr<PreTokenizer>> items)
        : m_items(std::move(items)) {}
    void pretokenize(std::vector<NormalizedString>& pieces) const override;

private:
    std::vector<std::unique_ptr<PreTokenizer>> m_items;
};

}  // namespace ft::text
