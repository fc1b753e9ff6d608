#pragma once

#include <memory>
#include <string>
#include <vector>

// Decoders of the tokenizer.json format: they turn token strings back into text.
// Immutable; safe from several threads.
namespace ft::text {

class Decoder {
public:
    virtual ~Decoder() = default;
    // Rewrites the token strings; the decoded text is their concatenation.
    virtual void decodeChain(std::vector<std::string>& tokens) const = 0;
    std::string decode(std::vector<std::string> tokens) const;
};

// Concatenates, maps byte symbols back to bytes and reads them as UTF-8 (invalid bytes
// become U+FFFD).
class ByteLevelDecoder : public Decoder {
public:
    void decodeChain(std::vector<std::string>& tokens) const override;
};

// Joins with spaces except before continuation pieces; cleanup removes the space
// before . ? ! , and some English contractions, token by token as tokenizers does.
class WordPieceDecoder : public Decoder {
public:
    WordPieceDecoder(std::string prefix, bool cleanup)
        : m_prefix(std::move(prefix)), m_cleanup(cleanup) {}
    void decodeChain(std::vector<std::string>& tokens) const override;

private:
    std::string m_prefix;
    bool m_cleanup;
};

class MetaspaceDecoder : public Decoder {
public:
    MetaspaceDecoder(std::string replacement, bool stripFirstSpace)
        : m_replacement(std::move(replacement)), m_strip(stripFirstSpace) {}
    void decodeChain(std::vector<std::string>& tokens) const override;

private:
    std::string m_replacement;
    bool m_strip;
};

class BpeSuffixDecoder : public Decoder {
public:
    explicit BpeSuffixDecoder(std::string suffix) : m_suffix(std::move(suffix)) {}
    void decodeChain(std::vector<std::string>& tokens) const override;

private:
    std::string m_suffix;
};

class ReplaceDecoder : public Decoder {
public:
    ReplaceDecoder(std::string pattern, std::string content)
        : m_pattern(std::move(pattern)), m_content(std::move(content)) {}
    void decodeChain(std::vector<std::string>& tokens) const override;

private:
    std::string m_pattern, m_content;
};

class StripDecoder : public Decoder {
public:
    StripDecoder(std::string content, size_t start, size_t stop)
        : m_content(std::move(content)), m_start(start), m_stop(stop) {}
    void decodeChain(std::vector<std::string>& tokens) const override;

private:
    std::string m_content;
    size_t m_start, m_stop;
};

class FuseDecoder : public Decoder {
public:
    void decodeChain(std::vector<std::string>& tokens) const override;
};

// <0xXX> tokens back to bytes.
class ByteFallbackDecoder : public Decoder {
public:
    void decodeChain(std::vector<std::string>& tokens) const override;
};

class SequenceDecoder : public Decoder {
public:
    explicit SequenceDecoder(std::vector<std::unique_ptr<Decoder>> items)
        : m_items(std::move(items)) {}
    void decodeChain(std::vector<std::string>& tokens) const override;

private:
    std::vector<std::unique_ptr<Decoder>> m_items;
};

// tokenizers' cleanup of one decoded piece.
std::string cleanupTokenization(std::string s);

}  // namespace ft::text
