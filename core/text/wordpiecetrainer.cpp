#include "wordpiecetrainer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>
#include <unistd.h>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include <queue>

#include "error.h"
#include "normalizers.h"
#include "pretokenizers.h"
#include "tokenizer.h"
#include "unicode.h"

namespace ft::text {

namespace fs = std::filesystem;

namespace {

using WordCounts = std::unordered_map<std::u32string, uint64_t>;

// Cuts texts into words the way the BERT tokenizer of loader.cpp does: special tokens are
// matched in the raw text first (they are added tokens there), every stretch between them
// is normalized and pre-tokenized on its own.
class WordCutter {
public:
    explicit WordCutter(const WordPieceTrainerOptions& o)
        : m_normalizer(true, o.handleChineseChars, o.stripAccents, o.lowercase),
          m_lowercase(o.lowercase),
          m_maxChars(o.maxInputCharsPerWord) {
        for (const std::string& s : o.specialTokens) m_specials.push_back(unicode::decodeUtf8(s));
    }

    template <class Sink>
    void cut(const std::string& text, Sink&& sink) {
        unicode::decodeUtf8(text, m_orig, nullptr);
        uint32_t prev = 0;
        while (prev < m_orig.size()) {
            // The leftmost special token, the longest one where several start there.
            size_t best = std::u32string::npos, bestLen = 0;
            for (const std::u32string& s : m_specials) {
                const size_t at = m_orig.find(s, prev);
                if (at == std::u32string::npos) continue;
                if (at < best || (at == best && s.size() > bestLen)) {
                    best = at;
                    bestLen = s.size();
                }
            }
            const auto end = static_cast<uint32_t>(std::min(best, m_orig.size()));
            plain(prev, end, sink);
            if (best == std::u32string::npos) break;
            prev = static_cast<uint32_t>(best + bestLen);
        }
    }

private:
    template <class Sink>
    void plain(uint32_t b, uint32_t e, Sink& sink) {
        if (e <= b) return;
        bool ascii = true;
        for (uint32_t i = b; i < e && ascii; ++i) ascii = m_orig[i] < 0x80;
        if (ascii) return plainAscii(b, e, sink);
        m_pieces.clear();
        m_pieces.emplace_back(m_orig, b, e);
        m_normalizer.normalize(m_pieces.back());
        m_pre.pretokenize(m_pieces);
        for (const NormalizedString& piece : m_pieces)
            if (!piece.empty() && piece.size() <= m_maxChars) sink(piece.chars());
    }

    // BertNormalizer + BertPreTokenizer on ASCII text, where they come down to: drop
    // control characters, split at whitespace, lowercase, isolate punctuation. Most text
    // takes this path, without the alignment bookkeeping of NormalizedString (counting is
    // about 3x faster); the tests check it against the loaded tokenizer.
    template <class Sink>
    void plainAscii(uint32_t b, uint32_t e, Sink& sink) {
        m_word.clear();
        auto flush = [&] {
            if (!m_word.empty() && m_word.size() <= m_maxChars) sink(m_word);
            m_word.clear();
        };
        for (uint32_t i = b; i < e; ++i) {
            char32_t c = m_orig[i];
            if (c == 0 || unicode::isBertControl(c)) continue;
            if (unicode::isBertWhitespace(c)) {
                flush();
            } else if (unicode::isBertPunctuation(c)) {
                flush();
                m_word.push_back(c);
                flush();
            } else {
                m_word.push_back(m_lowercase && c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
        }
        flush();
    }

    BertNormalizer m_normalizer;
    BertPreTokenizer m_pre;
    bool m_lowercase;
    std::u32string m_word;
    size_t m_maxChars;
    std::vector<std::u32string> m_specials;
    std::u32string m_orig;
    std::vector<NormalizedString> m_pieces;
};

void checkOptions(const WordPieceTrainerOptions& o) {
    if (o.vocabSize == 0)
        throw Error(ErrorCode::InvalidArgument, "WordPiece trainer: vocab_size must be > 0");
    std::unordered_set<std::string> seen;
    for (const std::string& s : o.specialTokens) {
        if (s.empty())
            throw Error(ErrorCode::InvalidArgument, "WordPiece trainer: an empty special token");
        if (!seen.insert(s).second)
            throw Error(ErrorCode::InvalidArgument,
                        "WordPiece trainer: special token '" + s + "' is listed twice");
    }
    if (!seen.count("[UNK]"))
        throw Error(ErrorCode::InvalidArgument,
                    "WordPiece trainer: the special tokens must include [UNK]");
    if (o.prefix.empty())
        throw Error(ErrorCode::InvalidArgument,
                    "WordPiece trainer: the continuing-subword prefix is empty");
}

[[noreturn]] void cancelled(const char* what) {
    throw Error(ErrorCode::Cancelled, std::string("WordPiece trainer: cancelled while ") + what);
}

uint64_t pairKey(uint32_t a, uint32_t b) { return (uint64_t{a} << 32) | b; }
uint32_t first(uint64_t key) { return static_cast<uint32_t>(key >> 32); }
uint32_t second(uint64_t key) { return static_cast<uint32_t>(key & 0xffffffffu); }

// A candidate merge; the queue pops the highest count, then the smallest pair of ids.
struct Candidate {
    int64_t count;
    uint64_t pair;
    bool operator<(const Candidate& o) const {
        return count != o.count ? count < o.count : pair > o.pair;
    }
};

std::string utf8(char32_t c) {
    std::string s;
    unicode::appendUtf8(s, c);
    return s;
}

void writeFile(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw Error(ErrorCode::Io, p.string() + ": cannot write (disk full?)");
}

}  // namespace

WordPieceTrainer::WordPieceTrainer(WordPieceTrainerOptions options)
    : m_options(std::move(options)) {
    checkOptions(m_options);
}

std::vector<std::u32string> WordPieceTrainer::words(const std::string& text) const {
    std::vector<std::u32string> out;
    WordCutter cutter(m_options);
    cutter.cut(text, [&](const std::u32string& w) { out.push_back(w); });
    return out;
}

void WordPieceTrainer::feed(const std::vector<std::string>& texts, const Progress& progress) {
    const size_t n = texts.size();
    if (n == 0) return;
    constexpr size_t kBlock = 512;
    unsigned threads = m_options.threads ? m_options.threads : std::thread::hardware_concurrency();
    threads =
        std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>((n + kBlock - 1) / kBlock)));
    std::atomic<size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    auto work = [&]() {
        WordCounts counts;
        uint64_t total = 0;
        WordCutter cutter(m_options);
        auto sink = [&](const std::u32string& w) {
            ++counts[w];
            ++total;
        };
        for (;;) {
            const size_t b = next.fetch_add(kBlock);
            if (b >= n || stop.load()) break;
            const size_t e = std::min(n, b + kBlock);
            for (size_t i = b; i < e; ++i) cutter.cut(texts[i], sink);
            done.fetch_add(e - b);
        }
        return std::make_pair(std::move(counts), total);
    };

    std::vector<std::pair<WordCounts, uint64_t>> results;
    if (threads == 1) {
        // Same work on this thread, block by block, so that a stop request is seen.
        WordCounts counts;
        uint64_t total = 0;
        WordCutter cutter(m_options);
        auto sink = [&](const std::u32string& w) {
            ++counts[w];
            ++total;
        };
        for (size_t b = 0; b < n; b += kBlock) {
            if (progress.stopRequested()) cancelled("counting words");
            const size_t e = std::min(n, b + kBlock);
            for (size_t i = b; i < e; ++i) cutter.cut(texts[i], sink);
            progress.progress(static_cast<double>(e) / static_cast<double>(n), "counting words");
        }
        results.emplace_back(std::move(counts), total);
    } else {
        if (progress.stopRequested()) cancelled("counting words");
        std::vector<std::future<std::pair<WordCounts, uint64_t>>> futures;
        for (unsigned t = 0; t < threads; ++t)
            futures.push_back(std::async(std::launch::async, work));
        for (auto& f : futures) {
            while (f.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
                if (!stop && progress.stopRequested()) stop = true;
                progress.progress(static_cast<double>(done.load()) / static_cast<double>(n),
                                  "counting words");
            }
        }
        for (auto& f : futures) results.push_back(f.get());
        if (stop) cancelled("counting words");
        progress.progress(1.0, "counting words");
    }
    for (auto& [counts, total] : results) {
        if (m_counts.empty()) {
            m_counts = std::move(counts);
        } else {
            for (auto& [w, c] : counts) m_counts[w] += c;
        }
        m_total += total;
    }
}

std::vector<std::string> WordPieceTrainer::train(const Progress& progress) const {
    const WordPieceTrainerOptions& o = m_options;
    std::vector<std::string> tokens;
    std::unordered_map<std::string, uint32_t> ids;
    auto add = [&](const std::string& t) {
        const auto [it, inserted] = ids.emplace(t, static_cast<uint32_t>(tokens.size()));
        if (inserted) tokens.push_back(t);
        return it->second;
    };
    for (const std::string& s : o.specialTokens) add(s);

    // The words in code point order: ids and ties never depend on hash-table order.
    std::vector<std::pair<const std::u32string*, uint64_t>> sorted;
    sorted.reserve(m_counts.size());
    for (const auto& [w, c] : m_counts) sorted.emplace_back(&w, c);
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return *a.first < *b.first; });

    // The alphabet: the limitAlphabet most frequent characters (ties to the smaller code
    // point), then in code point order.
    std::unordered_map<char32_t, uint64_t> charCounts;
    for (const auto& [w, c] : sorted)
        for (char32_t ch : *w) charCounts[ch] += c;
    std::vector<std::pair<char32_t, uint64_t>> alphabet(charCounts.begin(), charCounts.end());
    if (alphabet.size() > o.limitAlphabet) {
        std::sort(alphabet.begin(), alphabet.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        alphabet.resize(o.limitAlphabet);
    }
    std::sort(alphabet.begin(), alphabet.end());
    std::unordered_map<char32_t, uint32_t> initialId, continuingId;
    for (const auto& [ch, c] : alphabet) initialId[ch] = add(utf8(ch));
    std::vector<char32_t> inside;
    for (const auto& [w, c] : sorted)
        for (size_t i = 1; i < w->size(); ++i)
            if (initialId.count((*w)[i])) inside.push_back((*w)[i]);
    std::sort(inside.begin(), inside.end());
    inside.erase(std::unique(inside.begin(), inside.end()), inside.end());
    for (char32_t ch : inside) continuingId[ch] = add(o.prefix + utf8(ch));

    // Words as symbols; characters outside the alphabet are dropped, as Hugging Face does
    // (the tokenizer maps such a word to [UNK] anyway).
    std::vector<std::vector<uint32_t>> words;
    std::vector<int64_t> counts;
    std::unordered_map<uint64_t, int64_t> pairCounts;
    std::unordered_map<uint64_t, std::vector<uint32_t>> where;
    for (const auto& [w, c] : sorted) {
        std::vector<uint32_t> symbols;
        for (size_t i = 0; i < w->size(); ++i) {
            const auto& table = i == 0 ? initialId : continuingId;
            const auto it = table.find((*w)[i]);
            if (it != table.end()) symbols.push_back(it->second);
        }
        if (symbols.size() < 2) continue;
        const auto index = static_cast<uint32_t>(words.size());
        for (size_t i = 0; i + 1 < symbols.size(); ++i) {
            const uint64_t key = pairKey(symbols[i], symbols[i + 1]);
            pairCounts[key] += static_cast<int64_t>(c);
            auto& list = where[key];
            if (list.empty() || list.back() != index) list.push_back(index);
        }
        words.push_back(std::move(symbols));
        counts.push_back(static_cast<int64_t>(c));
    }
    std::vector<Candidate> initial;
    initial.reserve(pairCounts.size());
    for (const auto& [key, c] : pairCounts) initial.push_back({c, key});
    std::priority_queue<Candidate> queue(std::less<Candidate>(), std::move(initial));

    const size_t start = tokens.size();
    const double span = o.vocabSize > start ? static_cast<double>(o.vocabSize - start) : 1.0;
    std::vector<uint32_t> merged;
    std::vector<uint64_t> touched;
    size_t iterations = 0;
    while (tokens.size() < o.vocabSize && !queue.empty()) {
        if (++iterations % 64 == 0) {
            if (progress.stopRequested()) cancelled("merging");
            progress.progress(static_cast<double>(tokens.size() - start) / span, "merging pairs");
        }
        const Candidate top = queue.top();
        queue.pop();
        const auto pc = pairCounts.find(top.pair);
        const int64_t current = pc == pairCounts.end() ? 0 : pc->second;
        if (current != top.count) {
            if (current > 0) queue.push({current, top.pair});
            continue;
        }
        if (current < 1 || static_cast<uint64_t>(current) < o.minFrequency) break;

        const uint32_t a = first(top.pair), b = second(top.pair);
        std::string right = tokens[b];
        if (right.compare(0, o.prefix.size(), o.prefix) == 0) right.erase(0, o.prefix.size());
        const uint32_t id = add(tokens[a] + right);

        std::vector<uint32_t> positions = std::move(where[top.pair]);
        where.erase(top.pair);
        pairCounts.erase(top.pair);
        std::sort(positions.begin(), positions.end());
        positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
        touched.clear();
        // Hugging Face's Word::merge: left to right, non-overlapping; each merge changes
        // the pairs with its neighbours (the left one already rewritten, the right one
        // not yet).
        auto change = [&](uint32_t x, uint32_t y, int64_t delta, uint32_t w) {
            const uint64_t key = pairKey(x, y);
            const int64_t v = (pairCounts[key] += delta);
            if (delta > 0) {
                auto& list = where[key];
                if (list.empty() || list.back() != w) list.push_back(w);
                touched.push_back(key);
            } else if (v == 0) {
                pairCounts.erase(key);
            }
        };
        for (uint32_t w : positions) {
            std::vector<uint32_t>& s = words[w];
            const int64_t c = counts[w];
            merged.clear();
            bool any = false;
            for (size_t i = 0; i < s.size();) {
                if (i + 1 < s.size() && s[i] == a && s[i + 1] == b) {
                    if (!merged.empty()) {
                        change(merged.back(), a, -c, w);
                        change(merged.back(), id, c, w);
                    }
                    if (i + 2 < s.size()) {
                        change(b, s[i + 2], -c, w);
                        change(id, s[i + 2], c, w);
                    }
                    merged.push_back(id);
                    i += 2;
                    any = true;
                } else {
                    merged.push_back(s[i]);
                    ++i;
                }
            }
            if (any) s.swap(merged);
        }
        // The pair of this merge may have been re-counted through a neighbour change
        // (a a a): it is gone from every word now.
        pairCounts.erase(top.pair);
        std::sort(touched.begin(), touched.end());
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        for (uint64_t key : touched) {
            const auto it = pairCounts.find(key);
            if (it != pairCounts.end() && it->second > 0) queue.push({it->second, key});
        }
    }
    progress.progress(1.0, "merging pairs");
    return tokens;
}

void saveWordPieceFolder(const std::string& folder, const std::vector<std::string>& vocab,
                         const WordPieceTrainerOptions& options) {
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < vocab.size(); ++i) {
        const std::string& t = vocab[i];
        if (t.empty() || t.find_first_of("\r\n") != std::string::npos)
            throw Error(ErrorCode::InvalidArgument,
                        folder + ": vocabulary entry " + std::to_string(i) +
                            " cannot be a line of vocab.txt ('" + t + "')");
        if (!seen.insert(t).second)
            throw Error(ErrorCode::InvalidArgument, folder + ": vocabulary entry " +
                                                        std::to_string(i) + " ('" + t +
                                                        "') is a duplicate");
    }
    for (const std::string& s : options.specialTokens)
        if (!seen.count(s))
            throw Error(ErrorCode::InvalidArgument,
                        folder + ": the vocabulary lacks the special token '" + s + "'");

    const fs::path target = fs::path(folder).lexically_normal();
    const fs::path dir = target.has_filename() ? target : target.parent_path();
    const fs::path tmp =
        dir.parent_path() / (dir.filename().string() + ".tmp-" + std::to_string(::getpid()));
    const fs::path old =
        dir.parent_path() / (dir.filename().string() + ".old-" + std::to_string(::getpid()));
    std::error_code ec;
    try {
        fs::remove_all(tmp, ec);
        fs::create_directories(tmp, ec);
        if (ec) throw Error(ErrorCode::Io, tmp.string() + ": " + ec.message());

        std::string text;
        for (const std::string& t : vocab) text += t + "\n";
        writeFile(tmp / "vocab.txt", text);

        using ordered = nlohmann::ordered_json;
        // The names transformers' BertTokenizer keeps in special_tokens_map.json.
        ordered map = ordered::object();
        const std::pair<const char*, const char*> roles[] = {{"unk_token", "[UNK]"},
                                                             {"sep_token", "[SEP]"},
                                                             {"pad_token", "[PAD]"},
                                                             {"cls_token", "[CLS]"},
                                                             {"mask_token", "[MASK]"}};
        for (const auto& [role, name] : roles)
            if (seen.count(name)) map[role] = name;
        ordered config = {
            {"tokenizer_class", "BertTokenizer"},
            {"do_lower_case", options.lowercase},
            {"do_basic_tokenize", true},
            {"never_split", nullptr},
            {"strip_accents", options.stripAccents ? ordered(*options.stripAccents) : ordered()},
            {"tokenize_chinese_chars", options.handleChineseChars},
            {"model_max_length", options.modelMaxLength},
            {"clean_up_tokenization_spaces", true}};
        for (auto it = map.begin(); it != map.end(); ++it) config[it.key()] = it.value();
        writeFile(tmp / "tokenizer_config.json", config.dump(2) + "\n");
        writeFile(tmp / "special_tokens_map.json", map.dump(2) + "\n");

        // Read back with the loader the models use: a folder that does not load (or loads
        // with another size) never replaces a good one.
        const auto tk = loadTokenizer(tmp.string());
        if (tk->vocabSize() != vocab.size() || tk->unkId() < 0)
            throw Error(ErrorCode::Internal, tmp.string() + ": the written vocabulary loads with " +
                                                 std::to_string(tk->vocabSize()) +
                                                 " tokens instead of " +
                                                 std::to_string(vocab.size()));

        fs::remove_all(old, ec);
        const bool replace = fs::exists(dir);
        if (replace) {
            fs::rename(dir, old, ec);
            if (ec) throw Error(ErrorCode::Io, dir.string() + ": " + ec.message());
        }
        fs::rename(tmp, dir, ec);
        if (ec) {
            std::error_code ignored;
            if (replace) fs::rename(old, dir, ignored);
            throw Error(ErrorCode::Io, dir.string() + ": " + ec.message());
        }
        fs::remove_all(old, ec);
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
}

}  // namespace ft::text
