#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipelinetokenizer.h"
#include "tokenizer.h"

// Builders for tokenizers stored as vocabulary files, and the rules loadTokenizer
// (tokenizer.h) follows for a checkpoint folder:
//
// 1. tokenizer.json wins. tokenizer_config.json / special_tokens_map.json then only set
//    special-token names, padding side and model_max_length.
// 2. vocab.txt: BERT WordPiece (BertNormalizer, BertPreTokenizer, [CLS] A [SEP] B
//    [SEP]). Casing comes from do_lower_case; without a config it is inferred from the
//    vocabulary (a vocabulary where more than 1 % of the entries hold an upper-case ASCII
//    letter is cased). [PAD] [UNK] [CLS] [SEP] [MASK] are matched in raw text, as
//    tokenizers' BertWordPieceTokenizer and transformers' BertTokenizer both do.
// 3. vocab.json + merges.txt: byte-level BPE. RoBERTa conventions (<s> A </s></s> B </s>,
//    trimmed offsets) when tokenizer_class / config.json's model_type say roberta, or
//    without either when the vocabulary has <s>, </s> and <pad>; GPT-2 conventions (no
//    special tokens, untrimmed offsets) otherwise. Special tokens are matched in raw
//    text only when a tokenizer_config.json or special_tokens_map.json names them (a
//    bare vocabulary behaves as tokenizers' ByteLevelBPETokenizer); they are skipped by
//    decode either way.
// 4. spiece.model: SentencePiece with XLNet conventions (do_lower_case, keep_accents).
namespace ft::text {

struct WordPieceOptions {
    bool lowercase = true;
    std::optional<bool> stripAccents;  // unset: follows lowercase
    bool cleanText = true;
    bool handleChineseChars = true;
    // Extra tokens never split (BERT's never_split); must be in the vocabulary.
    std::vector<std::string> neverSplit;
};

// Throws ft::Error: Io, or Parse naming vocab.txt and the line of a duplicate entry.
std::unique_ptr<PipelineTokenizer> loadWordPiece(const std::string& vocabTxt,
                                                 const WordPieceOptions& options);

struct ByteLevelBpeOptions {
    bool roberta = false;
    bool addPrefixSpace = false;
    // Tokens matched in raw text as special added tokens (e.g. "<|endoftext|>").
    std::vector<std::string> specialTokens;
};

// Throws ft::Error: Io, Parse naming vocab.json and the byte of a JSON error, or
// merges.txt and the line of a malformed merge or one naming unknown tokens.
std::unique_ptr<PipelineTokenizer> loadByteLevelBpe(const std::string& vocabJson,
                                                    const std::string& mergesTxt,
                                                    const ByteLevelBpeOptions& options);

}  // namespace ft::text
