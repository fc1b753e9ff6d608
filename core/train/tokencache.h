#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/project.h"
#include "train/batcher.h"

namespace ft::text {
class Tokenizer;
}

// Tokenizes one part of a split once and keeps the ids in <project>/cache/<key>.bin, keyed
// by a SHA-256 of everything the ids depend on: the tokenizer files, the max length, the
// dataset's cleaning pipeline and label history, the split and part, and the label order.
// Torch-free. Call from one thread with a Project that thread owns (encoding itself runs on
// `threads` threads).
namespace ft::train {

struct TokenizedPart {
    std::vector<Example> examples;
    std::vector<int64_t> rowIds;  // the dataset row behind each example
    bool fromCache = false;
    std::string cachePath;
};

class TokenCache {
public:
    // tokenizerFolder: where the tokenizer files live (hashed into the key). labels: the
    // model's label order; a row whose label is not in it throws ft::Error (Mapping) naming
    // the row and the label. Unlabelled and dropped rows are left out. A cache file that
    // cannot be read is rebuilt; one that cannot be written only costs the next run time.
    static TokenizedPart load(const store::Project& project, int64_t datasetId, int64_t splitId,
                              store::SplitPart part, const text::Tokenizer& tokenizer,
                              const std::string& tokenizerFolder, int64_t maxLength,
                              const std::vector<std::string>& labels, unsigned threads);
};

}  // namespace ft::train
