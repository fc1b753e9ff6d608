#include "tokenizer.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "error.h"

namespace ft::text {

namespace {

template <class T>
void appendVec(std::vector<T>& a, const std::vector<T>& b) {
    a.insert(a.end(), b.begin(), b.end());
}

template <class T>
void keep(std::vector<T>& v, size_t n, bool fromLeft) {
    if (v.size() <= n) return;
    if (fromLeft)
        v.erase(v.begin(), v.end() - static_cast<long>(n));
    else
        v.resize(n);
}

template <class T>
void padVec(std::vector<T>& v, size_t n, const T& value, bool left) {
    if (left)
        v.insert(v.begin(), n, value);
    else
        v.insert(v.end(), n, value);
}

}  // namespace

void Encoding::append(const Encoding& o) {
    appendVec(ids, o.ids);
    appendVec(tokens, o.tokens);
    appendVec(typeIds, o.typeIds);
    appendVec(attentionMask, o.attentionMask);
    appendVec(offsets, o.offsets);
    appendVec(byteOffsets, o.byteOffsets);
    appendVec(specialTokensMask, o.specialTokensMask);
    appendVec(sequenceIds, o.sequenceIds);
}

void Encoding::truncate(size_t n, bool fromLeft) {
    keep(ids, n, fromLeft);
    keep(tokens, n, fromLeft);
    keep(typeIds, n, fromLeft);
    keep(attentionMask, n, fromLeft);
    keep(offsets, n, fromLeft);
    keep(byteOffsets, n, fromLeft);
    keep(specialTokensMask, n, fromLeft);
    keep(sequenceIds, n, fromLeft);
}

Encoding Tokenizer::encode(std::string_view text, const EncodeOptions& options) const {
    Encoding e = encodeImpl(text, nullptr, options);
    if (options.padding != PaddingStrategy::None) {
        std::vector<Encoding> one{std::move(e)};
        pad(one, options);
        return std::move(one.front());
    }
    return e;
}

Encoding Tokenizer::encode(std::string_view text, std::string_view pair,
                           const EncodeOptions& options) const {
    Encoding e = encodeImpl(text, &pair, options);
    if (options.padding != PaddingStrategy::None) {
        std::vector<Encoding> one{std::move(e)};
        pad(one, options);
        return std::move(one.front());
    }
    return e;
}

Encoding Tokenizer::encodeImpl(std::string_view text, const std::string_view* pair,
                               const EncodeOptions& options) const {
    Encoding a = encodeSequence(text, 0, 0);
    Encoding b;
    if (pair) b = encodeSequence(*pair, 1, 1);

    // Hugging Face truncates the sequences before adding special tokens, keeping room
    // for them (tokenizers' truncate_encodings).
    if (options.maxLength > 0) {
        const size_t added = options.addSpecialTokens ? numSpecialTokensToAdd(pair != nullptr) : 0;
        if (options.maxLength < added)
            throw Error(ErrorCode::InvalidArgument,
                        "truncation: max length " + std::to_string(options.maxLength) +
                            " leaves no room for the " + std::to_string(added) + " special tokens");
        const size_t maxLen = options.maxLength - added;
        const size_t total = a.size() + b.size();
        if (total > maxLen) {
            const size_t toRemove = total - maxLen;
            if (!pair) {
                if (options.truncation == TruncationStrategy::OnlySecond)
                    throw Error(ErrorCode::InvalidArgument,
                                "truncation only_second: the second sequence was not provided");
                a.truncate(maxLen);
            } else if (options.truncation == TruncationStrategy::LongestFirst) {
                size_t n1 = a.size(), n2 = b.size();
                const bool swap = n1 > n2;
                if (swap) std::swap(n1, n2);
                if (n1 > maxLen)
                    n2 = n1;
                else
                    n2 = std::max(n1, maxLen - n1);
                if (n1 + n2 > maxLen) {
                    n1 = maxLen / 2;
                    n2 = n1 + maxLen % 2;
                }
                if (swap) std::swap(n1, n2);
                a.truncate(n1);
                b.truncate(n2);
            } else {
                Encoding& target = options.truncation == TruncationStrategy::OnlyFirst ? a : b;
                if (target.size() <= toRemove)
                    throw Error(
                        ErrorCode::InvalidArgument,
                        std::string("truncation ") +
                            (options.truncation == TruncationStrategy::OnlyFirst ? "only_first"
                                                                                 : "only_second") +
                            ": the sequence to truncate is too short for max length " +
                            std::to_string(options.maxLength));
                target.truncate(target.size() - toRemove);
            }
        }
    }
    if (options.addSpecialTokens) return addSpecialTokens(std::move(a), pair ? &b : nullptr);
    if (pair) a.append(b);
    return a;
}

void Tokenizer::pad(std::vector<Encoding>& encodings, const EncodeOptions& options) const {
    if (options.padding == PaddingStrategy::None || encodings.empty()) return;
    size_t target = 0;
    if (options.padding == PaddingStrategy::Longest) {
        for (const Encoding& e : encodings) target = std::max(target, e.size());
    } else {
        target = options.padLength ? options.padLength : options.maxLength;
        if (target == 0)
            throw Error(ErrorCode::InvalidArgument,
                        "padding to a fixed length needs a length (padLength or maxLength)");
    }
    bool needed = false;
    for (const Encoding& e : encodings) needed = needed || e.size() < target;
    if (!needed) return;
    if (m_special.padId < 0)
        throw Error(ErrorCode::InvalidArgument,
                    "padding was asked for but this tokenizer has no padding token");
    const bool left = options.paddingSide.value_or(m_paddingSide) == PaddingSide::Left;
    for (Encoding& e : encodings) {
        if (e.size() >= target) continue;
        const size_t n = target - e.size();
        padVec(e.ids, n, m_special.padId, left);
        padVec(e.tokens, n, m_special.pad, left);
        padVec(e.typeIds, n, m_padTypeId, left);
        padVec(e.attentionMask, n, 0, left);
        padVec(e.offsets, n, Span{}, left);
        padVec(e.byteOffsets, n, Span{}, left);
        padVec(e.specialTokensMask, n, 1, left);
        padVec(e.sequenceIds, n, -1, left);
    }
}

std::vector<Encoding> Tokenizer::encodeBatch(const std::vector<std::string>& texts,
                                             const EncodeOptions& options) const {
    return encodeBatch(texts, {}, options);
}

std::vector<Encoding> Tokenizer::encodeBatch(const std::vector<std::string>& texts,
                                             const std::vector<std::string>& pairs,
                                             const EncodeOptions& options) const {
    if (!pairs.empty() && pairs.size() != texts.size())
        throw Error(ErrorCode::InvalidArgument, "encodeBatch: " + std::to_string(texts.size()) +
                                                    " texts but " + std::to_string(pairs.size()) +
                                                    " pairs");
    std::vector<Encoding> out(texts.size());
    unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(texts.size())));
    std::atomic<size_t> next{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&] {
        // Chunks keep the atomic off the hot path for short texts.
        constexpr size_t kChunk = 16;
        for (;;) {
            const size_t begin = next.fetch_add(kChunk);
            if (begin >= texts.size()) return;
            const size_t end = std::min(texts.size(), begin + kChunk);
            for (size_t i = begin; i < end; ++i) {
                try {
                    if (pairs.empty()) {
                        out[i] = encodeImpl(texts[i], nullptr, options);
                    } else {
                        const std::string_view p(pairs[i]);
                        out[i] = encodeImpl(texts[i], &p, options);
                    }
                } catch (...) {
                    std::lock_guard<std::mutex> lock(failureMutex);
                    if (!failure) failure = std::current_exception();
                    next.store(texts.size());
                    return;
                }
            }
        }
    };
    if (threads <= 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        pool.reserve(threads);
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
        for (std::thread& t : pool) t.join();
    }
    if (failure) std::rethrow_exception(failure);
    pad(out, options);
    return out;
}

}  // namespace ft::text
