#include "train/stepper.h"

#include <algorithm>
#include <cctype>

#include "error.h"
#include "io/checkpoint.h"
#include "io/safetensors.h"
#include "models/loader.h"
#include "train/adamw.h"

namespace ft::train {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// transformers' get_decay_parameter_names: parameters of LayerNorm modules and any name
// that contains "bias" or a norm-like component are exempt from weight decay.
bool exemptFromDecay(const std::string& name, bool ownedByLayerNorm) {
    if (ownedByLayerNorm) return true;
    const std::string l = lower(name);
    if (l.find("bias") != std::string::npos || l.find("layernorm") != std::string::npos ||
        l.find("rmsnorm") != std::string::npos)
        return true;
    // "(?:^|\.)norm(?:$|\.)" and "_norm(?:$|\.)"
    size_t pos = 0;
    while ((pos = l.find("norm", pos)) != std::string::npos) {
        const size_t end = pos + 4;
        const bool endOk = end == l.size() || l[end] == '.';
        const bool startOk = pos == 0 || l[pos - 1] == '.' || l[pos - 1] == '_';
        if (startOk && endOk) return true;
        pos = end;
    }
    return false;
}

torch::Tensor toTensor(const std::vector<int64_t>& v, int64_t b, int64_t t,
                       const torch::Device& device) {
    return torch::from_blob(const_cast<int64_t*>(v.data()), {b, t}, torch::kInt64)
        .to(device, /*non_blocking=*/false, /*copy=*/true);
}

models::Inputs toInputs(const models::Batch& batch, const torch::Device& device) {
    const int64_t b = batch.batch, t = batch.length;
    const size_t n = static_cast<size_t>(b * t);
    if (b <= 0 || t <= 0 || batch.inputIds.size() != n ||
        (!batch.attentionMask.empty() && batch.attentionMask.size() != n) ||
        (!batch.tokenTypeIds.empty() && batch.tokenTypeIds.size() != n) ||
        (!batch.labels.empty() && batch.labels.size() != static_cast<size_t>(b)))
        throw Error(ErrorCode::InvalidArgument, "training batch: sizes disagree with " +
                                                    std::to_string(b) + " x " + std::to_string(t));
    models::Inputs in;
    in.inputIds = toTensor(batch.inputIds, b, t, device);
    if (!batch.attentionMask.empty())
        in.attentionMask = toTensor(batch.attentionMask, b, t, device);
    if (!batch.tokenTypeIds.empty()) in.tokenTypeIds = toTensor(batch.tokenTypeIds, b, t, device);
    if (!batch.labels.empty())
        in.labels = torch::from_blob(const_cast<int64_t*>(batch.labels.data()), {b}, torch::kInt64)
                        .to(device, false, true);
    return in;
}

}  // namespace

struct Stepper::Impl {
    std::shared_ptr<models::PretrainedModelImpl> module;
    OptimizerOptions options;
    torch::Device device{torch::kCPU};
    Schedule schedule;
    std::unique_ptr<AdamW> optimizer;
    std::vector<std::string> decayNames, trainedNames;
    std::vector<torch::Tensor> trained;  // in model order, for clipping
    torch::Tensor classWeights;
    int64_t step = 0;
    int64_t vocab = 0, maxPositions = 0;

    torch::Tensor loss(const models::Outputs& out, const torch::Tensor& labels) const {
        if (!classWeights.defined()) return out.loss;
        return torch::nn::functional::cross_entropy(
            out.logits.to(torch::kFloat32), labels,
            torch::nn::functional::CrossEntropyFuncOptions().weight(classWeights));
    }

    void checkIds(const models::Batch& batch) const {
        if (batch.length > maxPositions)
            throw Error(ErrorCode::InvalidArgument,
                        "training batch: " + std::to_string(batch.length) +
                            " tokens exceed the model's " + std::to_string(maxPositions) +
                            " positions");
        for (int64_t id : batch.inputIds)
            if (id < 0 || id >= vocab)
                throw Error(ErrorCode::InvalidArgument,
                            "training batch: token id " + std::to_string(id) +
                                " outside the vocabulary of " + std::to_string(vocab));
    }
};

Stepper::Stepper(const models::Model& model, const OptimizerOptions& options)
    : m_impl(std::make_unique<Impl>()) {
    auto& d = *m_impl;
    d.module = model.internals().module;
    d.options = options;
    const auto summary = model.config().summary();
    d.vocab = summary.vocab;
    d.maxPositions = summary.maxPositions;
    try {
        d.device = torch::Device(options.device);
    } catch (const c10::Error&) {
        throw Error(ErrorCode::InvalidArgument,
                    "device: '" + options.device + "' is not a device (cpu, cuda, cuda:N)");
    }
    if (d.device.is_cuda() && !torch::cuda::is_available())
        throw Error(ErrorCode::InvalidArgument,
                    "device: CUDA was asked for but this LibTorch build or machine has no CUDA "
                    "device (use \"cpu\")");
    d.module->to(d.device);
    d.module->train();
    d.schedule =
        Schedule(options.schedule, options.learningRate,
                 Schedule::warmupFor(options.totalSteps, options.warmupSteps, options.warmupRatio),
                 options.totalSteps);

    // Which parameters a LayerNorm owns: named_modules gives each module's own params.
    std::vector<std::string> layerNormParams;
    for (const auto& item : d.module->named_modules("", false)) {
        if (!dynamic_cast<torch::nn::LayerNormImpl*>(item.value().get())) continue;
        for (const auto& p : item.value()->named_parameters(false))
            layerNormParams.push_back(item.key().empty() ? p.key() : item.key() + "." + p.key());
    }
    AdamWGroup decay, noDecay;
    decay.weightDecay = options.weightDecay;
    for (const auto& p : d.module->named_parameters()) {
        if (!p.value().requires_grad()) continue;
        const bool ln = std::find(layerNormParams.begin(), layerNormParams.end(), p.key()) !=
                        layerNormParams.end();
        d.trainedNames.push_back(p.key());
        d.trained.push_back(p.value());
        if (exemptFromDecay(p.key(), ln)) {
            noDecay.params.emplace_back(p.key(), p.value());
        } else {
            decay.params.emplace_back(p.key(), p.value());
            d.decayNames.push_back(p.key());
        }
    }
    if (d.trained.empty())
        throw Error(ErrorCode::InvalidArgument, "every parameter of the model is frozen");
    d.optimizer = std::make_unique<AdamW>(std::vector<AdamWGroup>{decay, noDecay}, options.beta1,
                                          options.beta2, options.eps);
    if (!options.classWeights.empty()) {
        std::vector<float> w(options.classWeights.begin(), options.classWeights.end());
        d.classWeights =
            torch::tensor(w, torch::TensorOptions().dtype(torch::kFloat32)).to(d.device);
    }
}

Stepper::~Stepper() = default;

double Stepper::accumulate(const models::Batch& batch, int accumulationSteps) {
    auto& d = *m_impl;
    d.checkIds(batch);
    if (batch.labels.empty())
        throw Error(ErrorCode::InvalidArgument, "training batch: labels are missing");
    try {
        d.module->train();
        const models::Inputs in = toInputs(batch, d.device);
        const models::Outputs out = d.module->forward(in);
        torch::Tensor loss = d.loss(out, in.labels);
        const double value = loss.item<double>();
        if (accumulationSteps > 1) loss = loss / static_cast<double>(accumulationSteps);
        loss.backward();
        return value;
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Internal,
                    std::string("training step: ") + e.what_without_backtrace());
    }
}

StepStats Stepper::update() {
    auto& d = *m_impl;
    StepStats s;
    try {
        torch::NoGradGuard noGrad;
        // torch.nn.utils.clip_grad_norm_: the norm of the per-tensor norms, then every
        // gradient times min(1, max_norm / (norm + 1e-6)) computed as torch does it.
        // The multiplication itself happens inside the optimizer's pass over each tensor.
        std::vector<torch::Tensor> norms;
        for (auto& p : d.trained)
            if (p.grad().defined()) norms.push_back(torch::linalg_vector_norm(p.grad(), 2.0));
        float gradScale = 1.0f;
        if (!norms.empty()) {
            const torch::Tensor total = torch::linalg_vector_norm(torch::stack(norms), 2.0);
            s.gradNorm = total.item<double>();
            if (d.options.maxGradNorm > 0) {
                const torch::Tensor coef = (total + 1e-6).reciprocal() * d.options.maxGradNorm;
                gradScale = torch::clamp(coef, c10::nullopt, 1.0).item<float>();
            }
        }
        s.lr = d.schedule.lrAt(d.step);
        d.optimizer->step(s.lr, gradScale);
        d.optimizer->zeroGrad();
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Internal,
                    std::string("optimizer step: ") + e.what_without_backtrace());
    }
    ++d.step;
    s.step = d.step;
    return s;
}

EvalBatchResult Stepper::evaluate(const models::Batch& batch) {
    auto& d = *m_impl;
    d.checkIds(batch);
    EvalBatchResult r;
    try {
        torch::NoGradGuard noGrad;
        d.module->eval();
        models::Inputs in = toInputs(batch, d.device);
        const torch::Tensor labels = in.labels;
        in.labels = torch::Tensor();
        const models::Outputs out = d.module->forward(in);
        const torch::Tensor logits = out.logits.to(torch::kFloat32);
        if (labels.defined()) {
            const torch::Tensor perRow = torch::nn::functional::cross_entropy(
                logits, labels,
                torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
            r.lossSum = perRow.item<double>();
        }
        const torch::Tensor cpu = logits.contiguous().to(torch::kCPU);
        r.logits.assign(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
        d.module->train();
    } catch (const c10::Error& e) {
        d.module->train();
        throw Error(ErrorCode::Internal, std::string("evaluation: ") + e.what_without_backtrace());
    }
    return r;
}

int64_t Stepper::step() const { return m_impl->step; }
double Stepper::currentLr() const { return m_impl->schedule.lrAt(m_impl->step); }
const Schedule& Stepper::schedule() const { return m_impl->schedule; }
std::vector<std::string> Stepper::decayParameterNames() const { return m_impl->decayNames; }
std::vector<std::string> Stepper::trainedParameterNames() const { return m_impl->trainedNames; }

void Stepper::saveState(const std::string& path) const {
    const auto& d = *m_impl;
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& [name, s] : d.optimizer->state()) {
        tensors.emplace_back("exp_avg." + name, s.expAvg.to(torch::kCPU));
        tensors.emplace_back("exp_avg_sq." + name, s.expAvgSq.to(torch::kCPU));
        tensors.emplace_back("step." + name, torch::tensor({s.step}, torch::kInt64));
    }
    io::saveSafetensors(
        path, tensors,
        {{"format", "pt"}, {"optimizer", "adamw"}, {"scheduler_step", std::to_string(d.step)}});
}

void Stepper::loadState(const std::string& path) {
    auto& d = *m_impl;
    const io::SafetensorsFile file(path);
    const auto& meta = file.metadata();
    const auto it = meta.find("scheduler_step");
    if (it == meta.end())
        throw Error(ErrorCode::Parse, path + ": no scheduler_step in the metadata");
    auto read = [&](const std::string& key) {
        const io::TensorEntry* e = file.find(key);
        if (!e) throw Error(ErrorCode::Parse, path + ": tensor '" + key + "' is missing");
        return torch::from_blob(const_cast<uint8_t*>(file.data(*e)), e->shape,
                                io::toTorch(e->dtype))
            .clone();
    };
    for (const auto& e : file.entries()) {
        if (e.name.rfind("exp_avg.", 0) != 0) continue;
        const std::string name = e.name.substr(8);
        AdamWState s;
        s.expAvg = read(e.name);
        s.expAvgSq = read("exp_avg_sq." + name);
        s.step = read("step." + name).item<int64_t>();
        try {
            d.optimizer->setState(name, std::move(s));
        } catch (const Error& err) {
            throw Error(ErrorCode::InvalidArgument, path + ": " + err.what());
        }
    }
    d.step = std::stoll(it->second);
}

bool Stepper::cudaAvailable() { return torch::cuda::is_available(); }

}  // namespace ft::train
