#pragma once

#include <memory>
#include <string>

#include "tokenizer.h"

namespace ft::text {

class SentencePieceModel;

// A SentencePiece unigram model (spiece.model), with XLNet's conventions on top when
// options.xlnet is set: the text is prepared as XLNetTokenizer does (whitespace
// collapsed, `` and '' to ", accents removed unless keepAccents, lowercased with
// doLowerCase), "<sep> <cls>" are appended (pairs: A <sep> B <sep> <cls>), type ids are
// 0 / 1 and 2 for <cls>, padding goes on the left with pad type id 3. With xlnet off the
// model's own encoding is returned (pieces as libsentencepiece prints them: unknown
// pieces show their text) and no special tokens are added.
//
// The model file is read by our own reader (sentencepiecemodel.h), not libsentencepiece:
// Debian's libsentencepiece exports a private copy of protobuf that clashes with the
// libprotobuf LibTorch loads, and any binary holding both crashes at start-up.
// Offsets point into the original text. Thread-safe.
class SentencePieceTokenizer : public Tokenizer {
public:
    struct Options {
        bool xlnet = true;
        bool doLowerCase = false;
        bool keepAccents = false;
    };
    // Throws ft::Error: Io when the file cannot be read, Parse when it is not a
    // SentencePiece unigram model.
    SentencePieceTokenizer(const std::string& modelPath, Options options);
    ~SentencePieceTokenizer() override;

    std::string decode(const std::vector<int32_t>& ids,
                       bool skipSpecialTokens = true) const override;
    int32_t tokenToId(std::string_view token) const override;
    std::string idToToken(int32_t id) const override;
    size_t vocabSize() const override;
    size_t numSpecialTokensToAdd(bool pair) const override;

protected:
    Encoding encodeSequence(std::string_view text, int32_t typeId,
                            int32_t sequenceId) const override;
    Encoding addSpecialTokens(Encoding a, const Encoding* b) const override;

private:
    std::unique_ptr<SentencePieceModel> m_model;
    Options m_options;
};

}  // namespace ft::text
