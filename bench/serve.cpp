// The setup of bench/serve-load.sh (the load run of `finetune serve` with wrk): writes a
// small classifier folder (a built-in BERT shape, random weights, the bert-base-uncased
// tokenizer) and a wrk Lua script whose POST bodies are real SMS texts, and measures the
// model alone (Model::predict at batch 1 and 32) as the ceiling the server is held to.
// Usage: bench_serve OUT_DIR [--shape bert-tiny|bert-mini|bert-small] [--texts N] [--threads N]
//   writes OUT_DIR/model/ and OUT_DIR/load.lua; prints "direct batch=B texts_per_s=X" lines.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/model.h"
#include "runtime.h"

namespace {

std::vector<std::string> smsTexts(size_t n) {
    const std::string path = FT_SHARED_DIR "/data/sms-spam/SMSSpamCollection";
    std::ifstream in(path);
    if (!in) {
        std::cerr << "bench_serve: " << path << ": cannot be opened\n";
        std::exit(1);
    }
    std::vector<std::string> out;
    std::string line;
    while (out.size() < n && std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos) out.push_back(line.substr(tab + 1));
    }
    return out;
}

// A Lua string literal: the JSON is ASCII (ensure_ascii), so only \ and " need escaping.
std::string luaString(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '\\' || c == '"') out += '\\';
        out += c;
    }
    return out + "\"";
}

void writeLua(const std::string& path, const std::vector<std::string>& texts) {
    std::ofstream out(path);
    out << "-- wrk script written by bench_serve: one SMS text per POST /v1/predict, answers\n"
           "-- counted by status in every thread, one RESULT line at the end.\n"
           "local bodies = {\n";
    for (const auto& t : texts) {
        const nlohmann::json body = {{"texts", {t}}};
        out << "  " << luaString(body.dump(-1, ' ', true)) << ",\n";
    }
    out << R"(}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; s503 = 0; other = 0; n = 0 end
function request()
  n = n + 1
  return wrk.format("POST", "/v1/predict", {["Content-Type"] = "application/json"},
                    bodies[(n % #bodies) + 1])
end
function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 503 then s503 = s503 + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local o, b, x = 0, 0, 0
  for _, t in ipairs(threads) do o = o + t:get("ok"); b = b + t:get("s503"); x = x + t:get("other") end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d ok=%d s503=%d other=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    o, b, x, e.connect, e.read, e.write, e.timeout))
end
)";
}

double direct(const ft::models::Model& model, const std::vector<std::string>& texts, size_t batch) {
    const auto start = std::chrono::steady_clock::now();
    size_t done = 0;
    double seconds = 0;
    while (seconds < 2.0) {
        std::vector<std::string> chunk;
        for (size_t i = 0; i < batch; ++i) chunk.push_back(texts[(done + i) % texts.size()]);
        const auto p = model.predict(chunk, batch);
        if (p.size() != batch) std::abort();
        done += batch;
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    return static_cast<double>(done) / seconds;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_serve OUT_DIR [--shape bert-tiny] [--texts 256] [--threads N]\n";
        return 2;
    }
    const std::string out = argv[1];
    std::string shape = "bert-tiny";
    size_t count = 256;
    int threads = 0;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--shape")
            shape = argv[i + 1];
        else if (a == "--texts")
            count = std::stoul(argv[i + 1]);
        else if (a == "--threads")
            threads = std::stoi(argv[i + 1]);
    }
    ft::initRuntime(threads);
    const auto model = ft::models::Model::createBuiltin(
        shape, {"ham", "spam"}, FT_SHARED_DIR "/data/vocab/bert-base-uncased");
    model.save(out + "/model");
    const auto texts = smsTexts(count);
    writeLua(out + "/load.lua", texts);
    std::cout << "model " << shape << " parameters=" << model.info().parameters << "\n";
    // On a worker thread, as the server's inference thread runs: with OpenMP, the main
    // thread's team spins and on a loaded machine can be tens of times slower.
    std::thread worker([&] {
        for (size_t b : {1, 32})
            std::cout << "direct batch=" << b
                      << " texts_per_s=" << static_cast<long>(direct(model, texts, b)) << "\n";
    });
    worker.join();
    return 0;
}
