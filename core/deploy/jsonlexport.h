#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "progress.h"
#include "store/project.h"

// A project's labelled rows as an OpenAI chat fine-tuning file (JSONL): one example per
// line,
//   {"messages": [{"role": "system", "content": <system>},      (only when system is set)
//                 {"role": "user", "content": <text>},
//                 {"role": "assistant", "content": <label>}]}
// Torch-free; the GUI's export action and `finetune data export-jsonl` call it.
namespace ft::deploy {

struct JsonlExportOptions {
    std::string dataset;                   // "" = the project's default dataset
    std::optional<store::SplitPart> part;  // nullopt = every part of the latest split
    std::string system;                    // "" = no system message
    bool rawText = false;                  // true: the imported text, not the cleaned one
};

struct JsonlExportResult {
    std::string path;
    int64_t lines = 0;
    int64_t bytes = 0;
    std::vector<store::LabelCount> labels;  // lines per label, in the label set's order
};

// Writes every labelled, not dropped row of the chosen part(s) of the dataset's latest
// split (all labelled, not dropped rows when part is nullopt and the dataset has no
// split), in row id order. The user message is the cleaned text (raw when the dataset
// was never cleaned or rawText is set); a text pair is appended after a newline. Output
// is valid UTF-8 (bytes that are not become U+FFFD) with non-ASCII characters kept as
// they are. The file is written to a temporary name and renamed, so an existing file is
// replaced only by a complete one.
//
// Throws ft::Error: NotFound (dataset, or a part asked for without a split),
// InvalidArgument (no row to write: naming the dataset and part), Io naming the file,
// Cancelled (progress.shouldStop(), nothing written).
JsonlExportResult exportOpenAiJsonl(const store::Project& project, const std::string& path,
                                    const JsonlExportOptions& options = {},
                                    const Progress& progress = {});

}  // namespace ft::deploy
