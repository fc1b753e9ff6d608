#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "train/batcher.h"

namespace ft::models {
class Model;
}
namespace ft::text {
class Tokenizer;
}

// Prediction over many rows the way the evaluation stores it and the export verifies it:
// rows encoded alone, batches padded to their longest row by train::Batcher, softmax and
// argmax as models::Model::predict. One implementation, so that the two agree bit for bit.
namespace ft::eval {

// Rows encoded alone, cut at maxLength; token types kept only where some are not 0.
// pairs: empty, or one second text per text. threads 0: the tokenizer's default.
std::vector<train::Example> encodeExamples(const text::Tokenizer& tokenizer,
                                           const std::vector<std::string>& texts,
                                           const std::vector<std::string>& pairs, int64_t maxLength,
                                           unsigned threads = 0);

// Padding as the tokenizer pads, no shuffling or grouping, batches of batchSize rows; one
// row at a time when the tokenizer has no pad token (GPT-2's own), so that a classifier
// reading the last position never sees padding there.
train::BatcherOptions predictionBatching(const text::Tokenizer& tokenizer, size_t batchSize);

struct BatchPredictions {
    std::vector<int> labels;                        // argmax, per row
    std::vector<std::vector<float>> probabilities;  // softmax, per row
};

// Predicts examples in the order given (consecutive batches of options.batchSize rows of
// `order`). beforeBatch(done, total) is called before each batch and once at the end with
// done == total; it may throw to stop.
BatchPredictions predictBatches(const models::Model& model,
                                const std::vector<train::Example>& examples,
                                const std::vector<size_t>& order,
                                const train::BatcherOptions& options,
                                const std::function<void(size_t, size_t)>& beforeBatch = {});

}  // namespace ft::eval
