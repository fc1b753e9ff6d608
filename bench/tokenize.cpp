// Tokenizer throughput on AG News (test.csv): MB/s and tokens/s on one thread and on all
// threads, for bert-base-uncased (WordPiece) and GPT-2 (byte-level BPE). Prints only.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "text/tokenizer.h"

namespace {

std::vector<std::string> readLines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

void measure(const char* name, const ft::text::Tokenizer& tk, const std::vector<std::string>& texts,
             unsigned threads) {
    size_t bytes = 0;
    for (const auto& t : texts) bytes += t.size();
    ft::text::EncodeOptions o;
    o.threads = threads;
    tk.encodeBatch(texts, o);  // warm the BPE cache and the page cache, as steady state would
    const auto start = std::chrono::steady_clock::now();
    const auto encodings = tk.encodeBatch(texts, o);
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    size_t tokens = 0;
    for (const auto& e : encodings) tokens += e.size();
    std::printf(
        "%-18s %2u thread(s): %8.2f MB/s %12.0f tokens/s (%zu texts, %.2f MB, %zu tokens, %.3f "
        "s)\n",
        name, threads, static_cast<double>(bytes) / 1e6 / s, static_cast<double>(tokens) / s,
        texts.size(), static_cast<double>(bytes) / 1e6, tokens, s);
}

}  // namespace

int main() {
    const std::string shared = FT_SHARED_DIR;
    const auto texts = readLines(shared + "/data/ag-news/test.csv");
    const unsigned all = std::max(1u, std::thread::hardware_concurrency());
    const auto bert = ft::text::loadTokenizer(shared + "/data/vocab/bert-base-uncased");
    const auto gpt2 = ft::text::loadTokenizer(shared + "/data/vocab/gpt2");
    for (unsigned threads : {1u, all}) {
        measure("bert-base-uncased", *bert, texts, threads);
        measure("gpt2", *gpt2, texts, threads);
    }
    return 0;
}
