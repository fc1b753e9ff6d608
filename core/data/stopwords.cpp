// The built-in word lists of the cleaning pipeline, kept as data apart from the code.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "data/cleaner.h"

namespace ft::data {

const std::set<std::string>& defaultStopWords() {
    // NLTK's English list (nltk_data corpora/stopwords/english, 179 words).
    static const std::set<std::string> words{
        "i",         "me",        "my",         "myself",   "we",      "our",     "ours",
        "ourselves", "you",       "you're",     "you've",   "you'll",  "you'd",   "your",
        "yours",     "yourself",  "yourselves", "he",       "him",     "his",     "himself",
        "she",       "she's",     "her",        "hers",     "herself", "it",      "it's",
        "its",       "itself",    "they",       "them",     "their",   "theirs",  "themselves",
        "what",      "which",     "who",        "whom",     "this",    "that",    "that'll",
        "these",     "those",     "am",         "is",       "are",     "was",     "were",
        "be",        "been",      "being",      "have",     "has",     "had",     "having",
        "do",        "does",      "did",        "doing",    "a",       "an",      "the",
        "and",       "but",       "if",         "or",       "because", "as",      "until",
        "while",     "of",        "at",         "by",       "for",     "with",    "about",
        "against",   "between",   "into",       "through",  "during",  "before",  "after",
        "above",     "below",     "to",         "from",     "up",      "down",    "in",
        "out",       "on",        "off",        "over",     "under",   "again",   "further",
        "then",      "once",      "here",       "there",    "when",    "where",   "why",
        "how",       "all",       "any",        "both",     "each",    "few",     "more",
        "most",      "other",     "some",       "such",     "no",      "nor",     "not",
        "only",      "own",       "same",       "so",       "than",    "too",     "very",
        "s",         "t",         "can",        "will",     "just",    "don",     "don't",
        "should",    "should've", "now",        "d",        "ll",      "m",       "o",
        "re",        "ve",        "y",          "ain",      "aren",    "aren't",  "couldn",
        "couldn't",  "didn",      "didn't",     "doesn",    "doesn't", "hadn",    "hadn't",
        "hasn",      "hasn't",    "haven",      "haven't",  "isn",     "isn't",   "ma",
        "mightn",    "mightn't",  "mustn",      "mustn't",  "needn",   "needn't", "shan",
        "shan't",    "shouldn",   "shouldn't",  "wasn",     "wasn't",  "weren",   "weren't",
        "won",       "won't",     "wouldn",     "wouldn't",
    };
    return words;
}

const std::vector<std::pair<std::string, std::string>>& defaultContractions() {
    static const std::vector<std::pair<std::string, std::string>> list{
        // Whole words: irregular forms, and the 's words where 's means "is"/"us"
        // rather than a possessive.
        {"can't", "cannot"},
        {"won't", "will not"},
        {"shan't", "shall not"},
        {"ain't", "am not"},
        {"let's", "let us"},
        {"it's", "it is"},
        {"he's", "he is"},
        {"she's", "she is"},
        {"that's", "that is"},
        {"what's", "what is"},
        {"there's", "there is"},
        {"here's", "here is"},
        {"who's", "who is"},
        {"where's", "where is"},
        {"when's", "when is"},
        {"why's", "why is"},
        {"how's", "how is"},
        {"y'all", "you all"},
        {"ma'am", "madam"},
        // Suffix rules for every other word.
        {"n't", "not"},
        {"'re", "are"},
        {"'ve", "have"},
        {"'ll", "will"},
        {"'d", "would"},
        {"'m", "am"},
    };
    return list;
}

}  // namespace ft::data
