#include "train/batcher.h"

#include <algorithm>
#include <numeric>

#include "error.h"
#include "util/random.h"

namespace ft::train {

Batcher::Batcher(const std::vector<Example>& examples, const BatcherOptions& options)
    : m_examples(examples), m_options(options) {
    if (m_options.batchSize <= 0)
        throw Error(ErrorCode::InvalidArgument, "batch_size: must be at least 1");
    m_options.megaBatchFactor = std::max<int64_t>(1, m_options.megaBatchFactor);
}

int64_t Batcher::batchesPerEpoch() const {
    const auto n = static_cast<int64_t>(m_examples.size());
    return (n + m_options.batchSize - 1) / m_options.batchSize;
}

std::vector<std::vector<size_t>> Batcher::epochBatches(int64_t epoch) const {
    std::vector<size_t> order(m_examples.size());
    std::iota(order.begin(), order.end(), size_t{0});
    // One generator per epoch, derived from (seed, epoch): resuming needs no saved state
    // beyond the epoch number.
    util::Random rng(m_options.seed * 0x9e3779b97f4a7c15ULL + static_cast<uint64_t>(epoch) + 1);
    if (m_options.shuffle) rng.shuffle(order);
    const auto bs = static_cast<size_t>(m_options.batchSize);
    if (m_options.groupByLength) {
        const size_t mega = bs * static_cast<size_t>(m_options.megaBatchFactor);
        for (size_t start = 0; start < order.size(); start += mega) {
            const auto first = order.begin() + static_cast<std::ptrdiff_t>(start);
            const auto last =
                order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), start + mega));
            std::stable_sort(first, last, [&](size_t a, size_t b) {
                return m_examples[a].ids.size() > m_examples[b].ids.size();
            });
        }
    }
    std::vector<std::vector<size_t>> batches;
    for (size_t start = 0; start < order.size(); start += bs)
        batches.emplace_back(
            order.begin() + static_cast<std::ptrdiff_t>(start),
            order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), start + bs)));
    if (m_options.groupByLength && m_options.shuffle) rng.shuffle(batches);
    return batches;
}

std::vector<std::vector<size_t>> Batcher::sequentialBatches(int64_t batchSize) const {
    const auto bs = static_cast<size_t>(std::max<int64_t>(1, batchSize));
    std::vector<std::vector<size_t>> batches;
    for (size_t start = 0; start < m_examples.size(); start += bs) {
        std::vector<size_t> b;
        for (size_t i = start; i < std::min(m_examples.size(), start + bs); ++i) b.push_back(i);
        batches.push_back(std::move(b));
    }
    return batches;
}

models::Batch Batcher::makeBatch(const std::vector<size_t>& indices) const {
    models::Batch b;
    b.batch = static_cast<int64_t>(indices.size());
    size_t longest = 0;
    for (size_t i : indices) longest = std::max(longest, m_examples.at(i).ids.size());
    b.length = static_cast<int64_t>(longest);
    const size_t n = indices.size() * longest;
    b.inputIds.assign(n, m_options.padId);
    b.attentionMask.assign(n, 0);
    b.tokenTypeIds.assign(n, m_options.padTypeId);
    b.labels.reserve(indices.size());
    for (size_t r = 0; r < indices.size(); ++r) {
        const Example& e = m_examples[indices[r]];
        const size_t offset = r * longest + (m_options.padLeft ? longest - e.ids.size() : 0);
        for (size_t k = 0; k < e.ids.size(); ++k) {
            b.inputIds[offset + k] = e.ids[k];
            b.attentionMask[offset + k] = 1;
            b.tokenTypeIds[offset + k] = e.typeIds.empty() ? 0 : e.typeIds[k];
        }
        b.labels.push_back(e.label);
    }
    return b;
}

}  // namespace ft::train
