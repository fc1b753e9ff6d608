#pragma once

#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "pipelinetokenizer.h"

// Reads Hugging Face's tokenizer.json ("fast" tokenizer) format.
//
// Models: WordPiece, BPE (merges as "a b" strings or [a, b] pairs), Unigram; a model
// without "type" is inferred (merges -> BPE, vocab as [piece, score] list -> Unigram,
// continuing_subword_prefix / max_input_chars_per_word -> WordPiece).
// Normalizers: BertNormalizer, Lowercase, NFD, NFKD, NFC, NFKC, StripAccents, Strip,
// Replace, Prepend, Sequence; Precompiled (SentencePiece's charsmap) is approximated by
// NFKC. Pre-tokenizers: BertPreTokenizer, ByteLevel, Whitespace, WhitespaceSplit,
// Punctuation, Digits, CharDelimiterSplit, Metaspace, Split, Sequence.
// Post-processors: TemplateProcessing, BertProcessing, RobertaProcessing, ByteLevel,
// Sequence. Decoders: ByteLevel, WordPiece, Metaspace, BPEDecoder, Replace, Strip, Fuse,
// ByteFallback, Sequence.
// Anything else, and malformed or truncated JSON, throws ft::Error (Parse) naming the
// file and, for JSON syntax errors, the byte position.
namespace ft::text {

std::unique_ptr<PipelineTokenizer> loadTokenizerJson(const std::string& path);
// source names the document in error messages.
std::unique_ptr<PipelineTokenizer> parseTokenizerJson(const nlohmann::json& doc,
                                                      const std::string& source);

// The components on their own (the loader builds vocabulary-file tokenizers from them).
std::unique_ptr<Normalizer> parseNormalizer(const nlohmann::json& j, const std::string& source);
std::unique_ptr<PreTokenizer> parsePreTokenizer(const nlohmann::json& j, const std::string& source);
std::unique_ptr<PostProcessor> parsePostProcessor(const nlohmann::json& j,
                                                  const std::string& source);
std::unique_ptr<Decoder> parseDecoder(const nlohmann::json& j, const std::string& source);

// Fills tokenizer's SpecialTokens from its added tokens, model and post-processor by
// the usual names ([PAD] / <pad>, [CLS] / <s> / <cls>, ...).
void guessSpecialTokens(PipelineTokenizer& tokenizer);

}  // namespace ft::text
