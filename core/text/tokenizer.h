#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalizedstring.h"

// Tokenizers that agree with Hugging Face tokenizers token for token: WordPiece (BERT,
// DistilBERT), byte-level BPE (GPT-2, RoBERTa), SentencePiece (XLNet) and any
// tokenizer.json built from the components listed in tokenizerjson.h.
//
// Input text is UTF-8. Invalid UTF-8 never fails: each maximal invalid byte sequence is
// read as U+FFFD, which is what Python sees after bytes.decode("utf-8", errors="replace")
// (so a tokenizer that drops U+FFFD, like BERT's, drops it; byte-level BPE encodes it as
// the three bytes EF BF BD).
namespace ft::text {

// The result of encoding one text or one pair. All vectors have the same length.
struct Encoding {
    std::vector<int32_t> ids;
    std::vector<std::string> tokens;
    std::vector<int32_t> typeIds;
    std::vector<int32_t> attentionMask;      // 1 for real tokens, 0 for padding
    std::vector<Span> offsets;               // original text, in code points
    std::vector<Span> byteOffsets;           // original text, in UTF-8 bytes
    std::vector<int32_t> specialTokensMask;  // 1 for tokens added by post-processing / padding
    std::vector<int32_t> sequenceIds;        // 0 or 1 for text tokens, -1 for added ones

    size_t size() const { return ids.size(); }
    // Appends other (used to join the two sequences of a pair).
    void append(const Encoding& other);
    // Keeps the first n tokens (or the last n with fromLeft).
    void truncate(size_t n, bool fromLeft = false);
};

enum class TruncationStrategy { LongestFirst, OnlyFirst, OnlySecond };
enum class PaddingStrategy { None, Longest, MaxLength };
enum class PaddingSide { Right, Left };

struct EncodeOptions {
    bool addSpecialTokens = true;
    // Truncate to at most this many tokens, special tokens included; 0 = no truncation.
    size_t maxLength = 0;
    TruncationStrategy truncation = TruncationStrategy::LongestFirst;
    // Longest: to the longest encoding of the batch; MaxLength: to padLength, or to
    // maxLength when padLength is 0.
    PaddingStrategy padding = PaddingStrategy::None;
    size_t padLength = 0;
    // Unset: the tokenizer's side (left for XLNet, right otherwise).
    std::optional<PaddingSide> paddingSide;
    // 0 = all hardware threads (encodeBatch only).
    unsigned threads = 0;
};

// Names and ids of the special tokens; an id of -1 means the tokenizer has none.
struct SpecialTokens {
    std::string pad, unk, cls, sep, bos, eos, mask;
    int32_t padId = -1, unkId = -1, clsId = -1, sepId = -1, bosId = -1, eosId = -1, maskId = -1;
};

// The abstract tokenizer. Instances are immutable after loading: every const method
// may be called from any number of threads at once. Failures (e.g. impossible
// truncation, padding without a pad token) throw ft::Error (InvalidArgument).
class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    Encoding encode(std::string_view text, const EncodeOptions& options = {}) const;
    Encoding encode(std::string_view text, std::string_view pair,
                    const EncodeOptions& options = {}) const;
    // Encodes on options.threads threads; the result is identical to encoding each text
    // alone (padding, if asked for, is applied across the batch).
    std::vector<Encoding> encodeBatch(const std::vector<std::string>& texts,
                                      const EncodeOptions& options = {}) const;
    // pairs must be empty or as long as texts.
    std::vector<Encoding> encodeBatch(const std::vector<std::string>& texts,
                                      const std::vector<std::string>& pairs,
                                      const EncodeOptions& options = {}) const;
    // Pads encodings in place as options say (used by encodeBatch, public for batching).
    void pad(std::vector<Encoding>& encodings, const EncodeOptions& options) const;

    virtual std::string decode(const std::vector<int32_t>& ids,
                               bool skipSpecialTokens = true) const = 0;
    // -1 when unknown.
    virtual int32_t tokenToId(std::string_view token) const = 0;
    // Empty when the id is out of range.
    virtual std::string idToToken(int32_t id) const = 0;
    virtual size_t vocabSize() const = 0;
    // How many tokens addSpecialTokens adds to one text or a pair.
    virtual size_t numSpecialTokensToAdd(bool pair) const = 0;

    const SpecialTokens& specialTokens() const { return m_special; }
    int32_t padId() const { return m_special.padId; }
    int32_t clsId() const { return m_special.clsId; }
    int32_t sepId() const { return m_special.sepId; }
    int32_t unkId() const { return m_special.unkId; }
    PaddingSide paddingSide() const { return m_paddingSide; }
    int32_t padTypeId() const { return m_padTypeId; }
    // From tokenizer_config.json; 0 when unknown.
    size_t modelMaxLength() const { return m_modelMaxLength; }

    void setSpecialTokens(const SpecialTokens& s) { m_special = s; }
    void setPaddingSide(PaddingSide side) { m_paddingSide = side; }
    void setPadTypeId(int32_t id) { m_padTypeId = id; }
    void setModelMaxLength(size_t n) { m_modelMaxLength = n; }

protected:
    // One text without special tokens; every type id is typeId, every sequence id
    // sequenceId.
    virtual Encoding encodeSequence(std::string_view text, int32_t typeId,
                                    int32_t sequenceId) const = 0;
    // Joins one or two sequences with the special tokens (addSpecialTokens = true).
    virtual Encoding addSpecialTokens(Encoding a, const Encoding* b) const = 0;
    // Fills tokens, masks and byte offsets from ids and code point offsets.
    Encoding encodeImpl(std::string_view text, const std::string_view* pair,
                        const EncodeOptions& options) const;

    SpecialTokens m_special;
    PaddingSide m_paddingSide = PaddingSide::Right;
    int32_t m_padTypeId = 0;
    size_t m_modelMaxLength = 0;
};

// Loads the tokenizer of a Hugging Face checkpoint folder: tokenizer.json if present,
// else vocab.txt (WordPiece), vocab.json + merges.txt (byte-level BPE) or spiece.model
// (SentencePiece, XLNet conventions); tokenizer_config.json and special_tokens_map.json
// refine casing, special tokens and model_max_length. Throws ft::Error: NotFound
// (listing what was looked for) when the folder has no tokenizer, Parse / Io naming the
// file for a broken one. See loader.h for the rules used without a config file.
std::unique_ptr<Tokenizer> loadTokenizer(const std::string& folder);

}  // namespace ft::text
