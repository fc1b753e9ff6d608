// Inference throughput of BERT classifiers (random weights, built-in shapes): samples/s at
// seq 128, batch 32, next to plain PyTorch eager (../shared/bench/pytorch_reference.py)
// with the same shape and threads when a Python with torch is installed.
// Usage: bench_infer [--threads N] [--steps N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

#include "models/model.h"
#include "runtime.h"

namespace {

struct Shape {
    const char* name;
    int64_t layers, hidden, heads;
    int steps, warmup;
};

double ours(const Shape& s, int64_t batch, int64_t seq, int steps) {
    const int warmup = s.warmup;
    const auto model =
        ft::models::Model::create(ft::models::Model::bertConfig(s.layers, s.hidden, s.heads));
    std::mt19937 rng(0);
    std::uniform_int_distribution<int64_t> id(1000, 30521);
    ft::models::Batch b;
    b.batch = batch;
    b.length = seq;
    b.inputIds.resize(static_cast<size_t>(batch * seq));
    b.attentionMask.assign(b.inputIds.size(), 1);
    double seconds = 0;
    for (int i = 0; i < warmup + steps; ++i) {
        for (auto& x : b.inputIds) x = id(rng);
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = model.forward(b);
        const auto t1 = std::chrono::steady_clock::now();
        if (r.logits.empty()) std::abort();
        if (i >= warmup) seconds += std::chrono::duration<double>(t1 - t0).count();
    }
    return steps * batch / seconds;
}

// samples_per_s from the reference script, or a negative value when it cannot run.
double pytorch(const Shape& s, int64_t batch, int64_t seq, int steps, int threads) {
    for (const char* python : {"python3", "/usr/bin/python3"}) {
        const std::string probe = std::string(python) + " -c 'import torch' >/dev/null 2>&1";
        if (std::system(probe.c_str()) != 0) continue;
        const std::string cmd =
            std::string(python) + " " FT_SHARED_DIR "/bench/pytorch_reference.py" +
            " --mode infer --layers " + std::to_string(s.layers) + " --hidden " +
            std::to_string(s.hidden) + " --heads " + std::to_string(s.heads) + " --seq " +
            std::to_string(seq) + " --batch " + std::to_string(batch) + " --steps " +
            std::to_string(steps) + " --warmup " + std::to_string(s.warmup) + " --threads " +
            std::to_string(threads) + " 2>/dev/null";
        FILE* p = popen(cmd.c_str(), "r");
        if (!p) return -1;
        std::string out;
        char buf[512];
        while (fgets(buf, sizeof buf, p)) out += buf;
        pclose(p);
        const auto k = out.find("\"samples_per_s\":");
        if (k == std::string::npos) return -1;
        return std::atof(out.c_str() + k + 16);
    }
    return -1;
}

}  // namespace

int main(int argc, char** argv) {
    int threads = 0, steps = 0;
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--threads")
            threads = std::atoi(argv[++i]);
        else if (a == "--steps")
            steps = std::atoi(argv[++i]);
    }
    ft::initRuntime(threads);
    if (threads <= 0) threads = ft::hardwareThreads();
    const int64_t batch = 32, seq = 128;
    std::cout << ft::runtimeInfo();
    std::printf("%-14s %6s %14s %16s %7s\n", "shape", "steps", "ours samples/s",
                "pytorch samples/s", "ratio");
    for (const Shape& s :
         {Shape{"bert 4x256", 4, 256, 4, 10, 2}, Shape{"bert 12x768", 12, 768, 12, 2, 1}}) {
        const int n = steps > 0 ? steps : s.steps;
        const double a = ours(s, batch, seq, n);
        const double b = pytorch(s, batch, seq, n, threads);
        if (b > 0)
            std::printf("%-14s %6d %14.1f %16.1f %7.2f\n", s.name, n, a, b, a / b);
        else
            std::printf("%-14s %6d %14.1f %16s %7s\n", s.name, n, a, "n/a", "-");
        std::fflush(stdout);
    }
    return 0;
}
