// Training throughput: samples/s of a BERT classifier (4 layers x 256, batch 16) with fixed
// 128-token rows and with the SMS-spam length mix (length grouping, dynamic padding), side
// by side with the plain PyTorch eager reference (../shared/bench/pytorch_reference.py,
// run with Debian's python3-torch) at the same shape and threads; peak RSS of both.
// Prints only. Usage: bench_train [--threads N] [--steps N] [--no-reference]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <variant>
#include <vector>

#include "models/model.h"
#include "runtime.h"
#include "text/tokenizer.h"
#include "train/batcher.h"
#include "train/stepper.h"

namespace {

constexpr int64_t kLayers = 4, kHidden = 256, kHeads = 4, kSeq = 128, kBatch = 16;

double peakRssMiB(int who) {
    rusage u{};
    getrusage(who, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

ft::models::Model makeModel() {
    auto config = ft::models::Model::bertConfig(kLayers, kHidden, kHeads);
    config.common.labels = {"ham", "spam"};
    // The reference has no dropout.
    auto& bert = std::get<ft::io::BertConfig>(config.arch);
    bert.hiddenDropoutProb = 0.0;
    bert.attentionProbsDropoutProb = 0.0;
    bert.classifierDropout = 0.0;
    return ft::models::Model::create(config);
}

struct Timing {
    double samplesPerSecond = 0, realTokensPerSecond = 0, stepMs = 0;
    double updateMs = 0;  // of stepMs: clipping and the optimizer
};

Timing trainSteps(ft::models::Model& model, const std::vector<ft::models::Batch>& batches,
                  int warmup, int steps) {
    ft::train::OptimizerOptions o;
    o.learningRate = 2e-5;
    o.weightDecay = 0.01;
    o.schedule = ft::train::ScheduleKind::Constant;
    o.totalSteps = warmup + steps;
    ft::train::Stepper stepper(model, o);
    Timing t;
    std::chrono::steady_clock::time_point start;
    int64_t samples = 0, tokens = 0;
    double updateSeconds = 0;
    for (int i = 0; i < warmup + steps; ++i) {
        if (i == warmup) start = std::chrono::steady_clock::now();
        const auto& b = batches[static_cast<size_t>(i) % batches.size()];
        stepper.accumulate(b);
        const auto u0 = std::chrono::steady_clock::now();
        stepper.update();
        if (i >= warmup)
            updateSeconds +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - u0).count();
        if (i >= warmup) {
            samples += b.batch;
            for (int64_t m : b.attentionMask) tokens += m;
        }
    }
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    t.samplesPerSecond = static_cast<double>(samples) / s;
    t.realTokensPerSecond = static_cast<double>(tokens) / s;
    t.stepMs = 1000.0 * s / steps;
    t.updateMs = 1000.0 * updateSeconds / steps;
    return t;
}

std::string runReference(const std::string& args) {
    const std::string cmd = "/usr/bin/python3 " FT_SHARED_DIR "/bench/pytorch_reference.py " + args;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return "(could not start python3)";
    std::string out;
    char buf[4096];
    while (size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int rc = pclose(p);
    if (rc != 0) return "(reference failed: is python3-torch installed?) " + out;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    int threads = 2, steps = 20;
    bool reference = true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--steps") && i + 1 < argc)
            steps = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--no-reference"))
            reference = false;
    }
    ft::initRuntime(threads);
    const int warmup = 3;
    std::printf("BERT %lldx%lld, %lld heads, batch %lld, %d threads, %d timed steps (after %d)\n",
                static_cast<long long>(kLayers), static_cast<long long>(kHidden),
                static_cast<long long>(kHeads), static_cast<long long>(kBatch), threads, steps,
                warmup);

    // Fixed lengths: random ids, every row kSeq tokens.
    std::vector<ft::models::Batch> fixed;
    uint64_t x = 1;
    for (int k = 0; k < 4; ++k) {
        ft::models::Batch b;
        b.batch = kBatch;
        b.length = kSeq;
        for (int64_t i = 0; i < kBatch * kSeq; ++i) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            b.inputIds.push_back(1000 + static_cast<int64_t>((x >> 33) % 29000));
        }
        b.attentionMask.assign(static_cast<size_t>(kBatch * kSeq), 1);
        b.tokenTypeIds.assign(static_cast<size_t>(kBatch * kSeq), 0);
        for (int64_t i = 0; i < kBatch; ++i) b.labels.push_back(i % 2);
        fixed.push_back(std::move(b));
    }
    {
        auto model = makeModel();
        const Timing t = trainSteps(model, fixed, warmup, steps);
        std::printf(
            "finetune   fixed %lld tokens:  %7.1f samples/s  %8.0f real tokens/s  %7.1f ms/step "
            "(%.1f in the update)\n",
            static_cast<long long>(kSeq), t.samplesPerSecond, t.realTokensPerSecond, t.stepMs,
            t.updateMs);
    }

    // SMS spam texts: their lengths two ways (below), grouped and random batches.
    const std::string smsPath = FT_SHARED_DIR "/data/sms-spam/SMSSpamCollection";
    std::ifstream in(smsPath);
    std::vector<std::string> texts;
    std::string line;
    const std::string lengthsFile = "/tmp/ft-bench-sms-lengths.txt";
    std::ofstream lengths(lengthsFile);
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        texts.push_back(line.substr(tab + 1));
        lengths << texts.back() << "\n";
    }
    lengths.close();
    const auto tokenizer = ft::text::loadTokenizer(FT_SHARED_DIR "/data/vocab/bert-base-uncased");
    ft::text::EncodeOptions eo;
    eo.maxLength = kSeq;
    const auto enc = tokenizer->encodeBatch(texts, eo);
    std::vector<ft::train::Example> examples;
    double meanLength = 0;
    for (size_t i = 0; i < enc.size(); ++i) {
        ft::train::Example e;
        e.ids = enc[i].ids;
        e.label = static_cast<int32_t>(i % 2);
        meanLength += static_cast<double>(e.ids.size());
        examples.push_back(std::move(e));
    }
    meanLength /= static_cast<double>(examples.size());

    // The reference's own length model of the same file (pytorch_reference.py --lengths:
    // whitespace words x 1.3 + 2, at least 3, at most kSeq; random ids), so that grouped
    // and random batches here and the reference's random batches see the same lengths.
    std::vector<ft::train::Example> refExamples;
    double refMean = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
        std::istringstream words(texts[i]);
        std::string w;
        int n = 0;
        while (words >> w) ++n;
        if (n == 0) continue;  // the reference skips blank lines
        const int64_t len =
            std::min<int64_t>(kSeq, std::max<int64_t>(3, static_cast<int64_t>(n * 1.3) + 2));
        ft::train::Example e;
        for (int64_t k = 0; k < len; ++k) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            e.ids.push_back(1000 + static_cast<int64_t>((x >> 33) % 29000));
        }
        e.label = static_cast<int32_t>(i % 2);
        refMean += static_cast<double>(len);
        refExamples.push_back(std::move(e));
    }
    refMean /= static_cast<double>(refExamples.size());
    // Grouped and random batches of a set of examples, timed.
    const auto timeBatches = [&](const std::vector<ft::train::Example>& set, bool grouped) {
        ft::train::BatcherOptions bo;
        bo.batchSize = kBatch;
        bo.seed = 1;
        bo.groupByLength = grouped;
        const ft::train::Batcher batcher(set, bo);
        std::vector<ft::models::Batch> batches;
        for (const auto& idx : batcher.epochBatches(0)) batches.push_back(batcher.makeBatch(idx));
        auto model = makeModel();
        return trainSteps(model, batches, warmup, steps * 3);
    };
    for (const bool grouped : {true, false}) {
        const Timing t = timeBatches(refExamples, grouped);
        std::printf(
            "finetune   SMS ref lengths %-9s:  %7.1f samples/s  %8.0f real tokens/s  %7.1f "
            "ms/step (%.1f in the update)  (the reference's length model, mean %.1f)\n",
            grouped ? "grouped" : "random", t.samplesPerSecond, t.realTokensPerSecond, t.stepMs,
            t.updateMs, refMean);
    }
    // Real WordPiece lengths of the same texts (bert-base-uncased), for what a user sees.
    for (const bool grouped : {true, false}) {
        const Timing t = timeBatches(examples, grouped);
        std::printf(
            "finetune   SMS mix %-9s:  %7.1f samples/s  %8.0f real tokens/s  %7.1f ms/step  "
            "(%zu texts, mean %.1f tokens)\n",
            grouped ? "grouped" : "random", t.samplesPerSecond, t.realTokensPerSecond, t.stepMs,
            examples.size(), meanLength);
    }
    std::printf("finetune   peak RSS: %.0f MiB\n", peakRssMiB(RUSAGE_SELF));

    if (reference) {
        const std::string common = " --mode train --layers " + std::to_string(kLayers) +
                                   " --hidden " + std::to_string(kHidden) + " --heads " +
                                   std::to_string(kHeads) + " --seq " + std::to_string(kSeq) +
                                   " --batch " + std::to_string(kBatch) + " --threads " +
                                   std::to_string(threads) + " --warmup " + std::to_string(warmup);
        std::printf("pytorch    fixed:   %s\n",
                    runReference(common + " --steps " + std::to_string(steps)).c_str());
        std::printf("pytorch    peak RSS so far: %.0f MiB\n", peakRssMiB(RUSAGE_CHILDREN));
        std::printf("pytorch    SMS mix (random batches): %s\n",
                    runReference(common + " --steps " + std::to_string(steps * 3) + " --lengths " +
                                 lengthsFile)
                        .c_str());
        std::printf("pytorch    peak RSS (largest run): %.0f MiB\n", peakRssMiB(RUSAGE_CHILDREN));
    }
    std::printf("note: a shared machine; other builds may run at the same time.\n");
    return 0;
}
