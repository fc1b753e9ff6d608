#include "models/preflight.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <variant>

#include "error.h"
#include "models/loader.h"

namespace ft::models {

TrainingShape trainingShape(const io::ModelConfig& config, int64_t parameters) {
    const auto s = config.summary();
    TrainingShape shape;
    shape.parameters = parameters;
    shape.layers = s.layers;
    shape.hidden = s.hidden;
    shape.heads = s.heads;
    if (const auto* b = std::get_if<io::BertConfig>(&config.arch))
        shape.intermediate = b->intermediateSize;
    else if (const auto* d = std::get_if<io::DistilBertConfig>(&config.arch))
        shape.intermediate = d->hiddenDim;
    else if (const auto* g = std::get_if<io::Gpt2Config>(&config.arch))
        shape.intermediate = g->innerDim();
    else if (const auto* x = std::get_if<io::XLNetConfig>(&config.arch))
        shape.intermediate = x->dInner;
    return shape;
}

MemoryEstimate estimateTrainingMemory(const TrainingShape& shape, int64_t batch, int64_t length) {
    if (batch < 1 || length < 1)
        throw Error(ErrorCode::InvalidArgument,
                    "memory estimate: batch size and length must be at least 1 (got " +
                        std::to_string(batch) + " and " + std::to_string(length) + ")");
    if (shape.parameters < 1 || shape.layers < 1 || shape.hidden < 1 || shape.heads < 1)
        throw Error(ErrorCode::InvalidArgument, "memory estimate: the model shape is empty");
    constexpr uint64_t kFloat = 4;
    const auto p = static_cast<uint64_t>(shape.parameters);
    const auto b = static_cast<uint64_t>(batch), t = static_cast<uint64_t>(length);
    const auto l = static_cast<uint64_t>(shape.layers), h = static_cast<uint64_t>(shape.hidden);
    const auto a = static_cast<uint64_t>(shape.heads);
    const auto i = static_cast<uint64_t>(std::max<int64_t>(0, shape.intermediate));
    MemoryEstimate e;
    e.weights = kFloat * p;
    e.gradients = kFloat * p;
    e.optimizer = 2 * kFloat * p;
    const uint64_t perLayer = b * t * (8 * h + 2 * i) + 2 * a * b * t * t;
    e.activations = kFloat * (l * perLayer + 2 * b * t * h);
    return e;
}

std::optional<uint64_t> parseMemAvailable(const std::string& meminfo) {
    std::istringstream in(meminfo);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("MemAvailable:", 0) != 0) continue;
        std::istringstream fields(line.substr(13));
        uint64_t value = 0;
        std::string unit;
        if (!(fields >> value)) return std::nullopt;
        fields >> unit;
        return unit == "kB" ? value * 1024 : value;
    }
    return std::nullopt;
}

std::optional<uint64_t> availableMemory() {
    std::ifstream in("/proc/meminfo");
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    return parseMemAvailable(ss.str());
}

Verdict verdict(uint64_t needed, uint64_t available) {
    if (static_cast<double>(needed) <= kFitsFraction * static_cast<double>(available))
        return Verdict::Fits;
    return needed <= available ? Verdict::Tight : Verdict::WillNotFit;
}

namespace {

// The largest x in [1, upper] with fits(x), for fits monotone (true below some point).
template <typename Fits>
int64_t largestFitting(int64_t upper, Fits fits) {
    if (upper < 1 || !fits(1)) return 0;
    int64_t lo = 1, hi = upper;
    while (lo < hi) {
        const int64_t mid = lo + (hi - lo + 1) / 2;
        if (fits(mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

}  // namespace

int64_t largestFittingBatch(const TrainingShape& shape, int64_t batch, int64_t length,
                            uint64_t available) {
    return largestFitting(batch, [&](int64_t b) {
        return verdict(estimateTrainingMemory(shape, b, length).total(), available) ==
               Verdict::Fits;
    });
}

int64_t largestFittingLength(const TrainingShape& shape, int64_t batch, int64_t length,
                             uint64_t available) {
    return largestFitting(length, [&](int64_t t) {
        return verdict(estimateTrainingMemory(shape, batch, t).total(), available) == Verdict::Fits;
    });
}

SpeedMeasurement measureTrainingSpeed(const io::ModelConfig& config, Task task, int64_t batch,
                                      int64_t length, int steps, const Progress& progress) {
    const auto s = config.summary();
    if (batch < 1 || steps < 1)
        throw Error(ErrorCode::InvalidArgument,
                    "speed measurement: batch size and steps must be at least 1");
    if (length < 1 || length > s.maxPositions)
        throw Error(ErrorCode::InvalidArgument, "speed measurement: length " +
                                                    std::to_string(length) +
                                                    " is outside the model's 1.." +
                                                    std::to_string(s.maxPositions) + " positions");
    SpeedMeasurement out;
    try {
        progress.progress(0.0, "building a model of the same shape");
        // A fresh model of the same shape: the loaded weights stay as they are, and the
        // time per step does not depend on the values.
        const Model model = Model::create(config, task);
        auto& module = *model.internals().module;
        module.train();
        torch::manual_seed(0);

        Inputs in;
        in.inputIds =
            torch::randint(1, std::max<int64_t>(2, s.vocab), {batch, length}, torch::kInt64);
        in.attentionMask = torch::ones({batch, length}, torch::kInt64);
        if (task == Task::SequenceClassification) {
            const int64_t labels = module.numLabels();
            in.labels = labels == 1 ? torch::zeros({batch}, torch::kFloat32)
                                    : torch::randint(0, std::max<int64_t>(1, labels), {batch},
                                                     torch::kInt64);
        } else {
            in.labels = in.inputIds.clone();
        }
        torch::optim::AdamW optimizer(module.parameters(),
                                      torch::optim::AdamWOptions(2e-5).weight_decay(0.01));

        using Clock = std::chrono::steady_clock;
        for (int step = 0; step < steps; ++step) {
            if (progress.stopRequested())
                throw Error(ErrorCode::Cancelled, "speed measurement cancelled");
            progress.progress(static_cast<double>(step) / steps,
                              "step " + std::to_string(step + 1) + " of " + std::to_string(steps));
            const auto start = Clock::now();
            optimizer.zero_grad();
            const Outputs o = module.forward(in);
            o.loss.backward();
            optimizer.step();
            out.stepSeconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        }
        progress.progress(1.0, "done");
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Internal,
                    std::string("speed measurement: ") + e.what_without_backtrace());
    }
    std::vector<double> sorted = out.stepSeconds;
    std::sort(sorted.begin(), sorted.end());
    out.secondsPerStep = sorted[sorted.size() / 2];
    return out;
}

}  // namespace ft::models
