#include "eval/batchpredict.h"

#include <algorithm>

#include "models/model.h"
#include "text/tokenizer.h"

namespace ft::eval {

std::vector<train::Example> encodeExamples(const text::Tokenizer& tokenizer,
                                           const std::vector<std::string>& texts,
                                           const std::vector<std::string>& pairs, int64_t maxLength,
                                           unsigned threads) {
    text::EncodeOptions eo;
    eo.maxLength = static_cast<size_t>(maxLength);
    eo.threads = threads;
    const auto encodings =
        pairs.empty() ? tokenizer.encodeBatch(texts, eo) : tokenizer.encodeBatch(texts, pairs, eo);
    std::vector<train::Example> out(encodings.size());
    for (size_t i = 0; i < encodings.size(); ++i) {
        out[i].ids = encodings[i].ids;
        bool anyType = false;
        for (int32_t t : encodings[i].typeIds) anyType = anyType || t != 0;
        if (anyType) out[i].typeIds = encodings[i].typeIds;
    }
    return out;
}

train::BatcherOptions predictionBatching(const text::Tokenizer& tokenizer, size_t batchSize) {
    train::BatcherOptions bo;
    bo.padId = std::max<int32_t>(0, tokenizer.padId());
    bo.padTypeId = tokenizer.padTypeId();
    bo.padLeft = tokenizer.paddingSide() == text::PaddingSide::Left;
    bo.shuffle = false;
    bo.groupByLength = false;
    bo.batchSize =
        tokenizer.padId() >= 0 ? static_cast<int64_t>(std::max<size_t>(1, batchSize)) : 1;
    return bo;
}

BatchPredictions predictBatches(const models::Model& model,
                                const std::vector<train::Example>& examples,
                                const std::vector<size_t>& order,
                                const train::BatcherOptions& options,
                                const std::function<void(size_t, size_t)>& beforeBatch) {
    BatchPredictions out;
    out.labels.resize(examples.size());
    out.probabilities.resize(examples.size());
    const train::Batcher batcher(examples, options);
    const size_t batchSize = static_cast<size_t>(std::max<int64_t>(1, options.batchSize));
    for (size_t start = 0; start < order.size(); start += batchSize) {
        if (beforeBatch) beforeBatch(start, order.size());
        const size_t end = std::min(order.size(), start + batchSize);
        const std::vector<size_t> idx(order.begin() + static_cast<std::ptrdiff_t>(start),
                                      order.begin() + static_cast<std::ptrdiff_t>(end));
        models::Batch batch = batcher.makeBatch(idx);
        batch.labels.clear();
        const auto r = model.forward(batch);
        const int64_t k = r.logitsShape.at(1);
        for (size_t row = 0; row < idx.size(); ++row) {
            models::Prediction p =
                models::predictionFromLogits(r.logits.data() + static_cast<int64_t>(row) * k, k);
            out.probabilities[idx[row]] = std::move(p.probabilities);
            out.labels[idx[row]] = static_cast<int>(p.label);
        }
    }
    if (beforeBatch) beforeBatch(order.size(), order.size());
    return out;
}

}  // namespace ft::eval
