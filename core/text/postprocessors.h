#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tokenizer.h"

// Post-processors of the tokenizer.json format: they add special tokens around one or
// two encoded sequences and may trim offsets. Immutable; safe from several threads.
namespace ft::text {

class PostProcessor {
public:
    virtual ~PostProcessor() = default;
    virtual size_t addedTokens(bool pair) const = 0;
    // Adjusts the offsets of one sequence (ByteLevel trim_offsets); tokens are the
    // sequence's token strings.
    virtual void processOffsets(const std::vector<std::string>& tokens,
                                std::vector<Span>& offsets) const;
    // Joins a (and b) with the special tokens.
    virtual Encoding process(Encoding a, const Encoding* b) const = 0;
};

// A special token with its ids and token strings (usually one of each).
struct SpecialPiece {
    std::vector<int32_t> ids;
    std::vector<std::string> tokens;
};

// Appends a special piece to e: offsets (0, 0), special mask 1, sequence id -1.
void appendSpecial(Encoding& e, const SpecialPiece& piece, int32_t typeId);
// Appends seq with every type id replaced by typeId.
void appendSequence(Encoding& e, const Encoding& seq, int32_t typeId);

class TemplateProcessing : public PostProcessor {
public:
    struct Item {
        bool isSequence = false;
        std::string name;  // "A"/"B" for sequences, the special token's key otherwise
        int32_t typeId = 0;
    };
    // specials holds the piece of every special item name.
    TemplateProcessing(std::vector<Item> single, std::vector<Item> pair,
                       std::vector<std::pair<std::string, SpecialPiece>> specials,
                       const std::string& source);
    size_t addedTokens(bool pair) const override;
    Encoding process(Encoding a, const Encoding* b) const override;

private:
    const SpecialPiece& piece(const std::string& name) const;
    std::vector<Item> m_single, m_pair;
    std::vector<std::pair<std::string, SpecialPiece>> m_specials;
};

// [CLS] A [SEP] (B [SEP]); B and its [SEP] get type id 1.
class BertProcessing : public PostProcessor {
public:
    BertProcessing(SpecialPiece sep, SpecialPiece cls)
        : m_sep(std::move(sep)), m_cls(std::move(cls)) {}
    size_t addedTokens(bool pair) const override { return pair ? 3 : 2; }
    Encoding process(Encoding a, const Encoding* b) const override;

private:
    SpecialPiece m_sep, m_cls;
};

// <s> A </s> (</s> B </s>), all type ids 0; byte-level offset trimming.
class RobertaProcessing : public PostProcessor {
public:
    RobertaProcessing(SpecialPiece sep, SpecialPiece cls, bool trimOffsets, bool addPrefixSpace)
        : m_sep(std::move(sep)),
          m_cls(std::move(cls)),
          m_trim(trimOffsets),
          m_prefix(addPrefixSpace) {}
    size_t addedTokens(bool pair) const override { return pair ? 4 : 2; }
    void processOffsets(const std::vector<std::string>& tokens,
                        std::vector<Span>& offsets) const override;
    Encoding process(Encoding a, const Encoding* b) const override;

private:
    SpecialPiece m_sep, m_cls;
    bool m_trim, m_prefix;
};

// No special tokens; optionally trims the spaces byte-level tokens carry from offsets.
class ByteLevelProcessing : public PostProcessor {
public:
    ByteLevelProcessing(bool trimOffsets, bool addPrefixSpace)
        : m_trim(trimOffsets), m_prefix(addPrefixSpace) {}
    size_t addedTokens(bool) const override { return 0; }
    void processOffsets(const std::vector<std::string>& tokens,
                        std::vector<Span>& offsets) const override;
    Encoding process(Encoding a, const Encoding* b) const override;

private:
    bool m_trim, m_prefix;
};

class SequenceProcessing : public PostProcessor {
public:
    explicit SequenceProcessing(std::vector<std::unique_ptr<PostProcessor>> items)
        : m_items(std::move(items)) {}
    size_t addedTokens(bool pair) const override;
    void processOffsets(const std::vector<std::string>& tokens,
                        std::vector<Span>& offsets) const override;
    Encoding process(Encoding a, const Encoding* b) const override;

private:
    std::vector<std::unique_ptr<PostProcessor>> m_items;
};

// Hugging Face's byte-level offset trimming (tokenizers' process_offsets).
void trimByteLevelOffsets(const std::vector<std::string>& tokens, std::vector<Span>& offsets,
                          bool addPrefixSpace);

}  // namespace ft::text
