#pragma once

#include <cstdint>
#include <vector>

#include "models/model.h"

// Turns tokenized rows into training batches: a seeded order per epoch (shuffled, or
// shuffled within length buckets so that rows of similar length share a batch), and
// dynamic padding to the longest row of each batch. Torch-free, a value type; const
// methods may be called from any thread.
namespace ft::train {

// One tokenized example (special tokens included, truncated to the run's max length).
struct Example {
    std::vector<int32_t> ids;
    std::vector<int32_t> typeIds;  // empty = all zeros
    int32_t label = 0;
};

struct BatcherOptions {
    int64_t batchSize = 16;
    uint64_t seed = 42;
    bool shuffle = true;
    // Length grouping as transformers' LengthGroupedSampler: a seeded permutation cut into
    // mega-batches of megaBatchFactor x batchSize rows, each sorted by length (longest
    // first) and cut into batches; then the batch order is shuffled too.
    bool groupByLength = true;
    int64_t megaBatchFactor = 50;
    int32_t padId = 0;
    int32_t padTypeId = 0;
    bool padLeft = false;  // XLNet-style tokenizers pad on the left
};

class Batcher {
public:
    // examples must outlive the Batcher.
    Batcher(const std::vector<Example>& examples, const BatcherOptions& options);

    // The batches of an epoch as example indices: a pure function of (seed, epoch), so
    // a resumed run sees the same order. The last batch may be smaller.
    std::vector<std::vector<size_t>> epochBatches(int64_t epoch) const;
    int64_t batchesPerEpoch() const;
    // Pads the rows to the longest one (right, or left when padLeft) with padId, mask 0.
    models::Batch makeBatch(const std::vector<size_t>& indices) const;
    // Consecutive batches in data order (for evaluation).
    std::vector<std::vector<size_t>> sequentialBatches(int64_t batchSize) const;

private:
    const std::vector<Example>& m_examples;
    BatcherOptions m_options;
};

}  // namespace ft::train
