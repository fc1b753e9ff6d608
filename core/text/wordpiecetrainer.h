#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "progress.h"

// Trains a BERT WordPiece vocabulary from texts, as Hugging Face tokenizers'
// WordPieceTrainer does: BPE merges over the words with the continuing-subword prefix
// "##", keeping every token the merges produce. Words are cut exactly as the BERT
// tokenizer loadTokenizer builds from the written folder will cut them (special tokens
// matched in raw text, BertNormalizer, BertPreTokenizer), so training and use agree.
//
// Deterministic: the vocabulary depends only on the multiset of words, never on the
// order of the texts, the number of threads or hash-table order (Hugging Face breaks
// ties by hash order; here ties in pair frequency go to the pair of smaller token ids,
// and the alphabet is ordered by code point).
namespace ft::text {

struct WordPieceTrainerOptions {
    // The size to stop at, special tokens included. The alphabet and its "##" forms are
    // always kept, so a tiny value yields specials + alphabet; data with few distinct
    // pairs yields fewer tokens.
    size_t vocabSize = 8000;
    // A pair seen fewer times than this (counted over all words) is never merged.
    uint64_t minFrequency = 2;
    // The most frequent characters kept as the alphabet; words lose the others.
    size_t limitAlphabet = 1000;
    // BertNormalizer settings (written to tokenizer_config.json as well).
    bool lowercase = true;
    std::optional<bool> stripAccents;  // unset: follows lowercase, as in BERT
    bool handleChineseChars = true;
    // Ids 0, 1, ... in this order; [UNK] must be among them (WordPiece needs it).
    std::vector<std::string> specialTokens = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
    std::string prefix = "##";
    // Words longer than this (in characters) become [UNK] in BERT's WordPiece, so they
    // are left out of training.
    size_t maxInputCharsPerWord = 100;
    size_t modelMaxLength = 512;
    // Threads that cut and count words; 0 = all hardware threads.
    unsigned threads = 0;
};

// Counts words, then merges. Not thread-safe (one thread drives it; feed uses worker
// threads internally and reports progress on the calling thread). Throws ft::Error:
// InvalidArgument for options that cannot make a BERT vocabulary (no [UNK], duplicate or
// empty special tokens, vocabSize 0), Cancelled when progress.shouldStop() returns true
// (the trainer is then left as it was before the call).
class WordPieceTrainer {
public:
    explicit WordPieceTrainer(WordPieceTrainerOptions options = {});

    // Adds the words of texts (UTF-8; invalid bytes read as U+FFFD) to the counts. May be
    // called several times. progress: fraction of these texts done, shouldStop polled
    // about every 50 ms.
    void feed(const std::vector<std::string>& texts, const Progress& progress = {});

    // The vocabulary in id order: special tokens, the alphabet (characters by code point),
    // "##" + each character seen inside a word, then merged tokens in merge order.
    // progress: fraction of vocabSize reached; shouldStop polled every few merges.
    std::vector<std::string> train(const Progress& progress = {}) const;

    const WordPieceTrainerOptions& options() const { return m_options; }
    // Distinct words counted so far, and all words (with repeats).
    size_t distinctWords() const { return m_counts.size(); }
    uint64_t totalWords() const { return m_total; }
    // The words as the tokenizer will see them (normalized, pre-tokenized) with their
    // counts; words longer than maxInputCharsPerWord are not counted.
    const std::unordered_map<std::u32string, uint64_t>& wordCounts() const { return m_counts; }

    // The words text is cut into (what feed counts), in order.
    std::vector<std::u32string> words(const std::string& text) const;

private:
    WordPieceTrainerOptions m_options;
    std::unordered_map<std::u32string, uint64_t> m_counts;
    uint64_t m_total = 0;
};

// Writes folder/vocab.txt, tokenizer_config.json (BertTokenizer, the casing options,
// model_max_length, the special tokens) and special_tokens_map.json: a folder that
// transformers' AutoTokenizer / BertTokenizer and loadTokenizer load. The files are
// written into a temporary sibling folder, loaded back with loadTokenizer as a check, and
// the folder is renamed into place (replacing an existing folder of that name). Throws
// ft::Error: Io naming the file, InvalidArgument for an entry that cannot be a line of
// vocab.txt (empty, a line break, a duplicate) naming the entry; folder is then unchanged.
void saveWordPieceFolder(const std::string& folder, const std::vector<std::string>& vocab,
                         const WordPieceTrainerOptions& options = {});

}  // namespace ft::text
