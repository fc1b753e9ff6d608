#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "progress.h"

namespace ft::store {
class Project;
}

namespace ft::data {

// The cleaning steps, in the order they run when enabled. Names are the CLI's
// (`finetune data clean --steps lowercase,urls,...`) and the JSON's.
enum class Step {
    Unicode,       // "unicode": normalize (NFC or NFKC) and collapse whitespace
    Html,          // "html": unescape HTML entities (&amp; &lt; &#39; ...)
    Urls,          // "urls": strip URLs
    Emails,        // "emails": strip e-mail addresses
    Contractions,  // "contractions": expand English contractions (built-in list)
    Lowercase,     // "lowercase"
    Special,       // "special": remove special characters (symbols, control chars)
    Punctuation,   // "punctuation": remove punctuation
    StopWords,     // "stopwords": remove stop words (built-in English list, editable)
    DropEmpty,     // "empty": drop rows whose text is empty after cleaning
    DropDuplicates,  // "duplicates": drop exact duplicates, then duplicates after cleaning
};

const char* toString(Step s);
Step stepFromString(const std::string& s);  // throws InvalidArgument naming the value

// A configured pipeline. Saved as JSON with the project (and later with exported
// models) so the same text steps run at prediction time.
struct Pipeline {
    std::vector<Step> steps;                // run in this order
    std::string unicodeForm = "NFKC";       // "NFC" or "NFKC"
    std::set<std::string> stopWords;        // empty = built-in English list
    std::string toJson() const;
    static Pipeline fromJson(const std::string& json);
    // "lowercase,urls,duplicates": steps in the order given (a repeated step runs
    // once); "nfc" / "nfkc" are accepted as the unicode step with that form. Throws
    // InvalidArgument naming an unknown step and listing the valid ones.
    static Pipeline fromStepList(const std::string& commaSeparated);
};

// The built-in English stop word list (NLTK's, 179 words, lowercase, with ASCII
// apostrophes). Matching is case-insensitive and treats ’ like '.
const std::set<std::string>& defaultStopWords();

// The built-in English contractions. An entry whose `from` starts with an apostrophe
// or is "n't" is a suffix rule ("'re" -> "are": "they're" -> "they are"); the others
// are whole words ("won't" -> "will not"). Lowercase, ASCII apostrophes; matching
// accepts ' and ’ and keeps the word's case ("Don't" -> "Do not", "DON'T" -> "DO NOT").
// 's is expanded only for the listed words ("it's"), since it is usually a possessive.
const std::vector<std::pair<std::string, std::string>>& defaultContractions();

// The valid step names, in enum order (for help texts and error messages).
std::vector<std::string> stepNames();

// Applies the text steps (everything except DropEmpty / DropDuplicates) to one text.
// Invalid UTF-8 becomes U+FFFD first. The html step also decodes the fragments that
// crawls leave when they strip the '&' ("doesn #39;t", " quot;hi quot;"): `#NN;`,
// `#xHH;` and quot; amp; apos; lt; gt; nbsp; at the start of the text or after a
// space, which they replace together with that one space (it stood for the '&').
std::string cleanText(const Pipeline& pipeline, const std::string& text);

struct DuplicateConflict {
    std::string text;                 // cleaned text shared by the rows
    std::vector<int64_t> rowIds;
    std::vector<std::string> labels;  // the disagreeing labels, distinct, in order of first row
};

struct CleaningReport {
    int64_t rows = 0;
    int64_t changed = 0;            // rows whose text the steps changed
    int64_t droppedEmpty = 0;
    int64_t droppedDuplicates = 0;  // exact + after cleaning
    int64_t droppedExactDuplicates = 0;  // of droppedDuplicates: raw text (and pair) identical
    std::vector<DuplicateConflict> conflicts;  // duplicates whose labels disagree
    std::string toJson() const;
};

// A before/after preview of the first `limit` rows, without writing anything.
struct PreviewRow {
    int64_t rowId = 0;
    std::string before;
    std::string after;
    bool dropped = false;
};
std::vector<PreviewRow> previewCleaning(store::Project& project, int64_t datasetId,
                                        const Pipeline& pipeline, int64_t limit);

// Runs the pipeline over every row of the dataset from the raw text (so running it
// again with other steps replaces, never compounds), writes clean_text / dropped
// and records the pipeline and report, in one transaction.
CleaningReport applyCleaning(store::Project& project, int64_t datasetId,
                             const Pipeline& pipeline, const Progress& progress = {});

}  // namespace ft::data
