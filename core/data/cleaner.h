#pragma once

#include <cstdint>
#include <set>
#include <string>
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
    static Pipeline fromStepList(const std::string& commaSeparated);
};

const std::set<std::string>& defaultStopWords();

// Applies the text steps (everything except DropEmpty / DropDuplicates) to one text.
std::string cleanText(const Pipeline& pipeline, const std::string& text);

struct DuplicateConflict {
    std::string text;                 // cleaned text shared by the rows
    std::vector<int64_t> rowIds;
    std::vector<std::string> labels;  // the disagreeing labels
};

struct CleaningReport {
    int64_t rows = 0;
    int64_t changed = 0;            // rows whose text the steps changed
    int64_t droppedEmpty = 0;
    int64_t droppedDuplicates = 0;  // exact + after cleaning
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
